import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { LEARN_CENTER, OTHER_LEARN_CENTER, bodyOf, createRequests, listRequests } from './requests';
import { runNode } from '../support/run';

// These cases are about the 409 of a taken name: a tenant that keeps names unique (the sandbox's
// default does not, as the documents promise the 409 only for the same identifier).
const sandbox = useSandbox({ vendors: { taleoLearn: { uniqueNames: true } } });

const taleo = () => sandbox.vendors.taleoLearn;
const VENDOR_WORDS = '(Taleo Learn said: Another resource with the same identifier already exists.)';

describe('Taleo Learn: conflicts', () => {
	it('routes a taken name to Conflict with the existing group found by paging through the list', async () => {
		sandbox.configure('taleoLearn', { maxLimit: 2 });
		for (let index = 0; index < 6; index++) taleo().addGroup(LEARN_CENTER, { name: `Filler ${index}` });
		const existing = taleo().addGroup(LEARN_CENTER, { name: 'Sales', code: 'SALES-1' });

		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Sales') });

		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toEqual([]);
		expect(pairedRows(result.outputs[1])).toEqual([0]);
		expect(jsonOf(result.outputs[1])).toEqual([
			{
				vendor: 'taleoLearn',
				outcome: 'conflict',
				name: 'Sales',
				id: String(existing.id),
				existing: JSON.parse(JSON.stringify(existing)),
				message: `Taleo Learn already has a group with the name "Sales" ${VENDOR_WORDS}`,
				httpCode: 409,
				attempts: 1,
			},
		]);
		// Seven groups at two a page: offsets 0, 2, 4, 6, and no page past the last.
		expect(listRequests(sandbox).map((request) => request.query)).toEqual([
			{ limit: '50', offset: '0' },
			{ limit: '50', offset: '2' },
			{ limit: '50', offset: '4' },
			{ limit: '50', offset: '6' },
		]);
		expect(taleo().countGroups(LEARN_CENTER, 'Sales')).toBe(1);
	});

	it('says which name and code it sent when the vendor may mean the code, and finds no group by that name', async () => {
		taleo().addGroup(LEARN_CENTER, { name: 'Marketing', code: 'MKT' });

		const result = await runNode(sandbox, 'taleoLearn', {
			items: [{ name: 'Brand', code: 'mkt' }],
			parameters: { additionalFields: { code: '={{ $json.code }}' } },
		});

		expect(bodyOf(createRequests(sandbox)[0])).toMatchObject({ name: 'Brand', code: 'mkt' });
		expect(jsonOf(result.outputs[1])).toEqual([
			expect.objectContaining({
				outcome: 'conflict',
				name: 'Brand',
				id: null,
				existing: null,
				message: `Taleo Learn already has a group with the name "Brand" or the code "mkt" ${VENDOR_WORDS}`,
				httpCode: 409,
			}),
		]);
		expect(listRequests(sandbox)).toHaveLength(1);
		expect(taleo().countGroups(LEARN_CENTER, 'Brand')).toBe(0);
	});

	it('still names what was sent when the 409 has no body', async () => {
		sandbox.configure('taleoLearn', { conflictBody: 'empty' });
		taleo().addGroup(LEARN_CENTER, { name: 'Ops' });

		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Ops') });

		expect(jsonOf(result.outputs[1])).toEqual([
			expect.objectContaining({ message: 'Taleo Learn already has a group with the name "Ops"', httpCode: 409 }),
		]);
	});

	it('lets the first of several rows with one name win, in input order, and gives the rest its ID', async () => {
		const result = await runNode(sandbox, 'taleoLearn', {
			items: rows('Team', 'Other', 'team', 'Team '),
			options: { concurrency: 10 },
		});

		expect(result.error).toBeUndefined();
		const [team] = taleo().groupsOf(LEARN_CENTER).filter((group) => group.name === 'Team');
		expect(taleo().groupsOf(LEARN_CENTER).map((group) => group.name)).toEqual(['Team', 'Other']);
		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
		expect(pairedRows(result.outputs[1])).toEqual([2, 3]);
		expect(jsonOf(result.outputs[1]).map((item) => item.id)).toEqual([String(team.id), String(team.id)]);
		// Same-name rows wait for the first, so its group is known without a lookup.
		expect(listRequests(sandbox)).toEqual([]);
		// Taleo may take one name twice, so the later rows are not sent at all: the first row's group is theirs.
		const names = createRequests(sandbox).map((request) => bodyOf(request).name);
		expect(names.sort()).toEqual(['Other', 'Team']);
	});

	it('sends rows sharing a code one after the other, so the first row wins every time', async () => {
		sandbox.setLatency(100);

		const result = await runNode(sandbox, 'taleoLearn', {
			items: [
				// The engine sends the first row alone (a wrong credential costs one request); the rest run in parallel.
				{ name: 'Warm-up', code: 'WARM' },
				{ name: 'First', code: 'SHARED' },
				{ name: 'Second', code: 'shared' },
				{ name: 'Third', code: 'OWN' },
			],
			parameters: { additionalFields: { code: '={{ $json.code }}' } },
			options: { concurrency: 10, lookUpExisting: false },
		});

		expect(pairedRows(result.outputs[0])).toEqual([0, 1, 3]);
		expect(pairedRows(result.outputs[1])).toEqual([2]);
		expect(jsonOf(result.outputs[1])[0].message).toBe(
			`Taleo Learn already has a group with the name "Second" or the code "shared" ${VENDOR_WORDS}`,
		);
		const sent = (name: string) => createRequests(sandbox).find((request) => bodyOf(request).name === name);
		// The second was sent only after the first had its answer; the third, with its own code, did not wait.
		expect(sent('Second')?.receivedAt).toBeGreaterThanOrEqual((sent('First')?.receivedAt ?? Infinity) + 100);
		const order = createRequests(sandbox).map((request) => bodyOf(request).name);
		expect(order.indexOf('Third')).toBeLessThan(order.indexOf('Second'));
	});

	it('creates the same name in two learn centers and looks each conflict up in its own learn center', async () => {
		const here = taleo().addGroup(LEARN_CENTER, { name: 'Shared Name' });

		const result = await runNode(sandbox, 'taleoLearn', {
			items: [
				{ name: 'Shared Name', learnCenter: LEARN_CENTER },
				{ name: 'Shared Name', learnCenter: OTHER_LEARN_CENTER },
			],
		});

		expect(pairedRows(result.outputs[1])).toEqual([0]);
		expect(jsonOf(result.outputs[1])[0].id).toBe(String(here.id));
		expect(pairedRows(result.outputs[0])).toEqual([1]);
		expect(taleo().countGroups(OTHER_LEARN_CENTER, 'Shared Name')).toBe(1);
		expect(listRequests(sandbox, OTHER_LEARN_CENTER)).toEqual([]);
	});

	it('does not look the group up when Look Up Existing Group is off', async () => {
		taleo().addGroup(LEARN_CENTER, { name: 'Known' });

		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Known'), options: { lookUpExisting: false } });

		expect(listRequests(sandbox)).toEqual([]);
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: null, existing: null })]);
	});

	it('fails the item instead when On Conflict is "fail"', async () => {
		const known = taleo().addGroup(LEARN_CENTER, { name: 'Known' });

		const result = await runNode(sandbox, 'taleoLearn', {
			items: rows('Known'),
			options: { onConflict: 'fail' },
			onError: 'continueErrorOutput',
		});

		expect(result.outputs[0]).toEqual([]);
		expect(result.outputs[1]).toEqual([]);
		expect(pairedRows(result.outputs[2])).toEqual([0]);
		expect(jsonOf(result.outputs[2])[0]).toMatchObject({
			name: 'Known',
			error: `Taleo Learn already has a group with the name "Known" ${VENDOR_WORDS}`,
			details: { httpCode: 409, vendor: 'taleoLearn', description: expect.stringContaining(`existing group ${known.id}`) },
		});
	});
});
