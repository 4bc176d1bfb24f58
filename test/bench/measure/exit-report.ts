/**
 * Preloaded into n8n with `NODE_OPTIONS=--require <this file>`. When the process exits it writes its
 * own totals (peak resident memory, CPU time) to `$BENCH_REPORT_DIR/<pid>.json`. It does nothing
 * while n8n runs, so it costs the measured run nothing; it catches what /proc sampling cannot, the
 * last moments before exit (n8n prints and saves the run after the node has finished).
 *
 * With `BENCH_GC_PROBE_MS` (and `--expose-gc`) it also forces a full garbage collection that often
 * and records the heap left afterwards: the live data, as opposed to garbage V8 has not collected
 * yet. Only the memory diagnostic run uses this; it changes timing and CPU, so nothing else does.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExitReport {
	readonly pid: number;
	/** Peak resident set size of the whole run, kB (getrusage ru_maxrss). */
	readonly maxRssKb: number;
	readonly userCpuMs: number;
	readonly systemCpuMs: number;
	/** With the GC probe: [Date.now(), heap used in MB right after a forced full GC]. */
	readonly heapAfterGc?: ReadonlyArray<readonly [number, number]>;
	/**
	 * Date.now() and the monotonic clock (µs, CLOCK_MONOTONIC, which V8's CPU profile timestamps use)
	 * read together at start: places the profile's samples on the run data's clock.
	 */
	readonly clock: { readonly epochMs: number; readonly monotonicUs: number };
}

const clock = { epochMs: Date.now(), monotonicUs: Number(process.hrtime.bigint() / 1000n) };

const dir = process.env.BENCH_REPORT_DIR;
const probeMs = Number(process.env.BENCH_GC_PROBE_MS);
const forceGc = (globalThis as { gc?: () => void }).gc;
const heapAfterGc: Array<[number, number]> = [];

if (dir) {
	if (probeMs > 0 && forceGc) {
		setInterval(() => {
			forceGc();
			heapAfterGc.push([Date.now(), process.memoryUsage().heapUsed / 2 ** 20]);
		}, probeMs).unref();
	}
	process.on('exit', () => {
		const usage = process.resourceUsage();
		const report: ExitReport = {
			pid: process.pid,
			maxRssKb: usage.maxRSS,
			userCpuMs: usage.userCPUTime / 1000,
			systemCpuMs: usage.systemCPUTime / 1000,
			clock,
			...(heapAfterGc.length ? { heapAfterGc } : {}),
		};
		writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(report));
	});
}
