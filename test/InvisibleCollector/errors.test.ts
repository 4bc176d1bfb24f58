/** Invisible Collector through n8n's real engine: bad input, vendor errors, retries and n8n's three error modes. */
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, rows } from '../support/items';
import { pairedOf, posts } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();

const WRONG_TOKEN = 'f00dfacef00dfacef00dfacef00dfacef00dfacef00dfacef00dfacef00dface';

describe('Invisible Collector: bad input', () => {
	it('stops on a blank name before sending anything, naming the item and the field', async () => {
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('ok', '   ', 'also ok') });

		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('"Name" is empty [item 1]');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('under "continue" sends the valid items and reports the invalid ones in place', async () => {
		const result = await runNode(sandbox, 'invisibleCollector', {
			items: rows('ok', '', { nested: true }, 12),
			onError: 'continueErrorOutput',
		});

		expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['ok', '12']);
		expect(pairedOf(result.outputs[2])).toEqual([{ item: 1 }, { item: 2 }]);
		const [empty, object] = jsonOf(result.outputs[2]);
		// n8n merges the error item into the input row.
		expect(empty).toMatchObject({ row: 1, error: '"Name" is empty', details: { field: 'Name', httpCode: null } });
		expect(object).toMatchObject({ row: 2, error: '"Name" must be text, but it is an object' });
		expect(posts(sandbox)).toHaveLength(2);
	});

	it('says a name is missing when the input has no name at all (a webhook body without "name")', async () => {
		const result = await runNode(sandbox, 'invisibleCollector', { items: [{ row: 0 }, { name: null, row: 1 }], onError: 'continueErrorOutput' });

		expect(jsonOf(result.outputs[2]).map((json) => json.error)).toEqual(['"Name" is missing', '"Name" is missing']);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('refuses a credential base URL that is not http(s), sending nothing', async () => {
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('a'), credential: { baseUrl: 'file:///etc/passwd' } });

		expect(result.error?.message).toBe('"Base URL" must start with https:// [item 0]');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('Invisible Collector: vendor errors', () => {
	it('stops with a clear 401 message after one request when the token is wrong', async () => {
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('a', 'b', 'c'), credential: { apiToken: WRONG_TOKEN } });

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Invisible Collector rejected the credential (HTTP 401): check the credential [item 0]');
		// The first item goes alone, so a wrong credential costs one request, not one per concurrency slot.
		expect(posts(sandbox).map((request) => request.body)).toEqual(['{"name":"a"}']);
	});

	it('waits out 429s that carry Retry-After and creates the group once', async () => {
		sandbox.inject({
			path: '/groups',
			times: 2,
			fault: { type: 'status', status: 429, headers: { 'retry-after': '0' }, body: { code: 429, message: 'slow down' } },
		});

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('patient') });

		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ name: 'patient', attempts: 3 });
		expect(posts(sandbox)).toHaveLength(3);
		expect(sandbox.vendors.invisibleCollector.countGroups('patient')).toBe(1);
	});

	it('gives up on a 503 after Max Retries and reports the item as failed', async () => {
		sandbox.inject({ path: '/groups', times: 10, fault: { type: 'status', status: 503, headers: { 'retry-after': '0' } } });

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('down'), options: { maxRetries: 2 }, onError: 'continueErrorOutput' });

		expect(posts(sandbox)).toHaveLength(3);
		expect(jsonOf(result.outputs[2])[0]).toMatchObject({
			name: 'down',
			error: 'Invisible Collector is unavailable (HTTP 503) (gave up after 3 attempts)',
			details: { httpCode: 503, attempts: 3, vendor: 'invisibleCollector' },
		});
	});

	it('says so when a retry meets the group its own earlier attempt created', async () => {
		sandbox.inject({ path: '/groups', fault: { type: 'reset', when: 'after' } });

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('maybe') });

		expect(result.outputs[0]).toHaveLength(0);
		const [conflict] = jsonOf(result.outputs[1]);
		// The name is looked up before the create goes again: the group is there, so it is not re-sent.
		expect(conflict).toMatchObject({ name: 'maybe', attempts: 1, mayHaveBeenCreatedByEarlierAttempt: true });
		expect(conflict.message).toMatch(/may have been created by that attempt/);
		expect(conflict.id).toBe(sandbox.vendors.invisibleCollector.groupsOf()[0].id);
		expect(sandbox.vendors.invisibleCollector.countGroups('maybe')).toBe(1);
	});
});

describe('Invisible Collector: n8n error modes', () => {
	const mixed = () => {
		sandbox.vendors.invisibleCollector.addGroup('exists');
		sandbox.inject({ path: '/groups', method: 'POST', times: 1, fault: { type: 'status', status: 400, body: { code: 400, message: 'bad' } } });
	};

	it('stop: throws the failure with its item index', async () => {
		mixed();
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('fails', 'fine', 'exists') });

		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('Invisible Collector rejected the request as invalid (HTTP 400): bad [item 0]');
		expect((result.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(0);
	});

	it('continue: failed items stay on Created as error items, every item once', async () => {
		mixed();
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('fails', 'fine', 'exists'), onError: 'continueRegularOutput' });

		expect(result.outputs).toHaveLength(2);
		expect(pairedOf(result.outputs[0])).toEqual([{ item: 0 }, { item: 1 }]);
		expect(Object.keys(jsonOf(result.outputs[0])[0]).sort()).toEqual(['details', 'error']);
		expect(jsonOf(result.outputs[0])[1]).toMatchObject({ outcome: 'created', name: 'fine' });
		expect(pairedOf(result.outputs[1])).toEqual([{ item: 2 }]);
	});

	it('continue with error output: failed items leave on the third output, merged with their row', async () => {
		mixed();
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('fails', 'fine', 'exists'), onError: 'continueErrorOutput' });

		expect(result.outputs).toHaveLength(3);
		expect(pairedOf(result.outputs[0])).toEqual([{ item: 1 }]);
		expect(pairedOf(result.outputs[1])).toEqual([{ item: 2 }]);
		expect(pairedOf(result.outputs[2])).toEqual([{ item: 0 }]);
		expect(jsonOf(result.outputs[2])[0]).toMatchObject({ name: 'fails', row: 0, details: { httpCode: 400 } });
	});
});

describe('Invisible Collector: secrets', () => {
	it('never shows the token in run data, errors or logs, on success or failure', async () => {
		const token = 'c0ffee'.repeat(10) + 'beef';
		sandbox.vendors.invisibleCollector.addAccount(token);
		// A hostile or careless server that echoes the Authorization header into its error message.
		sandbox.inject({ path: '/groups', fault: { type: 'status', status: 400, body: { message: `bad header Bearer ${token}` } } });

		const results = [
			await runNode(sandbox, 'invisibleCollector', { items: rows('one', 'two'), credential: { apiToken: token }, onError: 'continueErrorOutput' }),
			await runNode(sandbox, 'invisibleCollector', { items: rows('three'), credential: { apiToken: `${token}0` } }),
		];

		expect(results[0].outputs[0]).toHaveLength(1);
		expect(JSON.stringify(results[0].outputs[2])).toContain('[redacted]');
		for (const result of results) {
			const everything = JSON.stringify([result.runData, result.error, result.outputs, result.logs]);
			expect(everything).not.toContain(token);
			expect(everything).not.toContain(Buffer.from(token).toString('base64'));
		}
	});
});
