/**
 * Issue 12 for Capillary: only 12012 (or its words, "Group name must be unique") is a conflict, names are
 * compared one way (folded) for ordering and lookup, a lookup that cannot read the whole list fails
 * instead of answering "not found", and the docs' silence on 429 headers answered both ways.
 * See docs/vendors/capillary.md.
 */
import { createHash } from 'node:crypto';

import { capillaryApi } from '../../nodes/Capillary/api';
import type { CapillaryParams } from '../../nodes/Capillary/params';
import { CAP_PASSWORD, CAP_USERNAME } from '../sandbox/vendors/capillary';
import { basicAuth, directSend } from '../sandbox/vendors/direct-send';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { createRequests, listRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
const capillary = () => sandbox.vendors.capillary;
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
const lookUp = (name: string) =>
	capillaryApi.findExisting!(
		{ name, apiPath: 'rewardsCore' } as CapillaryParams,
		{ baseUrl: sandbox.baseUrl('capillary') },
		directSend(basicAuth(CAP_USERNAME, md5(CAP_PASSWORD))),
	);

/** 110 groups whose names hold "needle" (more than the lookup's page of 100), then "Needle" itself. */
function seedPastFirstPage() {
	for (let index = 0; index < 110; index++) capillary().addGroup(`needle ${index}`);
	return capillary().addGroup('Needle');
}

describe('answers that are not a taken name', () => {
	it.each([
		[{ status: { success: false, code: 400, message: 'Group rank already exists for another group' } }, 'Group rank already exists for another group'],
		[{ data: null, errors: [{ code: 12013, message: 'Group rank must be unique' }] }, 'Group rank must be unique'],
	])('%j fails the item with the vendor\'s words', async (body, words) => {
		sandbox.inject({ vendor: 'capillary', method: 'POST', fault: { type: 'status', status: 400, body } });
		const result = await runNode(sandbox, 'capillary', { items: rows('Fresh'), onError: 'continueErrorOutput' });
		expect(result.outputs[1]).toEqual([]);
		expect(jsonOf(result.outputs[2])).toEqual([expect.objectContaining({ error: expect.stringContaining(words) })]);
	});

	it('still takes 12012 for a conflict whatever the HTTP status and body shape', async () => {
		const existing = capillary().addGroup('Taken');
		sandbox.configure('capillary', { duplicate: 'errors', duplicateHttpStatus: 200 });
		const result = await runNode(sandbox, 'capillary', { items: rows('Taken') });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: String(existing.id) })]);
	});
});

describe('one comparison for ordering and lookup', () => {
	it.each([1, 2, 3])('resolves "Gold" and "gold" in one sheet first-row-wins, even when the first is slow (run %i)', async () => {
		// The engine sends the first item alone, then the rest in parallel. The create after it ("Gold") is
		// held back: only ordering by the folded name keeps "gold" from overtaking it.
		sandbox.inject({ vendor: 'capillary', method: 'POST', fault: { type: 'delay', ms: 0 } });
		sandbox.inject({ vendor: 'capillary', method: 'POST', fault: { type: 'delay', ms: 150 } });
		const result = await runNode(sandbox, 'capillary', { items: rows('Other', 'Gold', 'gold'), options: { concurrency: 5 } });
		const created = capillary().groups().find((group) => group.name.toLowerCase() === 'gold');
		expect(created?.name).toBe('Gold');
		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
		expect(pairedRows(result.outputs[1])).toEqual([2]);
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: String(created?.id) })]);
		expect(capillary().countGroups('gold')).toBe(1);
	});

	it('picks the exact name, else the first case-folded match in the list order, when names differ only in case', async () => {
		sandbox.configure('capillary', { caseSensitiveNames: true });
		const first = capillary().addGroup('GOLD');
		capillary().addGroup('Gold');
		await expect(lookUp('Gold')).resolves.toEqual(expect.objectContaining({ name: 'Gold' }));
		await expect(lookUp('gold')).resolves.toEqual(expect.objectContaining({ id: String(first.id) }));
		await expect(lookUp('golden')).resolves.toBeNull();
	});
});

describe('a lookup that cannot read the whole list', () => {
	it('fails when the vendor ignores `page`, instead of answering "not found" after the first page', async () => {
		seedPastFirstPage();
		sandbox.configure('capillary', { paging: 'repeatsFirstPage' });
		await expect(lookUp('Needle')).rejects.toThrow('Capillary lookup failed: list page 2 began like page 1; the vendor ignores the paging parameters');

		sandbox.resetStats();
		const result = await runNode(sandbox, 'capillary', { items: rows('Needle') });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: null })]);
		expect(listRequests(sandbox)).toHaveLength(2);
	});

	it('fails when the vendor answers more groups than asked for', async () => {
		seedPastFirstPage();
		sandbox.configure('capillary', { paging: 'returnsAll' });
		await expect(lookUp('Needle')).rejects.toThrow('Capillary lookup failed: a list page held 111 entries when 100 were asked for');
	});

	it('fails when neither list path exists, or a page is not a page', async () => {
		sandbox.inject({ vendor: 'capillary', method: 'GET', times: 2, fault: { type: 'status', status: 404 } });
		await expect(lookUp('Anything')).rejects.toThrow('Capillary lookup failed: HTTP 404 on both group list paths');
		sandbox.inject({ vendor: 'capillary', method: 'GET', fault: { type: 'html', status: 503 } });
		await expect(lookUp('Anything')).rejects.toThrow('Capillary lookup failed: HTTP 503');
	});
});

describe("where the docs are silent: a 429's headers", () => {
	it.each(['retryAfter', 'none'] as const)('carries a run through 429s answered with %s', async (rateLimitHeaders) => {
		sandbox.configure('capillary', { rateLimit: { limit: 2, windowMs: 400 }, rateLimitHeaders });
		const names = ['A', 'B', 'C', 'D', 'E'];
		const result = await runNode(sandbox, 'capillary', { items: rows(...names), options: { concurrency: 1, maxRetries: 6 } });
		expect(pairedRows(result.outputs[0])).toEqual([0, 1, 2, 3, 4]);
		expect(capillary().rateLimited()).toBeGreaterThan(0);
		expect(createRequests(sandbox).filter((request) => request.status === 200)).toHaveLength(names.length);
		for (const name of names) expect(capillary().countGroups(name)).toBe(1);
	}, 20_000);
});
