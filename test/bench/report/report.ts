/** The printed table (Markdown, pasted into the README) from the medians of one run. */
import type { Scenario } from '../cases/cases';
import type { LiveHeap, RunMetrics } from '../measure/run-case';
import type { MachineInfo } from '../measure/machine';
import type { NetworkCalibration } from '../network/calibrate';
import { AREAS } from './profile-summary';
import { median } from './stats';
import { TARGETS, type BenchSettings } from '../cases/settings';

export interface CaseResult {
	readonly key: string;
	readonly scenario: Scenario;
	readonly label: string;
	readonly items: number;
	readonly runs: readonly RunMetrics[];
	/** Field by field over the runs. */
	readonly median: Partial<Record<keyof RunMetrics, number>>;
}

export interface BenchResults {
	readonly startedAt: string;
	readonly durationS: number;
	readonly settings: BenchSettings;
	/** Command-line options of the run (a README table comes from a run without any). */
	readonly options: readonly string[];
	readonly machine: MachineInfo;
	readonly cases: readonly CaseResult[];
	/** The memory diagnostic runs (by case key: `cost-ours`, `cost-http`), when the cost scenario ran. */
	readonly liveHeaps?: Readonly<Record<string, LiveHeap>>;
	/** What the real-network stand-in was measured to add, at the start of the run. */
	readonly networkCalibration?: NetworkCalibration;
}

type Median = CaseResult['median'];

const seconds = (ms: number | undefined): string => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const count = (value: number | undefined): string => (value === undefined ? '–' : String(Math.round(value)));
const ratio = (value: number | undefined): string => (value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`);
const ms = (value: number | undefined, digits = 3): string => (value === undefined ? '–' : `${value.toFixed(digits)} ms`);
const mb = (value: number | undefined): string => (value === undefined ? '–' : `${Math.round(value)} MB`);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
	return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function byKey(results: BenchResults, key: string): CaseResult | undefined {
	return results.cases.find((result) => result.key === key);
}

function perItem(total: number | undefined, items: number): number | undefined {
	return total === undefined ? undefined : total / items;
}

function over(value: number | undefined, reference: number | undefined): number | undefined {
	return value === undefined || reference === undefined || reference === 0 ? undefined : value / reference;
}

/** Medians hide a failed run among good ones: say how many failed, and why. */
function failedRuns(runs: readonly RunMetrics[]): string {
	const failed = runs.filter((run) => run.nodeError !== undefined);
	if (failed.length === 0) return '';
	return ` (**node failed in ${failed.length} of ${runs.length} runs**: ${failed[0].nodeError?.slice(0, 60)})`;
}

/** Wall time against the undici floor and the helper floor of the same scenario. */
function speedTable(results: BenchResults, scenario: Scenario, floorKey: string, helperKey: string, extra: readonly string[] = []): string {
	const floor = byKey(results, floorKey)?.median.wallMs;
	const helper = byKey(results, helperKey)?.median.wallMs;
	const rows = results.cases
		.filter((result) => result.scenario === scenario)
		.map(({ label, median: m, items, runs }) => [
			label + failedRuns(runs),
			seconds(m.wallMs),
			ratio(over(m.wallMs, floor)),
			ratio(over(m.wallMs, helper)),
			m.unanswered ? `${count(m.requests)} (${count(m.unanswered)} unanswered)` : count(m.requests),
			count(m.maxInFlight),
			count(m.created),
			count(m.itemsInError),
			ms(perItem(m.nodeCpuMs, items)),
			seconds(m.firstRequestMs),
		]);
	return table(
		['Case', 'Wall time', '× undici floor', '× helper floor', 'Requests', 'Max in flight', 'Created', 'Items in error', 'n8n CPU / item', 'First request after', ...extra],
		rows,
	);
}

function throughput(results: BenchResults): string {
	return speedTable(results, 'throughput', 'floor', 'helper-floor');
}

function network(results: BenchResults): string {
	const c = results.networkCalibration;
	const measured = c
		? `Measured at the start of the run (medians of 5, undici): a request on a kept-alive connection takes ${ms(c.addedRoundTripMs, 1)} more through the proxy than straight to the sandbox; a new connection through it costs ${ms(c.newConnectionMs, 1)} more than a kept-alive one (TCP and TLS handshakes; ${ms(c.newConnectionDirectMs, 1)} straight to the sandbox over plain TCP).\n\n`
		: '';
	return measured + speedTable(results, 'network', 'net-floor', 'net-helper');
}

function rateLimit(results: BenchResults): string {
	const { rateLimitItems, ratePerSecond } = results.settings;
	const ideal = (rateLimitItems / ratePerSecond) * 1000;
	const rows = results.cases
		.filter((result) => result.scenario === 'rateLimit')
		.map(({ label, median: m }) => [
			label,
			count(m.created),
			count(m.duplicates),
			count(m.resentAfterCreated),
			count(m.itemsInError),
			`${count(m.requests)} (${count(m.rateLimited)} × 429)`,
			seconds(m.wallMs),
			ratio(m.wallMs === undefined ? undefined : m.wallMs / ideal),
		]);
	return table(
		['Case', 'Created', 'Duplicates', 'Re-sent after created (409)', 'Items in error', 'Requests', 'Wall time', `× N / rate (${seconds(ideal)})`],
		rows,
	);
}

function helloId(results: BenchResults): string {
	const rows = results.cases
		.filter((result) => result.scenario === 'helloId')
		.map(({ label, median: m }) => [label, count(m.requests), seconds(m.wallMs), count(m.created), count(m.itemsInError)]);
	return table(['Case', 'Requests', 'Wall time', 'Created', 'Items in error'], rows);
}

function costFigures(results: BenchResults) {
	const ours = byKey(results, 'cost-ours');
	const http = byKey(results, 'cost-http');
	const baseline = byKey(results, 'cost-baseline');
	const difference = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);
	const figuresOf = (result: CaseResult | undefined) => ({
		result,
		nodeCpuPerItem: result && perItem(result.median.nodeCpuMs, result.items),
		processCpuPerItemOverBaseline: result && perItem(difference(result.median.processCpuMs, baseline?.median.processCpuMs), result.items),
		peakAboveBaseline: difference(result?.median.processPeakRssMb, baseline?.median.processPeakRssMb),
		liveHeap: result && results.liveHeaps?.[result.key],
	});
	return {
		baseline,
		helper: figuresOf(byKey(results, 'cost-helper')),
		ours: figuresOf(ours),
		autoMapped: figuresOf(byKey(results, 'cost-ours-automap')),
		http: figuresOf(http),
	};
}

type CostFigures = ReturnType<typeof costFigures>['ours'];

function liveGrowth(heap: LiveHeap | undefined): number | undefined {
	return heap && heap.peakDuringNodeMb - heap.atNodeStartMb;
}

function cost(results: BenchResults): string {
	const figures = costFigures(results);
	const row = (result: CaseResult | undefined, cpuPerItem: string, above: string, live: string): string[] => {
		const m: Median = result?.median ?? {};
		return [
			result?.label ?? '–',
			seconds(m.wallMs),
			ms(m.nodeCpuMs, 0),
			cpuPerItem,
			ms(m.processCpuMs, 0),
			`${mb(m.nodeStartRssMb)} → ${mb(m.nodePeakRssMb)}`,
			mb(m.processPeakRssMb),
			above,
			live,
		];
	};
	const subject = (f: CostFigures): string[] =>
		row(
			f.result,
			`${ms(f.nodeCpuPerItem)} (whole process over baseline: ${ms(f.processCpuPerItemOverBaseline)})`,
			mb(f.peakAboveBaseline),
			f.liveHeap ? `${mb(f.liveHeap.atNodeStartMb)} → ${mb(f.liveHeap.peakDuringNodeMb)} (${signedMb(liveGrowth(f.liveHeap))})` : '–',
		);
	const rows = [row(figures.baseline, '–', '–', '–')];
	if (figures.helper.result) rows.push(subject(figures.helper));
	rows.push(subject(figures.ours));
	if (figures.autoMapped.result) rows.push(subject(figures.autoMapped));
	if (figures.http.result) rows.push(subject(figures.http));
	return table(
		[
			'Case',
			'Node time',
			'CPU during node',
			'CPU / item (node)',
			'CPU, whole process',
			'RSS during node (start → peak)',
			'Peak RSS, whole process',
			'Above baseline',
			'Live heap (node start → peak)',
		],
		rows,
	);
}

function signedMb(value: number | undefined): string {
	return value === undefined ? '–' : `${value >= 0 ? '+' : ''}${mb(value)}`;
}

function liveHeapLine(results: BenchResults): string {
	const probe = Object.values(results.liveHeaps ?? {})[0]?.probeEveryMs;
	if (probe === undefined) return '';
	return `\n\nLive heap: one more run of each node with a forced full GC every ${probe / 1000} s (not in the medians); the highest heap left after a GC while the node ran.`;
}

function verdict(pass: boolean | undefined): string {
	return pass === undefined ? 'not measured' : pass ? 'met' : '**missed**';
}

function target(name: string, measured: string, pass: boolean | undefined): string[] {
	return [name, measured, verdict(pass)];
}

const atMost = (value: number | undefined, limit: number): boolean | undefined => (value === undefined ? undefined : value <= limit);

function targets(results: BenchResults): string {
	const { settings } = results;
	const wall = (key: string) => byKey(results, key)?.median.wallMs;
	const ours = wall('thru-ours');
	const overHelper = over(ours, wall('helper-floor'));
	const overFloor = over(ours, wall('floor'));
	const overHttp = over(ours, wall('thru-http'));
	const rate = byKey(results, 'rate-ours')?.median;
	const batch = byKey(results, 'hid-batch')?.median;
	const figures = costFigures(results);
	const cpuOverHttp = over(figures.ours.nodeCpuPerItem, figures.http.nodeCpuPerItem);
	const growth = liveGrowth(figures.ours.liveHeap);
	const oursAbove = figures.ours.peakAboveBaseline;
	const httpAbove = figures.http.peakAboveBaseline;
	const rateCheck = rateLimitCheck(settings, rate);
	const rows = [
		target(`Throughput ≤ ${TARGETS.overHelperFloor.toFixed(2)}× the helper floor`, ratio(overHelper), atMost(overHelper, TARGETS.overHelperFloor)),
		target(`Throughput ≤ ${TARGETS.overUndiciFloor.toFixed(2)}× the undici floor`, ratio(overFloor), atMost(overFloor, TARGETS.overUndiciFloor)),
		target(
			`Throughput ≤ ${TARGETS.overHttpRequest.toFixed(2)}× the HTTP Request node`,
			`${ratio(overHttp)} (default settings, adaptive: ${ratio(over(wall('thru-ours-default'), wall('thru-http')))}; the helper floor: ${ratio(over(wall('helper-floor'), wall('thru-http')))})`,
			atMost(overHttp, TARGETS.overHttpRequest),
		),
		target(
			`CPU per item ≤ ${TARGETS.cpuOverHttpRequest.toFixed(2)}× the HTTP Request node's (${settings.costItems} items)`,
			`${ms(figures.ours.nodeCpuPerItem)} vs ${ms(figures.http.nodeCpuPerItem)}: ${ratio(cpuOverHttp)}`,
			atMost(cpuOverHttp, TARGETS.cpuOverHttpRequest),
		),
		target(
			`CPU per item with auto-mapped fields ≤ ${TARGETS.autoMappedCpuMsPerItem} ms`,
			`${ms(figures.autoMapped.nodeCpuPerItem)} (mapped by expression: ${ms(figures.ours.nodeCpuPerItem)}; the helper floor: ${ms(figures.helper.nodeCpuPerItem)})`,
			atMost(figures.autoMapped.nodeCpuPerItem, TARGETS.autoMappedCpuMsPerItem),
		),
		target(`Live heap ≤ +${TARGETS.liveHeapGrowthMb} MB for ${settings.costItems} items`, signedMb(growth), atMost(growth, TARGETS.liveHeapGrowthMb)),
		target(
			`Peak RSS above the No-Op baseline ≤ the HTTP Request node's (${settings.costItems} items)`,
			`${mb(oursAbove)} vs ${mb(httpAbove)}`,
			oursAbove === undefined || httpAbove === undefined ? undefined : oursAbove <= httpAbove,
		),
		target(
			`Rate limit: ${settings.rateLimitItems} created, 0 duplicates, 0 errors, within ${TARGETS.rateLimitRatio}× of N / rate`,
			rateCheck.measured,
			rateCheck.ok,
		),
		target(`HelloID batch: ≤ ${TARGETS.helloIdBatchRequests} requests for ${settings.helloIdItems} items`, count(batch?.requests), atMost(batch?.requests, TARGETS.helloIdBatchRequests)),
		...adaptiveTargets(results),
	];
	return table(['Target (issue 17)', 'Measured', ''], rows);
}

/** The rate-limit target for one case: every item created once, no errors, within TARGETS.rateLimitRatio of N / rate. */
function rateLimitCheck(settings: BenchSettings, rate: Median | undefined): { measured: string; ok: boolean | undefined } {
	const rateRatio = rate?.wallMs === undefined ? undefined : rate.wallMs / ((settings.rateLimitItems / settings.ratePerSecond) * 1000);
	if (rate === undefined) return { measured: '–', ok: undefined };
	return {
		measured: `${count(rate.created)} created, ${count(rate.duplicates)} duplicates, ${count(rate.itemsInError)} errors, ${ratio(rateRatio)}`,
		ok:
			rateRatio === undefined
				? undefined
				: rate.created === settings.rateLimitItems && rate.duplicates === 0 && rate.itemsInError === 0 && rateRatio <= TARGETS.rateLimitRatio,
	};
}

/**
 * Issue 17, item 4: Adaptive Concurrency (the new default) must beat the old default (5 in flight,
 * fixed) on the real network, and under the rate limit create every group without more 429s.
 */
function adaptiveTargets(results: BenchResults): string[][] {
	const { settings } = results;
	const net = byKey(results, 'net-ours-default')?.median;
	const netOld = byKey(results, 'net-ours-5')?.median;
	const rate = byKey(results, 'rate-ours-default')?.median;
	const rateOld = byKey(results, 'rate-ours-5')?.median;
	const netRatio = over(net?.wallMs, netOld?.wallMs);
	const rateCheck = rateLimitCheck(settings, rate);
	const rateOk =
		rateCheck.ok === undefined || rate === undefined || rateOld === undefined
			? undefined
			: rateCheck.ok && (rate.rateLimited ?? 0) <= (rateOld.rateLimited ?? 0);
	return [
		target(
			'Real network: default settings (adaptive) faster than the old default (5 in flight, fixed)',
			`${seconds(net?.wallMs)} vs ${seconds(netOld?.wallMs)}: ${ratio(netRatio)}`,
			netRatio === undefined ? undefined : netRatio < 1,
		),
		target(
			`Rate limit, default settings: ${settings.rateLimitItems} created, 0 duplicates, 0 errors, within ${TARGETS.rateLimitRatio}× of N / rate, no more 429s than the old default`,
			rate ? `${rateCheck.measured}; ${count(rate.rateLimited)} × 429 vs ${count(rateOld?.rateLimited)}` : '–',
			rateOk,
		),
	];
}

/** With `--cpu-prof`: the n8n process's CPU per item while the node ran, by area (medians over the runs). */
function profileSplit(results: BenchResults): string {
	const profiled = results.cases.filter((result) => result.runs.some((run) => run.profileSplit));
	if (profiled.length === 0) return '';
	const rows = profiled.map((result) => {
		const splits = result.runs.flatMap((run) => (run.profileSplit ? [run.profileSplit] : []));
		const perArea = AREAS.map((area) => median(splits.map((split) => split[area])) / result.items);
		const total = perArea.reduce((sum, value) => sum + value, 0);
		return [`${result.label} (${result.items} items)`, ...perArea.map((value) => ms(value)), ms(total)];
	});
	return [
		'',
		'### Where the CPU went while the node ran (`--cpu-prof`, per item; the profiler slows n8n down)',
		'Each sample is named by the innermost frame on its stack that is node code, n8n\'s expression engine or n8n\'s HTTP helper; socket, TLS and timer work reached from callbacks has lost its caller and counts as Node internals.',
		'',
		table(['Case', ...AREAS, 'total'], rows),
	].join('\n');
}

export function formatReport(results: BenchResults): string {
	const { settings: s, machine: m } = results;
	const quick = s.quick ? '\n**Quick run (`--quick`): small numbers, one repetition — a smoke test, not a result.**\n' : '';
	const options = results.options.length && !s.quick ? `\n**Run with ${results.options.join(' ')}: not a README table.**\n` : '';
	return [
		`## Benchmark, ${results.startedAt} (${results.durationS} s)${quick}${options}`,
		`Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB RAM; n8n ${m.n8nVersion} on Node ${m.n8nNode}; benchmark and sandbox on Node ${m.benchNode}; load average ${m.loadAtStart.toFixed(2)} at start, ${m.loadAtEnd?.toFixed(2) ?? '?'} at end.`,
		`Sandbox latency ${s.latencyMs} ms, concurrency ${s.concurrency}; median of ${s.repetitions} interleaved runs. n8n times are the node's own \`executionTime\` from the run data (not process start-up).`,
		'',
		`### 1. Throughput: ${s.throughputItems} items, no rate limit`,
		throughput(results),
		'',
		`### 2. Rate limit: ${s.rateLimitItems} items, ${s.ratePerSecond} requests/s, 429 + Retry-After beyond`,
		rateLimit(results),
		'',
		`### 3. HelloID: ${s.helloIdItems} items`,
		helloId(results),
		'',
		`### 4. Cost per item: ${s.costItems} items`,
		cost(results) + liveHeapLine(results),
		'',
		`### 5. Real network: ${s.networkItems} items over HTTPS, ${s.networkRttMs} ms added to every round trip (TCP and TLS handshakes included)`,
		network(results),
		'',
		'### Targets',
		targets(results),
		profileSplit(results),
	].join('\n');
}
