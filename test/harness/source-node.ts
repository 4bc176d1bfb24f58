/** The node in front of the node under test: it emits the test's rows, one item each. */
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes, deepCopy } from 'n8n-workflow';

export const SOURCE_NODE_TYPE = 'harness.items';
export const SOURCE_NODE_NAME = 'Rows';

/**
 * A node type for one run's rows. `execute` runs with n8n's context as `this`, so the rows travel
 * by closure; copies go out, so nothing n8n or the node does to an item reaches the test's objects.
 */
export function createSourceNodeType(rows: IDataObject[]): INodeType {
	return {
		description: {
			displayName: 'Rows',
			name: SOURCE_NODE_TYPE,
			group: ['input'],
			version: 1,
			description: 'Emits the rows a test gave the harness',
			defaults: { name: SOURCE_NODE_NAME },
			// Like a trigger it starts the run (the engine hands it one empty seed item).
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(): Promise<INodeExecutionData[][]> {
			// Every row stems from the one seed item.
			return [rows.map((row) => ({ json: deepCopy(row), pairedItem: { item: 0 } }))];
		},
	};
}
