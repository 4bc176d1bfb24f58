/**
 * Reads what `n8n execute --rawOutput` prints. With `N8N_LOG_FORMAT=json` every output line is a JSON
 * log entry; the run record is the entry whose `message` is itself a JSON document (the full run).
 */

export interface OutputItem {
	readonly json: Readonly<Record<string, unknown>>;
	readonly pairedItem?: { readonly item: number } | readonly { readonly item: number }[];
}

export interface NodeRun {
	readonly executionStatus?: string;
	readonly error?: { readonly message?: string };
	readonly data?: { readonly main?: readonly (readonly OutputItem[] | null)[] };
}

export interface RunRecord {
	readonly status?: string;
	readonly finished?: boolean;
	readonly data: {
		readonly resultData: {
			readonly runData: Readonly<Record<string, readonly NodeRun[]>>;
			readonly error?: { readonly message?: string };
			readonly lastNodeExecuted?: string;
		};
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The run record in `output`, or undefined when there is none (n8n failed before running). */
export function findRunRecord(output: string): RunRecord | undefined {
	for (const line of output.split('\n')) {
		if (!line.startsWith('{')) continue;
		const entry = parseJson(line);
		if (!isRecord(entry) || typeof entry.message !== 'string' || !entry.message.startsWith('{')) continue;
		const record = parseJson(entry.message);
		if (isRecord(record) && isRecord(record.data) && isRecord(record.data.resultData)) return record as unknown as RunRecord;
	}
	return undefined;
}

/** Output k of the node's first run: `[created, conflict, error]` for a vendor node under "Continue (using error output)". */
export function nodeOutputs(record: RunRecord, nodeName: string): readonly (readonly OutputItem[])[] {
	const run = record.data.resultData.runData[nodeName]?.[0];
	if (run === undefined) throw new Error(`node "${nodeName}" did not run (last node: ${record.data.resultData.lastNodeExecuted ?? 'none'})`);
	if (run.error !== undefined) throw new Error(`node "${nodeName}" failed: ${run.error.message ?? 'no message'}`);
	return (run.data?.main ?? []).map((items) => items ?? []);
}

/** Index of the input row an output item came from. */
export function sourceRow(item: OutputItem): number | undefined {
	const paired = item.pairedItem;
	if (paired === undefined) return undefined;
	return Array.isArray(paired) ? (paired as readonly { item: number }[])[0]?.item : (paired as { item: number }).item;
}
