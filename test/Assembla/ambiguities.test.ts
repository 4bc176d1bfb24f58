/**
 * Issue 12 for Assembla: only the "has already been taken" family on the name is a conflict, a lookup
 * that cannot read the whole list fails instead of answering "not found", and the page's open points
 * (flat or wrapped JSON, 204 or [] for an empty page) answered both ways. See docs/vendors/assembla.md.
 */
import { findExisting } from '../../nodes/Assembla/lookup';
import type { AssemblaParams } from '../../nodes/Assembla/params';
import { ASSEMBLA_API_KEY, ASSEMBLA_API_SECRET, ASSEMBLA_PORTFOLIO } from '../sandbox/vendors/assembla';
import { directSend } from '../sandbox/vendors/direct-send';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { createRequests, listRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
const assembla = () => sandbox.vendors.assembla;
const lookUp = (name: string) =>
	findExisting(
		{ name, portfolio: ASSEMBLA_PORTFOLIO } as AssemblaParams,
		{ baseUrl: sandbox.baseUrl('assembla') },
		directSend({ 'x-api-key': ASSEMBLA_API_KEY, 'x-api-secret': ASSEMBLA_API_SECRET }),
	);

/** 120 groups (more than the lookup's page of 100), then the one the test looks for. */
function seedPastFirstPage(name: string) {
	for (let index = 0; index < 120; index++) assembla().addGroup(`Filler ${index}`);
	return assembla().addGroup(name);
}

describe('a 422 that is not about a taken name', () => {
	it.each([
		[{ items: ['dCDf9QDNyr4PMj5bfBjDYC does not exist'] }, 'items dCDf9QDNyr4PMj5bfBjDYC does not exist'],
		[{ errors: ['Items must be existing space ids'] }, 'Items must be existing space ids'],
		[{ type: ['has already been taken'] }, 'type has already been taken'],
	])('%j fails the item with the vendor\'s words', async (body, words) => {
		sandbox.inject({ vendor: 'assembla', method: 'POST', fault: { type: 'status', status: 422, body } });
		const result = await runNode(sandbox, 'assembla', { items: rows('Fresh'), onError: 'continueErrorOutput' });
		expect(result.outputs[1]).toEqual([]);
		expect(jsonOf(result.outputs[2])).toEqual([
			expect.objectContaining({ error: `Assembla rejected the data (HTTP 422): ${words}` }),
		]);
		expect(listRequests(sandbox)).toHaveLength(0);
	});

	it('still takes "has already been taken" on the name for a conflict, in JSON and XML', async () => {
		const existing = assembla().addGroup('Taken');
		for (const bodyFormat of ['json', 'xml']) {
			const result = await runNode(sandbox, 'assembla', { items: rows('TAKEN'), options: { bodyFormat } });
			expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: String(existing.id) })]);
		}
	});
});

describe('a lookup that cannot read the whole list', () => {
	it('fails when the vendor ignores `page`, instead of answering "not found" after the first page', async () => {
		seedPastFirstPage('Needle');
		sandbox.configure('assembla', { paging: 'repeatsFirstPage' });
		await expect(lookUp('Needle')).rejects.toThrow('Assembla lookup failed: list page 2 began like page 1; the vendor ignores the paging parameters');

		sandbox.resetStats();
		const result = await runNode(sandbox, 'assembla', { items: rows('needle') });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: null })]);
		expect(listRequests(sandbox)).toHaveLength(2);
	});

	it('fails when the vendor answers more groups than asked for', async () => {
		seedPastFirstPage('Needle');
		sandbox.configure('assembla', { paging: 'returnsAll' });
		await expect(lookUp('Needle')).rejects.toThrow('Assembla lookup failed: a list page held 121 entries when 100 were asked for');
	});

	it('fails on an answer that is not a page (5xx, HTML), and says which', async () => {
		sandbox.inject({ vendor: 'assembla', method: 'GET', fault: { type: 'status', status: 500 } });
		await expect(lookUp('Anything')).rejects.toThrow('Assembla lookup failed: HTTP 500');
		sandbox.inject({ vendor: 'assembla', method: 'GET', fault: { type: 'html', status: 200 } });
		await expect(lookUp('Anything')).rejects.toThrow('Assembla lookup failed: HTTP 200 with an unreadable page');
	});
});

describe('where the page is open', () => {
	it.each(['204', 'emptyArray'] as const)('ends the list at an empty page answered as %s', async (emptyPage) => {
		sandbox.configure('assembla', { emptyPage });
		for (let index = 0; index < 100; index++) assembla().addGroup(`Filler ${index}`);
		await expect(lookUp('Not there')).resolves.toBeNull();
		expect(listRequests(sandbox).map((request) => [request.query.page, request.status])).toEqual([
			['1', 200],
			['2', emptyPage === '204' ? 204 : 200],
		]);
		await expect(lookUp('filler 99')).resolves.toEqual(expect.objectContaining({ name: 'Filler 99' }));
	});

	it('sends the flat JSON the page shows, so a vendor taking only that form creates the group', async () => {
		sandbox.configure('assembla', { jsonBody: 'flat' });
		const result = await runNode(sandbox, 'assembla', { items: rows('Flat') });
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		expect(JSON.parse(createRequests(sandbox)[0].body)).toEqual({ name: 'Flat', type: 'space' });
	});

	it("fails with the vendor's words at a vendor that takes only {group: {...}}; XML and query string still work there", async () => {
		sandbox.configure('assembla', { jsonBody: 'wrapped' });
		const json = await runNode(sandbox, 'assembla', { items: rows('Json'), onError: 'continueErrorOutput' });
		expect(jsonOf(json.outputs[2])).toEqual([
			expect.objectContaining({ error: "Assembla rejected the data (HTTP 422): name can't be blank" }),
		]);
		for (const bodyFormat of ['xml', 'queryString']) {
			const result = await runNode(sandbox, 'assembla', { items: rows(`In ${bodyFormat}`), options: { bodyFormat } });
			expect(pairedRows(result.outputs[0])).toEqual([0]);
		}
		expect(assembla().groupsOf().map(({ name }) => name)).toEqual(['In xml', 'In queryString']);
	});
});
