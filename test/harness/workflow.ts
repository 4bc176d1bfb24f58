/** The two-node workflow of a harness run: the rows feed the node under test's input. */
import type { IConnections, IDataObject, INode, INodeCredentials, IWorkflowBase } from 'n8n-workflow';
import { NodeConnectionTypes, Workflow, deepCopy } from 'n8n-workflow';

import { HarnessNodeTypes, instantiate, latestVersion, qualifiedTypeName } from './node-types';
import { SOURCE_NODE_NAME, SOURCE_NODE_TYPE, createSourceNodeType } from './source-node';
import type { HarnessNode } from './types';

export const NODE_UNDER_TEST = 'Node Under Test';

export interface BuiltWorkflow {
	workflow: Workflow;
	/** What n8n would have saved: what the hooks and the run data refer to. */
	workflowData: IWorkflowBase;
	source: INode;
	nodeUnderTest: INode;
}

/** Each credential gets an id derived from its type, as if saved once per type. */
function nodeCredentials(credentials: Record<string, string> = {}): INodeCredentials | undefined {
	const entries = Object.entries(credentials);
	if (entries.length === 0) return undefined;
	return Object.fromEntries(entries.map(([type, name]) => [type, { id: `credential-${type}`, name }]));
}

export function buildWorkflow(node: HarnessNode, rows: IDataObject[]): BuiltWorkflow {
	const nodeType = instantiate(node.type);
	const type = qualifiedTypeName(nodeType);
	const source: INode = {
		id: 'harness-rows',
		name: SOURCE_NODE_NAME,
		type: SOURCE_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodeUnderTest: INode = {
		id: 'harness-node-under-test',
		name: NODE_UNDER_TEST,
		type,
		typeVersion: node.typeVersion ?? latestVersion(nodeType),
		position: [250, 0],
		// The Workflow fills in defaults in place, as n8n does when it loads a saved workflow.
		parameters: deepCopy(node.parameters),
		credentials: nodeCredentials(node.credentials),
		onError: node.onError ?? 'stopWorkflow',
	};
	const connections: IConnections = {
		[SOURCE_NODE_NAME]: {
			[NodeConnectionTypes.Main]: [[{ node: NODE_UNDER_TEST, type: NodeConnectionTypes.Main, index: 0 }]],
		},
	};
	const nodeTypes = new HarnessNodeTypes({ [SOURCE_NODE_TYPE]: createSourceNodeType(rows), [type]: nodeType });
	const workflow = new Workflow({
		id: 'harness-workflow',
		name: 'Harness',
		nodes: [source, nodeUnderTest],
		connections,
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const now = new Date();
	const workflowData: IWorkflowBase = {
		id: workflow.id,
		name: 'Harness',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: now,
		updatedAt: now,
		nodes: [source, nodeUnderTest],
		connections,
		settings: workflow.settings,
	};
	return { workflow, workflowData, source, nodeUnderTest };
}
