/** A taken name (compared without regard to case) goes to the Conflict output with the existing group's id. */
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { createRequests, listRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
/** Seeds `count` groups named `Filler N` before anything else. */
function seedFillers(count: number): void {
	for (let n = 1; n <= count; n++) sandbox.vendors.assembla.addGroup(`Filler ${n}`);
}

describe.each(['json', 'xml', 'queryString'] as const)('%s body', (bodyFormat) => {
	it('routes a name taken in another case to Conflict, with the id found by lookup', async () => {
		const existing = sandbox.vendors.assembla.addGroup('Sales Team', undefined, { items: ['x1'] });
		const result = await runNode(sandbox, 'assembla', { items: rows('Brand new', 'SALES team'), options: { bodyFormat } });
		expect(result.error).toBeUndefined();

		expect(pairedRows(result.outputs[0])).toEqual([0]);
		expect(pairedRows(result.outputs[1])).toEqual([1]);
		const [conflict] = jsonOf(result.outputs[1]);
		expect(conflict).toEqual({
			vendor: 'assembla',
			outcome: 'conflict',
			name: 'SALES team',
			id: String(existing.id),
			existing: { ...existing, items: ['x1'] },
			message: bodyFormat === 'xml' ? 'Name has already been taken' : 'name has already been taken',
			httpCode: 422,
			attempts: 1,
		});
		expect(sandbox.vendors.assembla.countGroups('sales team')).toBe(1);
		// The lookup always lists in JSON, whatever the create request's encoding; the name was on page 1.
		expect(listRequests(sandbox).map((request) => request.query)).toEqual([
			{ portfolio: 'sandbox', page: '1', per_page: '100' },
		]);
	});
});

it('pages through the groups until it finds the name, reading a server-capped page size', async () => {
	sandbox.configure('assembla', { maxPerPage: 20 });
	seedFillers(45);
	const existing = sandbox.vendors.assembla.addGroup('Needle');
	const result = await runNode(sandbox, 'assembla', { items: rows('needle') });

	expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: String(existing.id) })]);
	// 20 + 20 + 6: the third page holds the needle; a page of 20 when 100 were asked is not taken for the last one.
	expect(listRequests(sandbox).map((request) => request.query.page)).toEqual(['1', '2', '3']);
});

it('ends at a page shorter than the ones before it', async () => {
	sandbox.configure('assembla', { maxPerPage: 20 });
	seedFillers(45);
	sandbox.inject({
		vendor: 'assembla',
		method: 'POST',
		fault: { type: 'status', status: 422, body: { name: ['has already been taken'] } },
	});
	const result = await runNode(sandbox, 'assembla', { items: rows('Missing') });
	expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: null })]);
	expect(listRequests(sandbox).map((request) => request.query.page)).toEqual(['1', '2', '3']);
});

it('stops at the 204 No Content of an empty page and reports a conflict without an id when nothing matches', async () => {
	seedFillers(100);
	// The create says "taken" but the list does not hold the name (deleted meanwhile, or hidden from this user).
	sandbox.inject({
		vendor: 'assembla',
		method: 'POST',
		path: '/v1/groups',
		fault: { type: 'status', status: 422, body: { name: ['has already been taken'] } },
	});
	const result = await runNode(sandbox, 'assembla', { items: rows('Ghost') });

	expect(jsonOf(result.outputs[1])).toEqual([
		expect.objectContaining({ outcome: 'conflict', name: 'Ghost', id: null, existing: null }),
	]);
	const pages = listRequests(sandbox);
	expect(pages.map((request) => request.query.page)).toEqual(['1', '2']);
	expect(pages.map((request) => request.status)).toEqual([200, 204]);
});

it('stops when a server that ignores `page` answers the first page again', async () => {
	sandbox.inject({
		vendor: 'assembla',
		method: 'POST',
		fault: { type: 'status', status: 422, body: { name: ['has already been taken'] } },
	});
	sandbox.inject({
		vendor: 'assembla',
		method: 'GET',
		times: 50,
		fault: { type: 'status', status: 200, body: [{ id: 7, name: 'Someone else' }] },
	});
	const result = await runNode(sandbox, 'assembla', { items: rows('Looping') });
	expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: null })]);
	expect(listRequests(sandbox).map((request) => request.query.page)).toEqual(['1', '2']);
});

it('does not look up when the option is off', async () => {
	sandbox.vendors.assembla.addGroup('Ops');
	const result = await runNode(sandbox, 'assembla', { items: rows('ops'), options: { lookUpExisting: false } });
	expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: null, existing: null })]);
	expect(listRequests(sandbox)).toHaveLength(0);
});

it('lets the first of several same-named rows (in any case) win and gives the others its id without a lookup', async () => {
	const result = await runNode(sandbox, 'assembla', { items: rows('Team A', 'team a', 'Other', 'TEAM A'), options: { concurrency: 4 } });
	const [created] = sandbox.vendors.assembla.groupsOf();
	expect(created.name).toBe('Team A');
	expect(pairedRows(result.outputs[0])).toEqual([0, 2]);
	expect(pairedRows(result.outputs[1])).toEqual([1, 3]);
	expect(jsonOf(result.outputs[1]).map((item) => item.id)).toEqual([String(created.id), String(created.id)]);
	expect(sandbox.vendors.assembla.countGroups('team a')).toBe(1);
	expect(listRequests(sandbox)).toHaveLength(0);
});

it('keeps names in different portfolios apart', async () => {
	sandbox.vendors.assembla.addPortfolio('second');
	const result = await runNode(sandbox, 'assembla', {
		items: [
			{ name: 'Shared', portfolio: 'sandbox' },
			{ name: 'shared', portfolio: 'second' },
		],
		parameters: { portfolio: '={{ $json.portfolio }}' },
	});
	expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
	expect(sandbox.vendors.assembla.countGroups('shared', 'sandbox')).toBe(1);
	expect(sandbox.vendors.assembla.countGroups('shared', 'second')).toBe(1);
	expect(createRequests(sandbox).map((request) => request.query.portfolio)).toEqual(['sandbox', 'second']);
});

describe.each([
	['errors hash', 'errorsHash', 'name has already been taken'],
	['errors array', 'errorsArray', 'Name has already been taken'],
] as const)('a duplicate reported as an %s', (_, duplicateShape, message) => {
	it('is a conflict too', async () => {
		sandbox.configure('assembla', { duplicateShape });
		const existing = sandbox.vendors.assembla.addGroup('Ops');
		const result = await runNode(sandbox, 'assembla', { items: rows('OPS') });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: String(existing.id), message })]);
	});
});

it('fails the item instead when On Conflict says so', async () => {
	seedFillers(11); // so the existing group's id (12) is not a digit found anywhere
	const existing = sandbox.vendors.assembla.addGroup('Ops');
	const result = await runNode(sandbox, 'assembla', {
		items: rows('ops'),
		options: { onConflict: 'fail' },
		onError: 'continueErrorOutput',
	});
	expect(result.outputs[1]).toEqual([]);
	const [failed] = jsonOf(result.outputs[2]);
	expect(failed.error).toBe('name has already been taken');
	const { description } = failed.details as { description: string };
	expect(description).toMatch(new RegExp(`\\b${existing.id}\\b`));
	expect(description).toContain('On Conflict');
	expect(pairedRows(result.outputs[2])).toEqual([0]);
});

it('says when the conflicting group may be its own, created by an attempt whose answer was lost', async () => {
	sandbox.inject({ vendor: 'assembla', method: 'POST', fault: { type: 'reset', when: 'after' } });
	const result = await runNode(sandbox, 'assembla', { items: rows('Lost answer') });
	const [stored] = sandbox.vendors.assembla.groupsOf();
	expect(jsonOf(result.outputs[1])).toEqual([
		expect.objectContaining({
			outcome: 'conflict',
			id: String(stored.id),
			attempts: 1, // looked up before sending again: found, not re-sent
			mayHaveBeenCreatedByEarlierAttempt: true,
		}),
	]);
	expect(sandbox.vendors.assembla.countGroups('Lost answer')).toBe(1);
});
