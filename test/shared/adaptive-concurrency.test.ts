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

/** When each create reached the sandbox, in order (ms since the first). */
function arrivals(): number[] {
	const posts = sandbox.requests.filter((request) => request.method === 'POST');
	return posts.map((request) => request.receivedAt - posts[0].receivedAt);
}

// Judged by when requests arrive, not by sampling: a busy machine only delays a request, so "the 6th
// came an answer's time after the 1st" cannot pass by accident, and timers firing late cannot fail it.
describe('Adaptive Concurrency', () => {
	it(`starts at ${START_IN_FLIGHT} in flight and rises to the default Concurrency (${DEFAULTS.concurrency}) while answers hold steady`, async () => {
		sandbox.setLatency(100);

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows(...names(120, 'adaptive')) });

		expect(result.outputs[0]).toHaveLength(120);
		const at = arrivals();
		// Request 0 goes alone; 1 to 5 go together; the 6th has to wait for one of them to be answered.
		expect(at[START_IN_FLIGHT + 1] - at[1]).toBeGreaterThanOrEqual(95);
		expect(sandbox.maxInFlight).toBe(DEFAULTS.concurrency);
	});

	it('keeps the Concurrency option in flight from the start when turned off', async () => {
		sandbox.setLatency(200);

		const result = await runNode(sandbox, 'invisibleCollector', {
			items: rows(...names(60, 'fixed')),
			options: { adaptiveConcurrency: false, concurrency: 12 },
		});

		expect(result.outputs[0]).toHaveLength(60);
		const at = arrivals();
		expect(at[12] - at[1]).toBeLessThan(190); // 1 to 12 all before the first answer
		expect(at[13] - at[1]).toBeGreaterThanOrEqual(195); // the 13th after one
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
