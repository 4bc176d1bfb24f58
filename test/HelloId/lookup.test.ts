/** Lookup on conflict: pages `GET /groups?take=&skip=` until the name turns up. */
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, rows } from '../support/items';
import { listRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();

it('pages through the list until it finds the group, and reports its GUID on the Conflict output', async () => {
	for (let index = 0; index < 2100; index++) sandbox.vendors.helloId.addGroup(`Filler ${index}`);
	const existing = sandbox.vendors.helloId.addGroup('Deep Down');
	const result = await runNode(sandbox, 'helloId', { items: rows('deep down') });

	expect(listRequests(sandbox).map((request) => request.query)).toEqual([
		{ take: '1000', skip: '0' },
		{ take: '1000', skip: '1000' },
		{ take: '1000', skip: '2000' },
	]);
	expect(jsonOf(result.outputs[1])).toEqual([
		expect.objectContaining({
			outcome: 'conflict',
			name: 'deep down',
			id: existing.groupGuid,
			existing: expect.objectContaining({ name: 'Deep Down', groupGuid: existing.groupGuid }),
		}),
	]);
});

it('looks each name up once, even when several items conflict on it', async () => {
	const existing = sandbox.vendors.helloId.addGroup('Shared');
	const result = await runNode(sandbox, 'helloId', { items: rows('Shared', 'shared', 'SHARED'), options: { batchSize: 1 } });

	expect(listRequests(sandbox)).toHaveLength(1);
	expect(jsonOf(result.outputs[1]).map((json) => json.id)).toEqual(Array(3).fill(existing.groupGuid));
});

it('does not look up when the option is off: the conflict carries no id', async () => {
	sandbox.vendors.helloId.addGroup('Known');
	const result = await runNode(sandbox, 'helloId', { items: rows('Known'), options: { lookUpExisting: false } });

	expect(listRequests(sandbox)).toHaveLength(0);
	expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ id: null, existing: null })]);
});
