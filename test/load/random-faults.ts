/**
 * Random faults at a given rate: the sandbox's fault queue hits the next matching request, so a
 * poller keeps one fault queued and places the next a random (geometric) number of requests later.
 */
import { faultMatches } from '../sandbox/faults';
import type { Fault, FaultMatch, Sandbox } from '../sandbox/types';

/** A small seeded generator (mulberry32), so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export interface RandomFaults {
	stop(): void;
	/** Faults queued so far (the last may not have been used). */
	readonly injected: number;
}

export function injectRandomFaults(
	sandbox: Sandbox,
	match: FaultMatch,
	faults: readonly Fault[],
	{ rate, random }: { rate: number; random: () => number },
): RandomFaults {
	// Matching requests until the next fault: geometric with mean 1/rate. Only matching requests count:
	// counting the node's own lookups (or another vendor's traffic) would place the next fault just
	// after a faulted request's lookup, on its own re-send when it is the only one sending.
	const gap = () => Math.max(1, Math.ceil(Math.log(1 - random()) / Math.log(1 - rate)));
	let seen = 0;
	let matching = 0;
	const countMatching = () => {
		const { requests } = sandbox;
		if (requests.length < seen) seen = 0; // the log was cleared (resetStats)
		for (; seen < requests.length; seen++) {
			const request = requests[seen];
			if (faultMatches(match, request.vendor, request.method, request.path)) matching++;
		}
		return matching;
	};
	let nextAt = gap();
	let injected = 0;
	const timer = setInterval(() => {
		if (sandbox.pendingFaults > 0 || countMatching() < nextAt) return;
		sandbox.inject({ ...match, fault: faults[Math.floor(random() * faults.length)] });
		injected++;
		nextAt = matching + gap();
	}, 1);
	return {
		stop: () => clearInterval(timer),
		get injected() {
			return injected;
		},
	};
}
