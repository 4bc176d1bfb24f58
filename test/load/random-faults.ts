/**
 * Random faults at a given rate: the sandbox's fault queue hits the next matching request, so a
 * poller keeps one fault queued and places the next a random (geometric) number of requests later.
 */
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
	// Requests until the next fault: geometric with mean 1/rate.
	const gap = () => Math.max(1, Math.ceil(Math.log(1 - random()) / Math.log(1 - rate)));
	let nextAt = gap();
	let injected = 0;
	const timer = setInterval(() => {
		if (sandbox.pendingFaults > 0 || sandbox.requests.length < nextAt) return;
		sandbox.inject({ ...match, fault: faults[Math.floor(random() * faults.length)] });
		injected++;
		nextAt = sandbox.requests.length + gap();
	}, 1);
	return {
		stop: () => clearInterval(timer),
		get injected() {
			return injected;
		},
	};
}
