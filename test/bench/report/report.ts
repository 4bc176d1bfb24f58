/** The printed table (Markdown, pasted into the README) from the medians of one run. */
import type { Scenario } from '../cases/cases';
import type { LiveHeap, RunMetrics } from '../measure/run-case';
import type { MachineInfo } from '../measure/machine';
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
	/** The memory diagnostic run, when the cost scenario ran. */
	readonly liveHeap?: LiveHeap;
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

function throughput(results: BenchResults): string {
	const floor = byKey(results, 'floor')?.median.wallMs;
	const rows = results.cases
		.filter((result) => result.scenario === 'throughput')
		.map(({ label, median: m, items }) => [
			label,
			seconds(m.wallMs),
			ratio(m.wallMs !== undefined && floor ? m.wallMs / floor : undefined),
			count(m.requests),
			count(m.maxInFlight),
			count(m.created),
			count(m.itemsInError),
			ms(perItem(m.nodeCpuMs, items)),
			seconds(m.firstRequestMs),
		]);
	return table(
		['Case', 'Wall time', '× floor', 'Requests', 'Max in flight', 'Created', 'Items in error', 'n8n CPU / item', 'First request after'],
		rows,
	);
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
	const baseline = byKey(results, 'cost-baseline');
	const items = ours?.items ?? 1;
	const difference = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a - b);
	return {
		ours,
		baseline,
		nodeCpuPerItem: perItem(ours?.median.nodeCpuMs, items),
		processCpuPerItemOverBaseline: perItem(difference(ours?.median.processCpuMs, baseline?.median.processCpuMs), items),
		peakAboveBaseline: difference(ours?.median.processPeakRssMb, baseline?.median.processPeakRssMb),
	};
}

function cost(results: BenchResults): string {
	const figures = costFigures(results);
	const row = (result: CaseResult | undefined, cpuPerItem: string, above: string): string[] => {
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
		];
	};
	return table(
		['Case', 'Node time', 'CPU during node', 'CPU / item (node)', 'CPU, whole process', 'RSS during node (start → peak)', 'Peak RSS, whole process', 'Above baseline'],
		[
			row(figures.baseline, '–', '–'),
			row(figures.ours, `${ms(figures.nodeCpuPerItem)} (whole process over baseline: ${ms(figures.processCpuPerItemOverBaseline)})`, mb(figures.peakAboveBaseline)),
		],
	);
}

function liveHeapLine(results: BenchResults): string {
	const heap = results.liveHeap;
	if (!heap) return '';
	const growth = heap.peakDuringNodeMb - heap.atNodeStartMb;
	return `\n\nLive heap (one more run of our node with a forced full GC every ${heap.probeEveryMs / 1000} s, not in the medians): ${mb(heap.atNodeStartMb)} at node start, at most ${mb(heap.peakDuringNodeMb)} while it ran (${growth >= 0 ? '+' : ''}${mb(growth)}).`;
}

function verdict(pass: boolean | undefined): string {
	return pass === undefined ? 'not measured' : pass ? 'met' : '**missed**';
}

function targets(results: BenchResults): string {
	const { settings } = results;
	const floor = byKey(results, 'floor')?.median.wallMs;
	const ours = byKey(results, 'thru-ours')?.median.wallMs;
	const rate = byKey(results, 'rate-ours')?.median;
	const batch = byKey(results, 'hid-batch')?.median;
	const figures = costFigures(results);
	const throughputRatio = ours !== undefined && floor ? ours / floor : undefined;
	const rateRatio = rate?.wallMs === undefined ? undefined : rate.wallMs / ((settings.rateLimitItems / settings.ratePerSecond) * 1000);
	const rateOk =
		rate === undefined || rateRatio === undefined
			? undefined
			: rate.created === settings.rateLimitItems && rate.duplicates === 0 && rate.itemsInError === 0 && rateRatio <= TARGETS.rateLimitRatio;
	const rows = [
		['Throughput within 1.15× of the floor', ratio(throughputRatio), verdict(throughputRatio === undefined ? undefined : throughputRatio <= TARGETS.throughputRatio)],
		[
			`Rate limit: ${settings.rateLimitItems} created, 0 duplicates, 0 errors, within 1.2× of N / rate`,
			rate ? `${count(rate.created)} created, ${count(rate.duplicates)} duplicates, ${count(rate.itemsInError)} errors, ${ratio(rateRatio)}` : '–',
			verdict(rateOk),
		],
		[
			`HelloID batch: ≤ 10 requests for ${settings.helloIdItems} items`,
			count(batch?.requests),
			verdict(batch?.requests === undefined ? undefined : batch.requests <= TARGETS.helloIdBatchRequests),
		],
		['≤ 0.2 ms CPU per item', ms(figures.nodeCpuPerItem), verdict(figures.nodeCpuPerItem === undefined ? undefined : figures.nodeCpuPerItem <= TARGETS.cpuMsPerItem)],
		[
			`≤ 150 MB above baseline for ${settings.costItems} items`,
			mb(figures.peakAboveBaseline),
			verdict(figures.peakAboveBaseline === undefined ? undefined : figures.peakAboveBaseline <= TARGETS.extraPeakMb),
		],
	];
	return table(['Target', 'Measured', ''], rows);
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
		'### Targets',
		targets(results),
	].join('\n');
}
