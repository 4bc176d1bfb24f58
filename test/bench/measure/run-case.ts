/** Measures one repetition of one case: the sandbox reset to the same state, then the floor or n8n. */
import type { N8nInstance } from '../../e2e/n8n/n8n-instance';
import type { Sandbox, VendorName } from '../../sandbox/types';
import { IC_DEFAULT_TOKEN } from '../../sandbox/vendors/invisibleCollector';
import type { BenchCase, N8nCase } from '../cases/cases';
import { runFloor } from './floor';
import { profileSplitOf } from './profile-split';
import type { Area } from '../report/profile-summary';
import { executeMeasured } from './n8n-run';
import { sandboxStats } from './sandbox-stats';
import type { BenchSettings } from '../cases/settings';
import { SUBJECT } from '../cases/workflows';

export interface RunMetrics {
	/** The node's executionTime from n8n's run data; for the floor, the pool's wall time. */
	readonly wallMs: number;
	readonly requests: number;
	readonly rateLimited: number;
	readonly unanswered: number;
	readonly maxInFlight: number;
	readonly created: number;
	readonly duplicates: number;
	readonly resentAfterCreated: number;
	/** Items that came out on no regular output: n8n's error output, or all of them when the node stopped the workflow. */
	readonly itemsInError: number;
	/** n8n process, during the node's run (/proc samples). */
	readonly nodeCpuMs?: number;
	readonly nodePeakRssMb?: number;
	readonly nodeStartRssMb?: number;
	/** n8n process, whole `n8n execute` run (getrusage at exit). */
	readonly processCpuMs?: number;
	readonly processPeakRssMb?: number;
	/** From the node's start to the first request the sandbox received: reading and checking the items. */
	readonly firstRequestMs?: number;
	readonly nodeError?: string;
	/** With `--cpu-prof`: the n8n process's CPU while the node ran, ms per area (report/profile-summary.ts). */
	readonly profileSplit?: Record<Area, number>;
}

/** The memory diagnostic: the live heap (after forced full GCs) rather than what V8 has not collected yet. */
export interface LiveHeap {
	readonly atNodeStartMb: number;
	/** Highest heap left after a forced GC while the node ran. */
	readonly peakDuringNodeMb: number;
	readonly probeEveryMs: number;
}

const MB = 1024;

export interface RunContext {
	readonly sandbox: Sandbox;
	/** The real-network stand-in: the sandbox over HTTPS with an added round trip, and the CA to trust. */
	readonly slowNetwork: { baseUrl(vendor: VendorName): string; readonly ca: string };
	readonly instance: N8nInstance;
	readonly settings: BenchSettings;
	/** Where the n8n processes write their exit reports. */
	readonly reportDir: string;
}

export async function runCase(
	benchCase: BenchCase,
	context: RunContext,
	/** Where n8n writes a CPU profile of this run (`--cpu-prof`), if wanted. */
	profileDir?: string,
): Promise<RunMetrics> {
	const { sandbox, settings } = context;
	sandbox.reset();
	if (benchCase.rateLimited) {
		sandbox.setRateLimit({ perSecond: settings.ratePerSecond, retryAfter: 'seconds', vendor: benchCase.vendor });
	}
	if (benchCase.kind === 'floor') {
		const { slowNetwork } = context;
		const baseUrl = benchCase.slowNetwork ? slowNetwork.baseUrl(benchCase.vendor) : sandbox.baseUrl(benchCase.vendor);
		const floor = await runFloor(baseUrl, IC_DEFAULT_TOKEN, benchCase.names, settings.concurrency, {
			ca: benchCase.slowNetwork ? slowNetwork.ca : undefined,
			newConnectionPerRequest: benchCase.newConnectionPerRequest,
		});
		const stats = sandboxStats(sandbox, benchCase.vendor, benchCase.names);
		return { wallMs: floor.wallMs, ...stats, itemsInError: benchCase.names.length - floor.created };
	}

	const nodeOptions = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
	const run = await executeMeasured(context.instance, benchCase.workflow.id, SUBJECT, context.reportDir, { nodeOptions });
	const stats = sandboxStats(sandbox, benchCase.vendor, benchCase.names);
	const firstRequest = sandbox.requests.find((request) => request.vendor === benchCase.vendor);
	const { node, window, exit } = run;
	const handled = node.outputCounts.slice(0, benchCase.declaredOutputs).reduce((sum, count) => sum + count, 0);
	return {
		wallMs: node.executionMs,
		...stats,
		itemsInError: node.error === undefined ? benchCase.names.length - handled : benchCase.names.length,
		nodeCpuMs: window.cpuMs,
		nodePeakRssMb: window.peakRssKb / MB,
		nodeStartRssMb: window.startRssKb / MB,
		processCpuMs: exit && exit.userCpuMs + exit.systemCpuMs,
		processPeakRssMb: exit && exit.maxRssKb / MB,
		firstRequestMs: firstRequest && firstRequest.receivedAt - node.startTime,
		nodeError: node.error,
		profileSplit: profileDir === undefined ? undefined : profileSplitOf(profileDir, run),
	};
}

const GC_PROBE_MS = 2000;

/** One extra run of `benchCase` with the GC probe: how much live data the node holds, as opposed to garbage. */
export async function measureLiveHeap(benchCase: N8nCase, context: RunContext): Promise<LiveHeap> {
	context.sandbox.reset();
	const run = await executeMeasured(context.instance, benchCase.workflow.id, SUBJECT, context.reportDir, { gcProbeMs: GC_PROBE_MS });
	const samples = run.exit?.heapAfterGc ?? [];
	const start = run.node.startTime;
	const end = start + run.node.executionMs;
	const before = samples.filter(([at]) => at <= start).at(-1);
	// The first probe inside the node, if none came before it (a probe right at start sees the same data).
	const atStart = before ?? samples.find(([at]) => at >= start);
	const during = samples.filter(([at]) => at >= start && at <= end).map(([, heap]) => heap);
	if (!atStart || during.length === 0) throw new Error('the GC probe took no sample during the node');
	return { atNodeStartMb: atStart[1], peakDuringNodeMb: Math.max(...during), probeEveryMs: GC_PROBE_MS };
}
