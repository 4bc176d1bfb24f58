/**
 * Adaptive Concurrency (the default) through n8n's real engine against the sandbox: where it starts,
 * that it rises to the Concurrency option and no further, and that a rate limit brings it down.
 */
import type { IDataObject } from 'n8n-workflow';

import { START_IN_FLIGHT } from '../../nodes/shared/concurrency';
import { DEFAULTS } from '../../nodes/shared/descriptions';
import { IC_DEFAULT_TOKEN } from '../sandbox/vendors/invisibleCollector';
import { rows } from '../support/items';
import { runNode } from '../support/run';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();

const names = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

/** Runs the node while sampling how many of its requests the sandbox holds, every 2 ms. */
async function runSampled(items: number, options: IDataObject) {
	const samples: number[] = [];
	const sampler = setInterval(() => samples.push(sandbox.inFlight), 2);
	try {
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows(...names(items, 'adaptive')), options });
		return { result, samples };
	} finally {
		clearInterval(sampler);
	}
}

describe('Adaptive Concurrency', () => {
	it(`starts at ${START_IN_FLIGHT} in flight and rises to the default Concurrency (${DEFAULTS.concurrency}) while answers hold steady`, async () => {
		sandbox.setLatency(40);

		const { result, samples } = await runSampled(120, {});

		expect(result.outputs[0]).toHaveLength(120);
		const firstBusy = samples.findIndex((inFlight) => inFlight > 1);
		// The first rounds: the limit doubles only after a round of answers, each taking 40 ms or more.
		expect(Math.max(...samples.slice(firstBusy, firstBusy + 10))).toBeLessThanOrEqual(START_IN_FLIGHT);
		expect(sandbox.maxInFlight).toBe(DEFAULTS.concurrency);
	});

	it('stays at the Concurrency option throughout when turned off', async () => {
		sandbox.setLatency(40);

		const { result, samples } = await runSampled(60, { adaptiveConcurrency: false, concurrency: 12 });

		expect(result.outputs[0]).toHaveLength(60);
		const firstBusy = samples.findIndex((inFlight) => inFlight > 1);
		expect(Math.max(...samples.slice(firstBusy, firstBusy + 10))).toBe(12);
		expect(sandbox.maxInFlight).toBe(12);
	});

	it('sends fewer requests into a rate limit than a fixed Concurrency of the same size, and still creates every group once', async () => {
		const refusedWith = async (options: IDataObject, prefix: string) => {
			sandbox.resetStats();
			const items = names(80, prefix);
			const result = await runNode(sandbox, 'invisibleCollector', { items: rows(...items), options });
			expect(result.outputs[0]).toHaveLength(80);
			for (const name of items) expect(sandbox.vendors.invisibleCollector.countGroups(name, IC_DEFAULT_TOKEN)).toBe(1);
			return sandbox.requests.filter((request) => request.status === 429).length;
		};
		sandbox.setLatency(5);
		sandbox.setRateLimit({ perSecond: 20 });

		const fixed = await refusedWith({ adaptiveConcurrency: false, concurrency: 20 }, 'fixed');
		await new Promise((resolve) => setTimeout(resolve, 1100)); // the next run starts with an empty window
		const adaptive = await refusedWith({ concurrency: 20 }, 'adaptive');

		expect(fixed).toBeGreaterThan(0);
		expect(adaptive).toBeLessThan(fixed);
	}, 40_000);
});
