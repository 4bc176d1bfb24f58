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
	/** The real-network case (issue 17): items, the round trip the delaying proxy adds, our node's concurrencies. */
	readonly networkItems: number;
	readonly networkRttMs: number;
	readonly networkConcurrencies: readonly number[];
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
	networkItems: 1000,
	networkRttMs: 25,
	networkConcurrencies: [5, 10, 20],
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
	networkItems: 60,
	quick: true,
};

/** The targets of issue 17 (ratios are wall time or CPU per item over the named case's). */
export const TARGETS = {
	overHelperFloor: 1.1,
	overUndiciFloor: 1.3,
	overHttpRequest: 0.8,
	cpuOverHttpRequest: 0.4,
	/** Auto-mapped fields (issue 17 item 5, not measured here yet). */
	autoMappedCpuMsPerItem: 0.8,
	liveHeapGrowthMb: 50,
	/** Our node's wall time over N / rate under the rate limit. */
	rateLimitRatio: 1.2,
	helloIdBatchRequests: 10,
} as const;
