/** n8n's three "On Error" settings with a batch holding a created, a conflicting and a failing group. */
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows } from '../support/items';
import { batchRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();

beforeEach(() => {
	sandbox.vendors.helloId.addGroup('Taken');
});

const items = [
	{ name: 'Fresh', row: 0 },
	{ name: 'Taken', row: 1 },
	{ name: 'Orphan', row: 2, manager: '00000000-0000-0000-0000-000000000000' },
	{ name: 'Later', row: 3 },
];
const parameters = { additionalFields: { managedByUserGuid: '={{ $json.manager ?? "" }}' } };
const ORPHAN_ERROR = 'HelloID did not create the group: Managed by user 00000000-0000-0000-0000-000000000000 was not found.';

it('continueErrorOutput: the failed item goes to the third output, merged into its input row', async () => {
	const result = await runNode(sandbox, 'helloId', { items, parameters, onError: 'continueErrorOutput' });

	expect(result.error).toBeUndefined();
	expect(result.outputs).toHaveLength(3);
	expect(pairedRows(result.outputs[0])).toEqual([0, 3]);
	expect(pairedRows(result.outputs[1])).toEqual([1]);
	expect(result.outputs[2]).toEqual([
		{
			json: {
				name: 'Orphan',
				row: 2,
				manager: '00000000-0000-0000-0000-000000000000',
				error: ORPHAN_ERROR,
				details: {
					description: `HelloID said: Group Orphan was not created, Managed by user 00000000-0000-0000-0000-000000000000 was not found.`,
					httpCode: 200,
					vendor: 'helloId',
					name: 'Orphan',
					attempts: 1,
				},
			},
			pairedItem: { item: 2 },
		},
	]);
});

it('continueRegularOutput: the failed item stays on the Created output, in input order', async () => {
	const result = await runNode(sandbox, 'helloId', { items, parameters, onError: 'continueRegularOutput' });

	expect(result.error).toBeUndefined();
	expect(pairedRows(result.outputs[0])).toEqual([0, 2, 3]);
	expect(jsonOf(result.outputs[0])[1]).toMatchObject({ error: ORPHAN_ERROR, details: { name: 'Orphan' } });
	expect(pairedRows(result.outputs[1])).toEqual([1]);
});

it('stopWorkflow: the node fails with the item index and HelloID keeps what it created', async () => {
	const result = await runNode(sandbox, 'helloId', { items, parameters });

	expect(result.outputs).toEqual([]);
	expect(result.error).toMatchObject({
		name: 'NodeApiError',
		message: `${ORPHAN_ERROR} [item 2]`,
		context: { itemIndex: 2 },
	});
	// One batch carried all four; the others were created before the node stopped.
	expect(batchRequests(sandbox)).toHaveLength(1);
	expect(sandbox.vendors.helloId.groups().map((group) => group.name)).toEqual(['Taken', 'Fresh', 'Later']);
});

it('stopWorkflow: bad input stops the node before anything is sent', async () => {
	const result = await runNode(sandbox, 'helloId', {
		items,
		parameters: { additionalFields: { managedByUserGuid: '={{ $json.row === 3 ? "not-a-guid" : "" }}' } },
	});

	expect(sandbox.requests).toHaveLength(0);
	expect(result.error).toMatchObject({
		name: 'NodeOperationError',
		message: '"Managed By User GUID" is not a GUID (like 7DF48871-E9DA-4FB2-9251-00035AD8483B) [item 3]',
	});
});
