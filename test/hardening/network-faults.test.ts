/**
 * The network faults every node must ride out, on whichever n8n runs it: `npm test` runs this file on
 * n8n-core 2.x, `npm run test:n8n1` on n8n-core 1.x (jest.n8n1.config.js), whose helper wraps the HTTP
 * client's error in a NodeApiError that keeps n8n's words ("The connection to the server was closed
 * unexpectedly…") but not the error code.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Fault } from '../sandbox/types';
import { useSandbox } from '../support/use-sandbox';
import { rows } from '../support/items';
import { landings, uniqueName } from './outcomes';
import type { Landing } from './outcomes';
import { runCase, VENDOR_CASES } from './vendors';

const sandbox = useSandbox();

describe.each(VENDOR_CASES.map((vendorCase) => [vendorCase.label, vendorCase] as const))('%s', (_label, vendorCase) => {
	const inject = (fault: Fault) => sandbox.inject({ vendor: vendorCase.vendor, ...vendorCase.create, fault });
	const creates = () => vendorCase.createRequests(sandbox).length;

	async function runOne(options: IDataObject): Promise<Landing & { name: string }> {
		const name = uniqueName(vendorCase.vendor);
		const result = await runCase(sandbox, vendorCase, { items: rows(name), options, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		return { ...landings(result, 1)[0], name };
	}

	it('retries a reset before the vendor read the request, and creates the group', async () => {
		inject({ type: 'reset', when: 'before' });
		const landing = await runOne({ maxRetries: 2 });
		expect(landing.json.error).toBeUndefined();
		expect(landing.place).toBe('created');
		expect(landing.json.attempts).toBe(2);
		expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
	});

	it('meets the group a reset after the vendor acted created: one group, reported as possibly its own', async () => {
		inject({ type: 'reset', when: 'after' });
		const landing = await runOne({ maxRetries: 2 });
		expect(landing.json.error).toBeUndefined();
		expect(landing.place).toBe('conflict');
		expect(landing.json.mayHaveBeenCreatedByEarlierAttempt).toBe(true);
		expect(landing.json.id).toBe(vendorCase.groupId(sandbox, landing.name));
		expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
	});

	it('retries a 503 and creates the group on the next attempt', async () => {
		inject({ type: 'status', status: 503 });
		const landing = await runOne({ maxRetries: 2 });
		expect(landing.place).toBe('created');
		expect(creates()).toBe(2);
		expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
	});

	it('retries after a timeout and reports the group the slow attempt created', async () => {
		inject({ type: 'delay', ms: 1_100 });
		const landing = await runOne({ timeout: 1, maxRetries: 2 });
		expect(landing.json.error).toBeUndefined();
		expect(landing.place).toBe('conflict');
		expect(landing.json.mayHaveBeenCreatedByEarlierAttempt).toBe(true);
		expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
	});
});
