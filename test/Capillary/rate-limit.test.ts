/** Capillary limits requests per key and minute: a long run waits out the 429s and creates every group. */
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { createRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
const capillary = () => sandbox.vendors.capillary;

// The real limit is 100 a minute; a small limit in a one-second window keeps the test short.
const SMALL_LIMIT = { limit: 5, windowMs: 1000 };
const names = Array.from({ length: 14 }, (_, i) => `Tier ${i}`);

describe('per-key rate limit', () => {
	it.each([
		['basic', 'capillaryApi'],
		['oAuth', 'capillaryOAuthApi'],
	])('carries %s through 429s with Retry-After: every group created once, in order', async (_authentication, credentialType) => {
		sandbox.configure('capillary', { rateLimit: SMALL_LIMIT });

		const result = await runNode(sandbox, 'capillary', { items: rows(...names), credentialType, options: { maxRetries: 0 } });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(names);
		expect(pairedRows(result.outputs[0])).toEqual(names.map((_, i) => i));
		expect(capillary().rateLimited()).toBeGreaterThan(0);
		const limited = createRequests(sandbox).filter((request) => request.status === 429);
		expect(limited.length).toBe(capillary().rateLimited());
		expect(capillary().groups().map((group) => group.name).sort()).toEqual([...names].sort());
		// With Max Retries 0, only waiting out Retry-After (not a retry) can have carried the run through.
		expect(createRequests(sandbox).filter((request) => request.status === 200)).toHaveLength(names.length);
	}, 20_000);
});
