/**
 * What n8n itself recorded of a run, read from its REST API (as the editor's Executions list does):
 * the status, and the items of each output of a node (run data is stored as `flatted` JSON).
 */
import { parse } from 'flatted';

import type { RestSession } from '../n8n/rest-session';
import { waitFor } from './cluster';

export interface ExecutionSummary {
	readonly id: string;
	readonly workflowId: string;
	/** new, running, success, error, crashed, canceled, waiting, unknown */
	readonly status: string;
}

interface ExecutionList {
	readonly results: readonly ExecutionSummary[];
}

/** The newest executions of a workflow, newest first. */
export async function executionsOf(
	session: RestSession,
	workflowId: string,
	limit = 100,
	statuses?: readonly string[],
): Promise<ExecutionSummary[]> {
	// n8n answers at most 100 per page.
	const filter = encodeURIComponent(JSON.stringify({ workflowId, ...(statuses && { status: statuses }) }));
	const list = (await session.request('GET', `/rest/executions?filter=${filter}&limit=${limit}`)) as ExecutionList;
	return list.results.map(({ id, workflowId: wf, status }) => ({ id: String(id), workflowId: wf, status }));
}

export async function executionStatus(session: RestSession, id: string): Promise<string> {
	const execution = (await session.request('GET', `/rest/executions/${id}`)) as { status: string };
	return execution.status;
}

/** Waits for the execution of `workflowId` that is not in `known` (the one just started). */
export async function newExecution(session: RestSession, workflowId: string, known: ReadonlySet<string>, timeoutMs = 60_000): Promise<string> {
	let found: string | undefined;
	await waitFor(`a new execution of ${workflowId}`, timeoutMs, async () => {
		found = (await executionsOf(session, workflowId)).find((execution) => !known.has(execution.id))?.id;
		return found !== undefined;
	});
	return found as string;
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** Polls until the execution is finished (success, error, crashed or canceled); resolves with that status. */
export async function finishedStatus(session: RestSession, id: string, timeoutMs: number): Promise<string> {
	let status = '';
	await waitFor(`execution ${id} to finish`, timeoutMs, async () => {
		status = await executionStatus(session, id);
		return FINISHED.has(status);
	}, 1000);
	return status;
}

export type JsonItem = Readonly<Record<string, unknown>>;

export interface RunItem {
	readonly json: JsonItem;
	/** The input row the item came from. */
	readonly pairedItem?: { readonly item: number } | readonly { readonly item: number }[] | number;
}

/** Items (json and pairedItem) of each output of `nodeName`'s first run in the execution ([] for an output with none). */
export async function nodeRunItems(session: RestSession, id: string, nodeName: string): Promise<RunItem[][]> {
	const execution = (await session.request('GET', `/rest/executions/${id}`)) as { data: string };
	const data = parse(execution.data) as {
		resultData: { runData: Record<string, { data?: { main?: (RunItem[] | null)[] } }[] | undefined> };
	};
	const runs = data.resultData.runData[nodeName];
	if (runs === undefined || runs.length === 0) throw new Error(`execution ${id} has no run of node "${nodeName}"`);
	return (runs[0].data?.main ?? []).map((items) => items ?? []);
}

/** The json of each output's items (see nodeRunItems). */
export async function nodeOutputs(session: RestSession, id: string, nodeName: string): Promise<JsonItem[][]> {
	return (await nodeRunItems(session, id, nodeName)).map((items) => items.map((item) => item.json));
}

/** The input row index an item's pairedItem points at (undefined when it has none or several). */
export function pairedRow(item: RunItem): number | undefined {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (Array.isArray(paired)) return paired.length === 1 ? paired[0].item : undefined;
	return (paired as { item: number } | undefined)?.item;
}

export interface ExecutionFailure {
	readonly id: string;
	readonly status: string;
	/** The last node that ran; undefined when n8n failed the execution before any node ran. */
	readonly lastNode: string | undefined;
	readonly message: string;
}

/** Why an execution failed, as n8n recorded it. */
export async function executionFailure(session: RestSession, id: string): Promise<ExecutionFailure> {
	const execution = (await session.request('GET', `/rest/executions/${id}`)) as { status: string; data: string };
	const data = parse(execution.data) as { resultData?: { lastNodeExecuted?: string; error?: { message?: string; description?: string } } };
	const error = data.resultData?.error;
	return {
		id,
		status: execution.status,
		lastNode: data.resultData?.lastNodeExecuted,
		message: [error?.message, error?.description].filter(Boolean).join(': '),
	};
}

/** The failed (error, crashed, canceled) executions among a workflow's newest 100. */
export async function failedExecutions(session: RestSession, workflowId: string): Promise<ExecutionFailure[]> {
	const failed = await executionsOf(session, workflowId, 100, ['error', 'crashed', 'canceled']);
	return Promise.all(failed.map((execution) => executionFailure(session, execution.id)));
}
