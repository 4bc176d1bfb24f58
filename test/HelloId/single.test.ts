/** Single mode: one `POST /groups` with one JSON object per item, as Tools4ever's connectors do. */
import { DUPLICATE_REASON } from '../sandbox/vendors/helloId';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { BASIC_AUTH, batchRequests, listRequests, singleRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();

it('sends one object per item and routes each answer', async () => {
	const existing = sandbox.vendors.helloId.addGroup('Finance');
	const result = await runNode(sandbox, 'helloId', {
		items: rows('Sales', 'finance', 'Support', 'SALES'),
		parameters: { additionalFields: { isEnabled: false, userNames: '={{ $json.row === 2 ? "Nobody" : "" }}' } },
		options: { mode: 'single' },
		onError: 'continueErrorOutput',
	});

	expect(result.error).toBeUndefined();
	expect(batchRequests(sandbox)).toHaveLength(0);
	const sent = singleRequests(sandbox);
	expect(sent).toHaveLength(4);
	expect(sent.every((request) => request.headers.authorization === BASIC_AUTH)).toBe(true);
	expect(sent.map((request) => JSON.parse(request.body) as unknown)).toEqual(
		expect.arrayContaining([
			{ Name: 'Sales', IsEnabled: false, IsDefault: false, IsQrEnabled: false },
			{ Name: 'Support', IsEnabled: false, IsDefault: false, IsQrEnabled: false, UserNames: ['Nobody'] },
		]),
	);

	const [created, conflicts, failed] = result.outputs;
	expect(pairedRows(created)).toEqual([0]);
	expect(jsonOf(created)[0]).toMatchObject({ outcome: 'created', name: 'Sales', group: { isEnabled: false } });
	expect(jsonOf(created)[0].id).toBe(sandbox.vendors.helloId.groups().find((group) => group.name === 'Sales')?.groupGuid);

	// 'finance' existed before (found through the list); 'SALES' is the group row 0 created.
	expect(pairedRows(conflicts)).toEqual([1, 3]);
	expect(jsonOf(conflicts)).toEqual([
		expect.objectContaining({ name: 'finance', id: existing.groupGuid, httpCode: 400, message: DUPLICATE_REASON }),
		expect.objectContaining({ name: 'SALES', id: jsonOf(created)[0].id, httpCode: 400 }),
	]);
	expect(listRequests(sandbox)).toHaveLength(1);

	expect(pairedRows(failed)).toEqual([2]);
	expect(jsonOf(failed)[0].error).toBe('HelloID rejected the request as invalid (HTTP 400): User Nobody was not found.');
	expect(sandbox.vendors.helloId.groups().map((group) => group.name)).toEqual(['Finance', 'Sales']);
});

it('waits for the first item of a name before sending the next one with it', async () => {
	const result = await runNode(sandbox, 'helloId', {
		items: rows('Ops', 'Ops', 'Ops'),
		options: { mode: 'single', concurrency: 5 },
	});

	expect(singleRequests(sandbox)).toHaveLength(3);
	expect(pairedRows(result.outputs[0])).toEqual([0]);
	expect(pairedRows(result.outputs[1])).toEqual([1, 2]);
	expect(sandbox.vendors.helloId.countGroups('ops')).toBe(1);
});

it('fails the item on conflict when On Conflict says so', async () => {
	sandbox.vendors.helloId.addGroup('Taken');
	const result = await runNode(sandbox, 'helloId', {
		items: rows('Taken'),
		options: { mode: 'single', onConflict: 'fail', lookUpExisting: false },
	});

	expect(listRequests(sandbox)).toHaveLength(0);
	expect(result.error).toMatchObject({ message: `${DUPLICATE_REASON} [item 0]`, context: { itemIndex: 0 } });
});
