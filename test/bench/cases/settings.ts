/**
 * What the benchmark measures and under which conditions (issue 8). One set of numbers for the whole
 * run: every case uses the same sandbox latency, the same concurrency and the same item names.
 */
export interface BenchSettings {
	/** Added by the sandbox before every answer, 429s included. */
	readonly latencyMs: number;
	/** In-flight requests for our nodes and for the undici floor. */
	readonly concurrency: number;
	/** Each case runs this many times (interleaved with the other cases); the median is reported. */
	readonly repetitions: number;
	readonly throughputItems: number;
	readonly rateLimitItems: number;
	/** The sandbox admits this many requests per second and answers 429 + Retry-After beyond. */
	readonly ratePerSecond: number;
	readonly helloIdItems: number;
	readonly costItems: number;
	/** True for the smoke-test run (`--quick`): small numbers, not for the README. */
	readonly quick: boolean;
}

export const FULL_SETTINGS: BenchSettings = {
	latencyMs: 20,
	concurrency: 10,
	repetitions: 3,
	throughputItems: 1000,
	rateLimitItems: 300,
	ratePerSecond: 10,
	helloIdItems: 1000,
	costItems: 10_000,
	quick: false,
};

/** Checks that the machinery works end to end in a minute or two; its numbers mean nothing. */
export const QUICK_SETTINGS: BenchSettings = {
	...FULL_SETTINGS,
	repetitions: 1,
	throughputItems: 100,
	rateLimitItems: 30,
	helloIdItems: 100,
	costItems: 500,
	quick: true,
};

/** The targets. */
export const TARGETS = {
	/** Our node's wall time over the floor's. */
	throughputRatio: 1.15,
	/** Our node's wall time over N / rate under the rate limit. */
	rateLimitRatio: 1.2,
	helloIdBatchRequests: 10,
	cpuMsPerItem: 0.2,
	extraPeakMb: 150,
} as const;
