/** Invisible Collector through n8n's real engine against the sandbox: creation, conflicts, lookup, options. */
import { IC_DEFAULT_TOKEN } from '../sandbox/vendors/invisibleCollector';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, rows } from '../support/items';
import { pairedOf, posts } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();

describe('Invisible Collector: create', () => {
	it('creates each new name once; a repeated name is a Conflict carrying the first one’s id', async () => {
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('a', 'b', 'a') });

		expect(result.error).toBeUndefined();
		const [created, conflicts] = result.outputs;
		expect(jsonOf(created).map((json) => json.name)).toEqual(['a', 'b']);
		expect(pairedOf(created)).toEqual([{ item: 0 }, { item: 1 }]);
		const a = jsonOf(created)[0];
		expect(a).toMatchObject({ vendor: 'invisibleCollector', outcome: 'created', attempts: 1 });
		expect(typeof a.id).toBe('string');
		expect(a.group).toEqual({ id: a.id, name: 'a' });

		expect(jsonOf(conflicts)).toEqual([
			{
				vendor: 'invisibleCollector',
				outcome: 'conflict',
				name: 'a',
				id: a.id,
				existing: null,
				message: 'Group already registered',
				httpCode: 409,
				attempts: 1,
			},
		]);
		expect(pairedOf(conflicts)).toEqual([{ item: 2 }]);
		expect(sandbox.vendors.invisibleCollector.countGroups('a')).toBe(1);
		expect(sandbox.vendors.invisibleCollector.groupsOf().map((group) => group.name)).toEqual(['a', 'b']);
	});

	it('sends the documented request: Bearer token, JSON body with the trimmed name', async () => {
		await runNode(sandbox, 'invisibleCollector', { items: rows('  Sales  ') });

		const [request] = posts(sandbox);
		expect(request.headers.authorization).toBe(`Bearer ${IC_DEFAULT_TOKEN}`);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(request.body)).toEqual({ name: 'Sales' });
	});

	it.each(['409', '409-id', '409-no-gid', '422'] as const)('reads the duplicate answer in the %s form and carries the existing id', async (mode) => {
		sandbox.configure('invisibleCollector', { duplicate: mode });
		const existing = sandbox.vendors.invisibleCollector.addGroup('Finance');

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('Finance') });

		const [created, conflicts] = result.outputs;
		expect(created).toHaveLength(0);
		expect(jsonOf(conflicts)[0]).toMatchObject({ outcome: 'conflict', name: 'Finance', id: existing.id });
		expect(jsonOf(conflicts)[0].httpCode).toBe(mode === '422' ? 422 : 409);
		// Only the forms without the id in the answer need the list endpoint.
		const lookups = sandbox.requests.filter((request) => request.method === 'GET' && request.path === '/groups');
		expect(lookups).toHaveLength(mode === '409-no-gid' || mode === '422' ? 1 : 0);
		if (lookups.length) expect(jsonOf(conflicts)[0].existing).toEqual({ id: existing.id, name: 'Finance' });
	});

	it('reads the group list once for many conflicts in one run', async () => {
		sandbox.configure('invisibleCollector', { duplicate: '409-no-gid' });
		const ids = ['a', 'b', 'c'].map((name) => sandbox.vendors.invisibleCollector.addGroup(name).id);

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('a', 'b', 'c') });

		expect(jsonOf(result.outputs[1]).map((json) => json.id)).toEqual(ids);
		expect(sandbox.requests.filter((request) => request.method === 'GET')).toHaveLength(1);
	});

	it('reads the list again before saying a name is not in it, when the list was read earlier', async () => {
		sandbox.configure('invisibleCollector', { duplicate: '409-no-gid' });
		sandbox.vendors.invisibleCollector.addGroup('a');
		// "a" passes untouched; "late" is created but its answer is lost, so its retry meets a conflict
		// that the list read for "a" (before "late" existed) cannot explain.
		sandbox.inject({ method: 'POST', path: '/groups', fault: { type: 'delay', ms: 0 } });
		sandbox.inject({ method: 'POST', path: '/groups', fault: { type: 'reset', when: 'after' } });

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('a', 'late'), options: { concurrency: 1 } });

		const late = sandbox.vendors.invisibleCollector.groupsOf().find((group) => group.name === 'late');
		expect(jsonOf(result.outputs[1]).map((json) => json.id)).toEqual([expect.any(String), late?.id]);
		expect(sandbox.requests.filter((request) => request.method === 'GET')).toHaveLength(2);
	});

	it('leaves the id null when the lookup is switched off and the answer has none', async () => {
		sandbox.configure('invisibleCollector', { duplicate: '409-no-gid' });
		sandbox.vendors.invisibleCollector.addGroup('Ops');

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('Ops'), options: { lookUpExisting: false } });

		expect(jsonOf(result.outputs[1])[0]).toMatchObject({ id: null, existing: null });
		expect(sandbox.requests.filter((request) => request.method === 'GET')).toHaveLength(0);
	});

	it('reads a 422 that does not say the name exists as a validation error, not a conflict', async () => {
		sandbox.inject({ path: '/groups', fault: { type: 'status', status: 422, body: { code: 422, message: 'name is invalid' } } });

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('x'), onError: 'continueErrorOutput' });

		expect(result.outputs[1]).toHaveLength(0);
		expect(result.outputs[2][0].json.error).toBe('Invisible Collector rejected the data (HTTP 422): name is invalid');
	});

	it('keeps the first row the winner whatever the concurrency', async () => {
		sandbox.setLatency(15);
		const names = ['x', 'y', 'x', 'z', 'x', 'y'];

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows(...names), options: { concurrency: 6 } });

		expect(pairedOf(result.outputs[0])).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
		expect(pairedOf(result.outputs[1])).toEqual([{ item: 2 }, { item: 4 }, { item: 5 }]);
		const ids = Object.fromEntries(jsonOf(result.outputs[0]).map((json) => [json.name, json.id]));
		expect(jsonOf(result.outputs[1]).map((json) => json.id)).toEqual([ids.x, ids.x, ids.y]);
	});

	it('never has more requests in flight than the Concurrency option', async () => {
		sandbox.setLatency(40);
		const names = Array.from({ length: 24 }, (_, i) => `group-${i}`);

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows(...names), options: { concurrency: 4 } });

		expect(result.outputs[0]).toHaveLength(24);
		expect(sandbox.maxInFlight).toBe(4);
	});

	it('adds the raw response on request', async () => {
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('raw'), options: { includeRawResponse: true } });

		const json = jsonOf(result.outputs[0])[0];
		expect(json.rawResponse).toEqual(json.group);
	});

	it('fails the item instead of routing it when On Conflict is "fail"', async () => {
		const existing = sandbox.vendors.invisibleCollector.addGroup('Taken');

		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('Taken'), options: { onConflict: 'fail' }, onError: 'continueErrorOutput' });

		expect(result.outputs[1]).toHaveLength(0);
		const [failed] = result.outputs[2];
		expect(failed.json.error).toBe('Group already registered');
		expect(failed.json.details).toMatchObject({ httpCode: 409, name: 'Taken' });
		expect(String((failed.json.details as { description: string }).description)).toContain(existing.id);
	});
});
