/**
 * Samples a process's CPU time and resident memory from /proc (Linux) while it runs, from outside:
 * nothing is added to the measured process. /proc/<pid>/stat counts every thread of the process
 * (V8's GC helpers and libuv's pool included) in clock ticks of 10 ms.
 */
import { readFileSync } from 'node:fs';

export interface ProcSample {
	/** Date.now() when read: the same clock as n8n's `startTime` in the run data. */
	readonly at: number;
	/** User + system CPU time so far, ms. */
	readonly cpuMs: number;
	readonly rssKb: number;
}

const TICK_MS = 10; // `getconf CLK_TCK` is 100 on Linux x86-64

function read(pid: number): ProcSample | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may hold spaces: count fields after its closing parenthesis.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const rss = /^VmRSS:\s+(\d+)/m.exec(status);
		return { at: Date.now(), cpuMs: ticks * TICK_MS, rssKb: rss ? Number(rss[1]) : 0 };
	} catch {
		return undefined; // the process has exited
	}
}

export interface Sampler {
	/** Stops sampling and returns what was read. */
	stop(): ProcSample[];
}

export function sampleProcess(pid: number, everyMs = 25): Sampler {
	const samples: ProcSample[] = [];
	const take = () => {
		const sample = read(pid);
		if (sample) samples.push(sample);
	};
	take();
	const timer = setInterval(take, everyMs);
	return {
		stop: () => {
			clearInterval(timer);
			return samples;
		},
	};
}

/** CPU time at `at`, interpolated between the samples around it. */
function cpuAt(samples: readonly ProcSample[], at: number): number {
	if (samples.length === 0) return 0;
	if (at <= samples[0].at) return samples[0].cpuMs;
	for (let index = 1; index < samples.length; index++) {
		const after = samples[index];
		if (after.at < at) continue;
		const before = samples[index - 1];
		const share = after.at === before.at ? 1 : (at - before.at) / (after.at - before.at);
		return before.cpuMs + share * (after.cpuMs - before.cpuMs);
	}
	return samples[samples.length - 1].cpuMs;
}

export interface WindowUsage {
	/** CPU time the process used between `from` and `to`, ms. */
	readonly cpuMs: number;
	/** Highest resident memory seen in the window, and the resident memory at its start, kB. */
	readonly peakRssKb: number;
	readonly startRssKb: number;
}

export function usageBetween(samples: readonly ProcSample[], from: number, to: number): WindowUsage {
	const inside = samples.filter((sample) => sample.at >= from && sample.at <= to);
	const before = samples.filter((sample) => sample.at <= from).at(-1) ?? samples[0];
	return {
		cpuMs: cpuAt(samples, to) - cpuAt(samples, from),
		peakRssKb: Math.max(before?.rssKb ?? 0, ...inside.map((sample) => sample.rssKb)),
		startRssKb: before?.rssKb ?? 0,
	};
}
