/**
 * Issue 12 for HelloID: only "A group with this name already exists" is a conflict (single answers and
 * batch failedGroups alike), a lookup that cannot read the whole list fails instead of answering "not
 * found", names compare one way in the batch planner, the ordering and the lookup, and the page's open
 * point (its Request URI /groups/batch vs its curl posting the array to /groups/) answered both ways.
 * See docs/vendors/helloid.md.
 */
import type { HelloIdParams } from '../../nodes/HelloId/params';
import { findExisting as findExistingGroup } from '../../nodes/HelloId/lookup';
import { basicAuth, directSend } from '../sandbox/vendors/direct-send';
import { HELLOID_API_KEY, HELLOID_API_SECRET, batchFailure } from '../sandbox/vendors/helloId';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { batchNames, batchRequests, listRequests, singleRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
const helloId = () => sandbox.vendors.helloId;
const lookUp = (name: string) =>
	findExistingGroup(
		{ name } as HelloIdParams,
		{ baseUrl: `${sandbox.baseUrl('helloId')}/api/v1` },
		directSend(basicAuth(HELLOID_API_KEY, HELLOID_API_SECRET)),
	);
const single = { mode: 'single' };

/** 1,010 groups (more than the lookup's page of 1,000), then the one the test looks for. */
function seedPastFirstPage(name: string) {
	for (let index = 0; index < 1010; index++) helloId().addGroup(`Filler ${index}`);
	return helloId().addGroup(name);
}

describe('words that are not a taken name', () => {
	it('fails a single create whose 400 says something else "already exists"', async () => {
		sandbox.inject({
			vendor: 'helloId',
			method: 'POST',
			fault: { type: 'status', status: 400, body: { resultMsg: 'An application with this name already exists.' } },
		});
		const result = await runNode(sandbox, 'helloId', { items: rows('Fresh'), options: single, onError: 'continueErrorOutput' });
		expect(result.outputs[1]).toEqual([]);
		expect(jsonOf(result.outputs[2])).toEqual([
			expect.objectContaining({ error: expect.stringContaining('An application with this name already exists.') }),
		]);
	});

	it('fails a batch item whose failedGroups entry says something else "already exists", and routes the real duplicate to Conflict', async () => {
		const existing = helloId().addGroup('Taken');
		sandbox.inject({
			vendor: 'helloId',
			method: 'POST',
			path: '/batch',
			fault: {
				type: 'status',
				status: 200,
				body: {
					succeededGroups: [],
					failedGroups: [
						batchFailure('Fresh', 'User Loweng already exists in group Sales.'),
						batchFailure('Taken', 'A group with this name already exists.'),
					],
				},
			},
		});
		const result = await runNode(sandbox, 'helloId', { items: rows('Fresh', 'Taken'), onError: 'continueErrorOutput' });
		expect(pairedRows(result.outputs[1])).toEqual([1]);
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: existing.groupGuid })]);
		expect(pairedRows(result.outputs[2])).toEqual([0]);
		expect(jsonOf(result.outputs[2])).toEqual([
			expect.objectContaining({ error: 'HelloID did not create the group: User Loweng already exists in group Sales.' }),
		]);
	});
});

describe('a lookup that cannot read the whole list', () => {
	it('fails when the vendor ignores `skip`, instead of answering "not found" after the first page', async () => {
		seedPastFirstPage('Needle');
		sandbox.configure('helloId', { paging: 'repeatsFirstPage' });
		await expect(lookUp('Needle')).rejects.toThrow('HelloID lookup failed: list page 2 began like page 1; the vendor ignores the paging parameters');

		sandbox.resetStats();
		const result = await runNode(sandbox, 'helloId', { items: rows('needle'), options: single });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: null })]);
		expect(listRequests(sandbox)).toHaveLength(2);
	});

	it('fails when the vendor answers more groups than asked for', async () => {
		seedPastFirstPage('Needle');
		sandbox.configure('helloId', { paging: 'returnsAll' });
		await expect(lookUp('Needle')).rejects.toThrow('HelloID lookup failed: a list page held 1011 entries when 1000 were asked for');
	});

	it('fails on an answer that is not a page, and answers null only after the last page', async () => {
		sandbox.inject({ vendor: 'helloId', method: 'GET', fault: { type: 'status', status: 401, body: { message: 'Authorization has been denied for this request.' } } });
		await expect(lookUp('Anything')).rejects.toThrow('HelloID lookup failed: HTTP 401');

		seedPastFirstPage('Needle');
		sandbox.resetStats();
		await expect(lookUp('Not there')).resolves.toBeNull();
		expect(listRequests(sandbox).map((request) => request.query.skip)).toEqual(['0', '1000']);
		await expect(lookUp('NEEDLE')).resolves.toEqual(expect.objectContaining({ name: 'Needle' }));
	});
});

describe('one comparison for the batch planner, the ordering and the lookup', () => {
	it.each([1, 2, 3])('resolves "Gold" and "gold" in one sheet first-row-wins in Batch mode (run %i)', async () => {
		const result = await runNode(sandbox, 'helloId', { items: rows('Gold', 'Silver', 'gold', 'GOLD') });
		const [created] = helloId().groups();
		expect(created.name).toBe('Gold');
		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
		expect(pairedRows(result.outputs[1])).toEqual([2, 3]);
		expect(jsonOf(result.outputs[1]).map((item) => item.id)).toEqual([created.groupGuid, created.groupGuid]);
		// No batch holds two spellings of one name.
		for (const request of batchRequests(sandbox)) {
			const keys = batchNames(request).map((name) => name.toLowerCase());
			expect(new Set(keys).size).toBe(keys.length);
		}
		expect(helloId().countGroups('gold')).toBe(1);
	});

	it.each([1, 2, 3])('resolves them first-row-wins in Single mode with concurrency 5 (run %i)', async () => {
		const result = await runNode(sandbox, 'helloId', { items: rows('gold', 'Gold', 'GOLD'), options: { ...single, concurrency: 5 } });
		const [created] = helloId().groups();
		expect(created.name).toBe('gold');
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		expect(jsonOf(result.outputs[1]).map((item) => item.id)).toEqual([created.groupGuid, created.groupGuid]);
		expect(helloId().countGroups('gold')).toBe(1);
	});
});

describe('where the page is open: /groups/batch or an array posted to /groups/', () => {
	it('sends Batch mode to /groups/batch, which a vendor serving both routes takes', async () => {
		sandbox.configure('helloId', { batchRoute: 'both' });
		const result = await runNode(sandbox, 'helloId', { items: rows('One', 'Two') });
		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
		expect(batchRequests(sandbox)).toHaveLength(1);
	});

	it('fails every item of Batch mode with a 404 (nothing created, not a conflict) where only the curl\'s route exists; Single mode works there', async () => {
		sandbox.configure('helloId', { batchRoute: 'groups' });
		const batch = await runNode(sandbox, 'helloId', { items: rows('One', 'Two'), onError: 'continueErrorOutput' });
		expect(batch.outputs[1]).toEqual([]);
		expect(pairedRows(batch.outputs[2])).toEqual([0, 1]);
		expect(jsonOf(batch.outputs[2])).toEqual([
			expect.objectContaining({ error: expect.stringContaining('HTTP 404') }),
			expect.objectContaining({ error: expect.stringContaining('HTTP 404') }),
		]);
		expect(helloId().groups()).toEqual([]);

		const one = await runNode(sandbox, 'helloId', { items: rows('One', 'Two'), options: single });
		expect(pairedRows(one.outputs[0])).toEqual([0, 1]);
		expect(singleRequests(sandbox)).toHaveLength(2);
	});
});
