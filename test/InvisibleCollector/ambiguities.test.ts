/**
 * Issue 12 for Invisible Collector: 409 is a conflict, a 422 only in the older page's words for a taken
 * group name; a lookup that cannot list fails instead of answering "not found"; names compare exactly
 * everywhere; and the page's open points (409 or 422, "idempotent") answered each way.
 * See docs/vendors/invisible-collector.md.
 */
import { invisibleCollectorApi } from '../../nodes/InvisibleCollector/api';
import { directSend } from '../sandbox/vendors/direct-send';
import { IC_DEFAULT_TOKEN } from '../sandbox/vendors/invisibleCollector';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, rows } from '../support/items';
import { posts } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
const ic = () => sandbox.vendors.invisibleCollector;
const lookUp = (name: string) =>
	invisibleCollectorApi.findExisting!(
		{ name },
		{ baseUrl: sandbox.baseUrl('invisibleCollector') },
		directSend({ authorization: `Bearer ${IC_DEFAULT_TOKEN}` }),
	);
const paired = (items: Parameters<typeof jsonOf>[0]) => (items ?? []).map((item) => (item.pairedItem as { item: number }).item);

describe('a 422 that is not about a taken name', () => {
	it.each([
		'Customer already exists in another group',
		'name: must not be blank',
		'The group JSON object is not valid: the field "parent" already exists',
	])('"%s" fails the item with the vendor\'s words', async (message) => {
		sandbox.inject({ vendor: 'invisibleCollector', method: 'POST', fault: { type: 'status', status: 422, body: { code: 422, message } } });
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('Fresh'), onError: 'continueErrorOutput' });
		expect(result.outputs[1]).toEqual([]);
		expect(jsonOf(result.outputs[2])).toEqual([expect.objectContaining({ error: expect.stringContaining(message) })]);
	});
});

describe('where the pages disagree: 409, 422 or "idempotent"', () => {
	it.each(['409', '409-no-gid', '422'] as const)('routes a taken name answered %s to Conflict with the existing id', async (duplicate) => {
		sandbox.configure('invisibleCollector', { duplicate });
		const existing = ic().addGroup('Taken');
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('Taken') });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: existing.id })]);
		expect(ic().countGroups('Taken')).toBe(1);
	});

	it('reports a 2xx answer with the existing group as Created, as the vendor said it, without a second group', async () => {
		sandbox.configure('invisibleCollector', { duplicate: 'idempotent' });
		const existing = ic().addGroup('Taken');
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('Taken') });
		expect(jsonOf(result.outputs[0])).toEqual([expect.objectContaining({ outcome: 'created', id: existing.id })]);
		expect(ic().countGroups('Taken')).toBe(1);
	});
});

describe('the lookup', () => {
	it('fails instead of answering "not found" when the list is not readable', async () => {
		sandbox.inject({ vendor: 'invisibleCollector', method: 'GET', fault: { type: 'status', status: 503 } });
		await expect(lookUp('Anything')).rejects.toThrow('Invisible Collector lookup failed: HTTP 503');
		sandbox.inject({ vendor: 'invisibleCollector', method: 'GET', fault: { type: 'body', status: 200, body: '{"truncated' } });
		await expect(lookUp('Anything')).rejects.toThrow('Invisible Collector lookup failed: HTTP 200 with an unreadable page');
		await expect(lookUp('Anything')).resolves.toBeNull();
	});

	it('is asked for a 409 without an id, and a failed one leaves the id empty', async () => {
		sandbox.configure('invisibleCollector', { duplicate: '409-no-gid' });
		ic().addGroup('Taken');
		sandbox.inject({ vendor: 'invisibleCollector', method: 'GET', times: Infinity, fault: { type: 'status', status: 401 } });
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('Taken') });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: null })]);
	});

	it('compares names exactly, as the ordering does: "Gold" and "gold" are two groups', async () => {
		const result = await runNode(sandbox, 'invisibleCollector', { items: rows('Gold', 'gold'), options: { concurrency: 5 } });
		expect(paired(result.outputs[0])).toEqual([0, 1]);
		expect(posts(sandbox)).toHaveLength(2);
		ic().addGroup('Silver');
		await expect(lookUp('silver')).resolves.toBeNull();
		await expect(lookUp('Silver')).resolves.toEqual(expect.objectContaining({ name: 'Silver' }));
	});
});
