/** Batch mode through n8n's engine: many items per request, each answer routed back to its own item. */
import { DUPLICATE_REASON } from '../sandbox/vendors/helloId';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { BASIC_AUTH, batchNames, batchRequests, listRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();

describe('a batch of 250 items with duplicates', () => {
	/**
	 * Rows whose name repeats an earlier row's name (in another letter case for some). Each repeat waits
	 * for the batch of the row before it, so 'Team 5' spans all three batches; 3 requests still suffice.
	 */
	const repeats: Record<number, string> = { 40: 'Team 5', 99: 'TEAM 5', 180: 'Team 150', 249: 'team 20' };
	const items = Array.from({ length: 250 }, (_, row) => ({ name: repeats[row] ?? `Team ${row}`, row }));
	items[7].name = 'Existing Team';
	Object.assign(items[3], { users: ['Nobody'] });

	async function run() {
		// The group names are matched by name, not position: the sandbox answers in reverse order.
		sandbox.configure('helloId', { reverseBatchAnswers: true });
		const existing = sandbox.vendors.helloId.addGroup('existing team');
		const result = await runNode(sandbox, 'helloId', {
			items,
			parameters: { additionalFields: { userNames: '={{ $json.users ?? "" }}' } },
			onError: 'continueErrorOutput',
		});
		return { result, existing };
	}

	it('sends exactly 3 batch requests of at most 100 groups, none holding one name twice', async () => {
		await run();

		const batches = batchRequests(sandbox);
		expect(batches).toHaveLength(3);
		for (const batch of batches) {
			const names = batchNames(batch).map((name) => name.toLowerCase());
			expect(names.length).toBeLessThanOrEqual(100);
			expect(new Set(names).size).toBe(names.length);
			expect(batch.headers.authorization).toBe(BASIC_AUTH);
			expect(batch.headers['content-type']).toMatch(/^application\/json/);
		}
		expect(batches.flatMap(batchNames).sort()).toEqual(items.map((item) => item.name).sort());
		// The only other request: one page of the list, to find the group that existed before the run.
		expect(sandbox.requests).toHaveLength(4);
		expect(listRequests(sandbox)).toHaveLength(1);
		expect(listRequests(sandbox)[0].query).toEqual({ take: '1000', skip: '0' });
	});

	it('sends the fields as the docs spell them', async () => {
		await run();

		const groups = batchRequests(sandbox).flatMap((batch) => JSON.parse(batch.body) as object[]);
		expect(groups).toContainEqual({ Name: 'Team 0', IsEnabled: true, IsDefault: false, IsQrEnabled: false });
		expect(groups).toContainEqual({
			Name: 'Team 3',
			IsEnabled: true,
			IsDefault: false,
			IsQrEnabled: false,
			UserNames: ['Nobody'],
		});
	});

	it('routes every item to exactly one output with its pairedItem, in input order', async () => {
		const { result, existing } = await run();
		expect(result.error).toBeUndefined();
		const [created, conflicts, failed] = result.outputs;

		const conflictRows = [7, 40, 99, 180, 249];
		const createdRows = items.map((item) => item.row).filter((row) => row !== 3 && !conflictRows.includes(row));
		expect(pairedRows(created)).toEqual(createdRows);
		expect(pairedRows(conflicts)).toEqual(conflictRows);
		expect(pairedRows(failed)).toEqual([3]);

		// Each Created item carries the GUID HelloID gave that very name.
		const stored = new Map(sandbox.vendors.helloId.groups().map((group) => [group.name, group.groupGuid]));
		for (const [position, json] of jsonOf(created).entries()) {
			const row = createdRows[position];
			expect(json).toMatchObject({ vendor: 'helloId', outcome: 'created', name: items[row].name, attempts: 1 });
			expect(json.id).toBe(stored.get(items[row].name));
			expect(json.group).toMatchObject({ name: items[row].name, groupGuid: json.id, isEnabled: true });
		}
		expect(sandbox.vendors.helloId.groups()).toHaveLength(1 + createdRows.length);

		// Later rows with a name of this run conflict with the group the first row created.
		const idOf = (row: number) => jsonOf(created)[createdRows.indexOf(row)].id;
		expect(jsonOf(conflicts).map((json) => json.id)).toEqual([existing.groupGuid, idOf(5), idOf(5), idOf(150), idOf(20)]);
		expect(jsonOf(conflicts)[0]).toMatchObject({
			outcome: 'conflict',
			name: 'Existing Team',
			message: DUPLICATE_REASON,
			httpCode: 200,
			existing: { name: 'existing team', groupGuid: existing.groupGuid },
		});
		expect(jsonOf(conflicts)[2]).toMatchObject({ name: 'TEAM 5', existing: { name: 'Team 5' } });

		// Another reason in failedGroups fails that item alone, with HelloID's words.
		expect(jsonOf(failed)[0]).toMatchObject({
			name: 'Team 3',
			row: 3,
			error: 'HelloID did not create the group: User Nobody was not found.',
			details: { vendor: 'helloId', httpCode: 200, name: 'Team 3' },
		});
	});
});

describe('batch options', () => {
	it('groups items by Batch Size', async () => {
		const result = await runNode(sandbox, 'helloId', {
			items: rows('a', 'b', 'c', 'd', 'e'),
			options: { batchSize: 2, concurrency: 1 },
		});

		expect(result.error).toBeUndefined();
		expect(batchRequests(sandbox).map(batchNames)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
		expect(pairedRows(result.outputs[0])).toEqual([0, 1, 2, 3, 4]);
	});

	it('puts a repeated name into a later batch and reports it as a conflict with the first one', async () => {
		const result = await runNode(sandbox, 'helloId', { items: rows('Ops', 'ops', 'Dev') });

		expect(batchRequests(sandbox).map(batchNames)).toEqual([['Ops', 'Dev'], ['ops']]);
		expect(pairedRows(result.outputs[0])).toEqual([0, 2]);
		expect(pairedRows(result.outputs[1])).toEqual([1]);
		expect(result.outputs[1][0].json.id).toBe(result.outputs[0][0].json.id);
		// The conflict came from this run: no lookup was needed.
		expect(listRequests(sandbox)).toHaveLength(0);
		expect(sandbox.vendors.helloId.countGroups('OPS')).toBe(1);
	});

	it('refuses a Batch Size out of range before sending anything', async () => {
		const result = await runNode(sandbox, 'helloId', {
			items: rows('a', 'b'),
			options: { batchSize: 0 },
			onError: 'continueErrorOutput',
		});

		expect(sandbox.requests).toHaveLength(0);
		expect(pairedRows(result.outputs[2])).toEqual([0, 1]);
		expect(result.outputs[2][0].json.error).toBe('"Batch Size" must be between 1 and 1000');
	});

	it('sends lists from expressions and comma-separated text, and refuses an item whose GUID is malformed', async () => {
		const manager = 'F0CE1E44-25E8-4B12-8151-EF3525017647';
		const result = await runNode(sandbox, 'helloId', {
			items: [
				{ name: 'Linked', users: ['Loweng', 'P.Vos'], apps: 'LinkedIn, Xing', manager },
				{ name: 'Bad GUID', guids: 'not-a-guid' },
			],
			parameters: {
				additionalFields: {
					isQrEnabled: true,
					managedByUserGuid: '={{ $json.manager ?? "" }}',
					userNames: '={{ $json.users ?? "" }}',
					userGuids: '={{ $json.guids ?? "" }}',
					applicationNames: '={{ $json.apps ?? "" }}',
				},
			},
			onError: 'continueErrorOutput',
		});

		expect(batchRequests(sandbox).map((batch) => JSON.parse(batch.body) as unknown)).toEqual([
			[
				{
					Name: 'Linked',
					IsEnabled: true,
					IsDefault: false,
					IsQrEnabled: true,
					ManagedByUserGuid: manager,
					UserNames: ['Loweng', 'P.Vos'],
					ApplicationNames: ['LinkedIn', 'Xing'],
				},
			],
		]);
		expect(result.outputs[0][0].json).toMatchObject({ outcome: 'created', group: { managedByUserGuid: manager, isQrEnabled: true } });
		expect(result.outputs[2][0]).toMatchObject({
			json: { error: '"User GUIDs" entry 1 is not a GUID (like 7DF48871-E9DA-4FB2-9251-00035AD8483B)', details: { field: 'User GUIDs' } },
			pairedItem: { item: 1 },
		});
	});
});
