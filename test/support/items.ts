/** Building input rows and reading node outputs, for every vendor's tests. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RunResult } from '../harness';

/** One input row per name: `{ name, row }`, where `row` is the row's position. */
export const rows = (...names: unknown[]): IDataObject[] => names.map((name, row) => ({ name, row }) as IDataObject);

export const jsonOf = (items: INodeExecutionData[] | undefined): IDataObject[] => (items ?? []).map((item) => item.json);

/** The input row each output item points back to (its `pairedItem.item`). */
export const pairedRows = (items: INodeExecutionData[] | undefined): number[] =>
	(items ?? []).map((item) => {
		const paired = item.pairedItem;
		if (typeof paired !== 'object' || paired === null || Array.isArray(paired)) throw new Error('pairedItem is not { item }');
		return paired.item;
	});

/** Everything a run left behind that a secret could leak into. */
export const everythingOf = (result: RunResult): string =>
	JSON.stringify({ outputs: result.outputs, error: result.error, runData: result.runData, logs: result.logs });
