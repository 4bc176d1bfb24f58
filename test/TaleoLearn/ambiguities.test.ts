/**
 * Issue 12 for Taleo Learn: a lookup that cannot read the whole list fails instead of answering "not
 * found" (or paging forever), only a 409 is a conflict, names compare one way everywhere, and the
 * documents' open points (owner shape, name uniqueness) answered both ways. See docs/vendors/taleo-learn.md.
 */
import type { TaleoParams } from '../../nodes/TaleoLearn/params';
import { findExisting as findGroupByName } from '../../nodes/TaleoLearn/lookup';
import { basicAuth, directSend } from '../sandbox/vendors/direct-send';
import { TALEO_API_ROOT, TALEO_PASSWORD, TALEO_USERNAME } from '../sandbox/vendors/taleoLearn';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { LEARN_CENTER, bodyOf, createRequests, listRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox({ vendors: { taleoLearn: { uniqueNames: true } } });
const taleo = () => sandbox.vendors.taleoLearn;
const lookUp = (name: string) =>
	findGroupByName(
		{ name, learnCenterId: LEARN_CENTER } as TaleoParams,
		{ baseUrl: `${sandbox.baseUrl('taleoLearn')}${TALEO_API_ROOT}` },
		directSend(basicAuth(TALEO_USERNAME, TALEO_PASSWORD)),
	);

/** 60 groups (more than the lookup's page of 50), then the one the test looks for. */
function seedPastFirstPage(name: string) {
	for (let index = 0; index < 60; index++) taleo().addGroup(LEARN_CENTER, { name: `Filler ${index}` });
	return taleo().addGroup(LEARN_CENTER, { name });
}

describe('a lookup that cannot read the whole list', () => {
	it('fails when the vendor ignores offset, instead of paging the first page again and again', async () => {
		seedPastFirstPage('Needle');
		sandbox.configure('taleoLearn', { paging: 'repeatsFirstPage' });
		await expect(lookUp('Needle')).rejects.toThrow('Taleo Learn lookup failed: list page 2 began like page 1; the vendor ignores the paging parameters');

		sandbox.resetStats();
		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Needle') });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', name: 'Needle', id: null })]);
		expect(listRequests(sandbox)).toHaveLength(2);
	});

	it('fails when the vendor answers more entries than asked for', async () => {
		seedPastFirstPage('Needle');
		sandbox.configure('taleoLearn', { paging: 'returnsAll' });
		await expect(lookUp('Needle')).rejects.toThrow('Taleo Learn lookup failed: a list page held 61 entries when 50 were asked for');
	});

	it('fails on an answer that is not a page, and says which', async () => {
		sandbox.inject({ vendor: 'taleoLearn', method: 'GET', times: Infinity, fault: { type: 'status', status: 503 } });
		await expect(lookUp('Anything')).rejects.toThrow('Taleo Learn lookup failed: HTTP 503');
		sandbox.reset();
		sandbox.inject({ vendor: 'taleoLearn', method: 'GET', fault: { type: 'html', status: 200 } });
		await expect(lookUp('Anything')).rejects.toThrow('Taleo Learn lookup failed: HTTP 200 with an unreadable page');
	});

	it('answers null only after reading every page', async () => {
		seedPastFirstPage('Needle');
		sandbox.configure('taleoLearn', { maxLimit: 20 });
		await expect(lookUp('Not there')).resolves.toBeNull();
		expect(listRequests(sandbox).map((request) => request.query.offset)).toEqual(['0', '20', '40', '60']);
		await expect(lookUp('NEEDLE ')).resolves.toEqual(expect.objectContaining({ name: 'Needle' }));
	});
});

describe('duplicates', () => {
	it('does not take a 400 whose words mention "already exists" for a conflict', async () => {
		sandbox.inject({
			vendor: 'taleoLearn',
			method: 'POST',
			fault: { type: 'status', status: 400, body: { title: 'Bad Request', status: 400, detail: 'Group code already exists in the archive; pick another' } },
		});
		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Fresh'), onError: 'continueErrorOutput' });
		expect(result.outputs[1]).toEqual([]);
		expect(jsonOf(result.outputs[2])).toEqual([
			expect.objectContaining({ error: expect.stringContaining('Group code already exists in the archive') }),
		]);
		expect(listRequests(sandbox)).toHaveLength(0);
	});

	it.each([1, 2, 3])('resolves "Gold" and "gold" in one sheet first-row-wins (run %i, concurrency 5)', async () => {
		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Gold', 'gold', 'GOLD '), options: { concurrency: 5 } });
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		const [created] = jsonOf(result.outputs[0]);
		expect(created).toEqual(expect.objectContaining({ name: 'Gold' }));
		expect(pairedRows(result.outputs[1])).toEqual([1, 2]);
		expect(jsonOf(result.outputs[1])).toEqual([
			expect.objectContaining({ outcome: 'conflict', id: created.id }),
			expect.objectContaining({ outcome: 'conflict', id: created.id }),
		]);
		expect(taleo().countGroups(LEARN_CENTER, 'gold')).toBe(1);
	});
});

describe('where the documents are open', () => {
	it('sends owners as the bare user ids of the example, which a tenant taking ids accepts', async () => {
		sandbox.configure('taleoLearn', { owners: 'ids' });
		const result = await runNode(sandbox, 'taleoLearn', { items: [{ name: 'Owned' }], parameters: { additionalFields: { owners: '113458, 112898' } } });
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		expect(bodyOf(createRequests(sandbox)[0]).owners).toEqual([113458, 112898]);
		expect(taleo().groupsOf(LEARN_CENTER)[0].owners.items.map((owner) => owner.id)).toEqual([113458, 112898]);
	});

	it("fails the item with the vendor's words at a tenant that takes only the schema's owner objects", async () => {
		sandbox.configure('taleoLearn', { owners: 'objects' });
		const result = await runNode(sandbox, 'taleoLearn', {
			items: [{ name: 'Owned' }],
			parameters: { additionalFields: { owners: '113458' } },
			onError: 'continueErrorOutput',
		});
		expect(jsonOf(result.outputs[2])).toEqual([expect.objectContaining({ error: expect.stringContaining('"owners" must hold owner objects') })]);
		expect(taleo().groupsOf(LEARN_CENTER)).toEqual([]);
	});

	it('creates a second group of a taken name at a tenant that keeps only codes unique (the documented 409)', async () => {
		sandbox.configure('taleoLearn', { uniqueNames: false });
		taleo().addGroup(LEARN_CENTER, { name: 'Twin' });
		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Twin') });
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		expect(taleo().countGroups(LEARN_CENTER, 'Twin')).toBe(2);
	});

	it('sends rows of one name in one run once at such a tenant: the first is Created, the others Conflicts with its id', async () => {
		sandbox.configure('taleoLearn', { uniqueNames: false });
		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Pair', 'Other', 'pair', 'Pair') });
		const created = jsonOf(result.outputs[0]);
		expect(created.map((json) => json.name)).toEqual(['Pair', 'Other']);
		expect(pairedRows(result.outputs[1])).toEqual([2, 3]);
		expect(jsonOf(result.outputs[1])).toEqual([
			expect.objectContaining({ outcome: 'conflict', id: created[0].id, attempts: 0 }),
			expect.objectContaining({ outcome: 'conflict', id: created[0].id, attempts: 0 }),
		]);
		expect(taleo().countGroups(LEARN_CENTER, 'Pair')).toBe(1);
		expect(createRequests(sandbox)).toHaveLength(2);
	});

	it('reports a 409 for a taken code as a conflict even where the name is free', async () => {
		sandbox.configure('taleoLearn', { uniqueNames: false });
		taleo().addGroup(LEARN_CENTER, { name: 'Other', code: 'SHARED-CODE' });
		const result = await runNode(sandbox, 'taleoLearn', { items: [{ name: 'Fresh' }], parameters: { additionalFields: { code: 'SHARED-CODE' } } });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', httpCode: 409, id: null })]);
	});
});
