/**
 * One measured `n8n execute --id=<id> --rawOutput`: the node's own time from the run data, the n8n
 * process's CPU and memory sampled from /proc, and its totals at exit (see exit-report.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from '../../e2e/n8n/free-port';
import type { N8nInstance } from '../../e2e/n8n/n8n-instance';
import { spawnTracked } from '../../e2e/n8n/processes';
import { tail } from '../../e2e/n8n/run-command';
import { findRunRecord, type NodeRun, type RunRecord } from '../../e2e/n8n/run-record';
import type { ExitReport } from './exit-report';
import { sampleProcess, usageBetween, type WindowUsage } from './proc-sampler';

/** What n8n records of one node run besides its data (n8n-workflow `ITaskData`). */
interface TimedNodeRun extends NodeRun {
	readonly startTime?: number;
	readonly executionTime?: number;
}

export interface NodeResult {
	/** From the run data: when the node started (ms since epoch) and how long it ran, retries included. */
	readonly startTime: number;
	readonly executionMs: number;
	/** Items on each output: [Created, Conflict, error] for our nodes under "Continue (using error output)". */
	readonly outputCounts: readonly number[];
	/** The node's error when it stopped the workflow. */
	readonly error: string | undefined;
}

export interface MeasuredRun {
	readonly exitCode: number | null;
	readonly node: NodeResult;
	/** The n8n process during the node's run (from /proc samples). */
	readonly window: WindowUsage;
	/** The n8n process as a whole, at exit. */
	readonly exit: ExitReport | undefined;
	readonly record: RunRecord;
}

export interface RunOptions {
	/** Further Node options for the n8n process, e.g. `--cpu-prof` (see `npm run bench -- --cpu-prof`). */
	readonly nodeOptions?: readonly string[];
	/** Force a full GC this often and record the live heap (see exit-report.ts); skews time and CPU. */
	readonly gcProbeMs?: number;
}

const EXIT_REPORT = join(__dirname, 'exit-report.js');
const RUN_TIMEOUT_MS = 5 * 60_000;

function nodeResult(record: RunRecord, nodeName: string): NodeResult {
	const run = record.data.resultData.runData[nodeName]?.[0] as TimedNodeRun | undefined;
	if (run?.startTime === undefined || run.executionTime === undefined) {
		const reason = record.data.resultData.error?.message ?? `last node: ${record.data.resultData.lastNodeExecuted ?? 'none'}`;
		throw new Error(`node "${nodeName}" has no run data (${reason})`);
	}
	return {
		startTime: run.startTime,
		executionMs: run.executionTime,
		outputCounts: (run.data?.main ?? []).map((items) => items?.length ?? 0),
		error: run.error?.message,
	};
}

function readExitReport(reportDir: string, pid: number): ExitReport | undefined {
	const file = join(reportDir, `${pid}.json`);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ExitReport) : undefined;
}

/** Runs the workflow `workflowId` once and measures the node `nodeName` in it. */
export async function executeMeasured(
	instance: N8nInstance,
	workflowId: string,
	nodeName: string,
	reportDir: string,
	options: RunOptions = {},
): Promise<MeasuredRun> {
	const gcProbe = options.gcProbeMs === undefined ? [] : ['--expose-gc'];
	const nodeOptions = [instance.env.NODE_OPTIONS, `--require=${EXIT_REPORT}`, ...gcProbe, ...(options.nodeOptions ?? [])];
	const env: NodeJS.ProcessEnv = {
		...instance.env,
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		NODE_OPTIONS: nodeOptions.filter(Boolean).join(' '),
		BENCH_REPORT_DIR: reportDir,
		...(options.gcProbeMs === undefined ? {} : { BENCH_GC_PROBE_MS: String(options.gcProbeMs) }),
	};
	const { nodeBin } = instance.install.runtime;
	const args = [instance.install.n8nEntry, 'execute', `--id=${workflowId}`, '--rawOutput'];
	const spawned = spawnTracked(`n8n execute --id=${workflowId}`, nodeBin, args, { cwd: instance.userFolder, env });
	const sampler = sampleProcess(spawned.pid);
	const timeout = setTimeout(() => void spawned.stop(2000), RUN_TIMEOUT_MS);
	const exitCode = await spawned.exited;
	clearTimeout(timeout);
	const samples = sampler.stop();

	const output = spawned.output();
	const record = findRunRecord(output);
	if (record === undefined) throw new Error(`n8n execute printed no run record (exit ${exitCode}):\n${tail(output)}`);
	const node = nodeResult(record, nodeName);
	return {
		exitCode,
		node,
		window: usageBetween(samples, node.startTime, node.startTime + node.executionMs),
		exit: readExitReport(reportDir, spawned.pid),
		record,
	};
}
