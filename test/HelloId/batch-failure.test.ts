/** A batch request that fails as a whole fails every item in it, each with the reason; no other batch. */
import { HELLOID_API_KEY, HELLOID_API_SECRET } from '../sandbox/vendors/helloId';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { BASIC_AUTH, batchNames, batchRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();

it('fails every item of every batch on 401, saying that keys can be IP-restricted', async () => {
	const result = await runNode(sandbox, 'helloId', {
		items: rows('a', 'b', 'c'),
		options: { batchSize: 2 },
		credential: { apiSecret: 'wrong-secret' },
		onError: 'continueErrorOutput',
	});

	// One request per batch: a 401 is not re-sent for a credential without a token to refresh.
	expect(batchRequests(sandbox).map(batchNames).sort()).toEqual([['a', 'b'], ['c']]);
	expect(batchRequests(sandbox).every((request) => request.status === 401)).toBe(true);
	expect(result.outputs[0]).toEqual([]);
	expect(result.outputs[1]).toEqual([]);
	expect(pairedRows(result.outputs[2])).toEqual([0, 1, 2]);
	for (const json of jsonOf(result.outputs[2])) {
		expect(json.error).toMatch(/^HelloID rejected the credential \(HTTP 401\): check the credential\. .*restricted to certain IP addresses/);
		expect(json.details).toMatchObject({ httpCode: 401, vendor: 'helloId', attempts: 1 });
	}
	expect(sandbox.vendors.helloId.groups()).toHaveLength(0);
});

it('fails only the batch that got 5xx after the retries, every item of it with the reason', async () => {
	sandbox.inject({ vendor: 'helloId', path: '/groups/batch', times: 2, fault: { type: 'status', status: 503 } });
	const result = await runNode(sandbox, 'helloId', {
		items: rows('a', 'b', 'c', 'd'),
		options: { batchSize: 2, concurrency: 1, maxRetries: 1 },
		onError: 'continueErrorOutput',
	});

	// First batch: sent, retried once, given up; second batch: sent once.
	expect(batchRequests(sandbox).map(batchNames)).toEqual([['a', 'b'], ['a', 'b'], ['c', 'd']]);
	expect(pairedRows(result.outputs[0])).toEqual([2, 3]);
	expect(pairedRows(result.outputs[2])).toEqual([0, 1]);
	for (const json of jsonOf(result.outputs[2])) {
		expect(json.error).toBe('HelloID is unavailable (HTTP 503) (gave up after 2 attempts)');
		expect(json.details).toMatchObject({ httpCode: 503, attempts: 2 });
	}
	expect(sandbox.vendors.helloId.groups().map((group) => group.name)).toEqual(['c', 'd']);
});

it('fails every item of a batch HelloID rejects with 400, with its words', async () => {
	sandbox.configure('helloId', { maxBatchSize: 2 });
	const result = await runNode(sandbox, 'helloId', {
		items: rows('a', 'b', 'c'),
		options: { batchSize: 3 },
		onError: 'continueErrorOutput',
	});

	expect(batchRequests(sandbox)).toHaveLength(1);
	expect(pairedRows(result.outputs[2])).toEqual([0, 1, 2]);
	expect(jsonOf(result.outputs[2]).map((json) => json.error)).toEqual(
		Array(3).fill('HelloID rejected the request as invalid (HTTP 400): A batch may hold at most 2 groups.'),
	);
});

it('keeps the key and secret out of outputs, run data and logs, even when HelloID echoes them', async () => {
	const encoded = BASIC_AUTH.slice('Basic '.length);
	sandbox.inject({
		vendor: 'helloId',
		path: '/groups/batch',
		fault: { type: 'status', status: 400, body: { resultMsg: `Bad header Basic ${encoded} for ${HELLOID_API_KEY}` } },
	});
	const result = await runNode(sandbox, 'helloId', { items: rows('a'), onError: 'continueErrorOutput' });

	expect(result.outputs[2][0].json.error).toBe('HelloID rejected the request as invalid (HTTP 400): Bad header Basic [redacted] for [redacted]');
	const serialized = JSON.stringify(result) + result.logs.join('\n');
	for (const secret of [encoded, HELLOID_API_KEY, HELLOID_API_SECRET]) expect(serialized).not.toContain(secret);
});

it('fails every item a 200 batch answer does not mention', async () => {
	sandbox.inject({
		vendor: 'helloId',
		path: '/groups/batch',
		fault: { type: 'body', status: 200, body: '{"succeededGroups":[],"failedGroups":[]}' },
	});
	const result = await runNode(sandbox, 'helloId', { items: rows('a', 'b'), onError: 'continueErrorOutput' });

	expect(jsonOf(result.outputs[2]).map((json) => json.error)).toEqual(Array(2).fill("HelloID's batch answer did not mention this group"));
});

it('after a dropped answer, the retried batch reports its own groups as conflicts that may be its own, with their GUIDs', async () => {
	sandbox.inject({ vendor: 'helloId', path: '/groups/batch', fault: { type: 'reset', when: 'after' } });
	const result = await runNode(sandbox, 'helloId', { items: rows('a', 'b'), options: { maxRetries: 1 } });

	expect(result.error).toBeUndefined();
	// Both names are looked up before the batch goes again: both are there, so it is not re-sent.
	expect(batchRequests(sandbox).map(batchNames)).toEqual([['a', 'b']]);
	const stored = sandbox.vendors.helloId.groups();
	expect(stored.map((group) => group.name)).toEqual(['a', 'b']);
	expect(pairedRows(result.outputs[1])).toEqual([0, 1]);
	expect(jsonOf(result.outputs[1])).toEqual(
		stored.map((group) =>
			expect.objectContaining({
				name: group.name,
				id: group.groupGuid,
				attempts: 1,
				mayHaveBeenCreatedByEarlierAttempt: true,
			}),
		),
	);
});

it('fails every item of a batch refused as a whole, even when the refusal says "already exists"', async () => {
	sandbox.inject({
		vendor: 'helloId',
		path: '/groups/batch',
		fault: { type: 'status', status: 409, body: { resultMsg: 'A group with this name already exists.' } },
	});
	const result = await runNode(sandbox, 'helloId', { items: rows('a', 'b'), onError: 'continueErrorOutput' });

	// The answer names no group: it cannot tell which item is the duplicate, so none becomes a Conflict.
	expect(result.outputs[1]).toEqual([]);
	expect(pairedRows(result.outputs[2])).toEqual([0, 1]);
	for (const json of jsonOf(result.outputs[2])) {
		expect(json.error).toBe('HelloID reported a conflict (HTTP 409): A group with this name already exists.');
	}
});
