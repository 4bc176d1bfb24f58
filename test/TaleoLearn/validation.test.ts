import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows } from '../support/items';
import { LEARN_CENTER, createRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();

/** The error item of a row refused before any request. */
const refused = (field: string, error: string | RegExp, name: string | null = null) => ({
	error: typeof error === 'string' ? error : expect.stringMatching(error),
	details: {
		description: 'Nothing was sent to the vendor for this item.',
		httpCode: null,
		vendor: 'taleoLearn',
		name,
		attempts: 0,
		field,
	},
});

describe('Taleo Learn: input checks before any request', () => {
	it.each([
		['../178409', '../178409'],
		['a slash', '178409/groups/1'],
		['an encoded slash', '178409%2F..%2F1'],
		['dot segments', '..'],
		['a query', '178409?x=1'],
		['zero', 0],
		['a negative id', -178409],
		['a fraction', 1.5],
		['text', 'Sales Academy'],
		['blank', ''],
	] as Array<[string, unknown]>)('refuses a learn center ID with %s and sends nothing', async (_label, learnCenter) => {
		const result = await runNode(sandbox, 'taleoLearn', {
			items: [{ name: 'Injected', learnCenter } as IDataObject, { name: 'Fine' }],
			onError: 'continueRegularOutput',
		});

		expect(sandbox.requests.filter((request) => request.path.includes('groups') && !request.path.endsWith(`/${LEARN_CENTER}/groups`))).toEqual([]);
		expect(createRequests(sandbox)).toHaveLength(1);
		expect(sandbox.vendors.taleoLearn.allGroups().map((group) => group.name)).toEqual(['Fine']);
		expect(jsonOf(result.outputs[0])[0]).toEqual(
			refused('Learn Center', /^"Learn Center" must be a learn center ID, a positive whole number such as 178409/),
		);
		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
	});

	it.each([
		['a name of 51 characters', { name: 'x'.repeat(51) }, {}, 'Name', '"Name" is longer than 50 characters'],
		['a blank name', { name: '   ' }, {}, 'Name', '"Name" is empty'],
		['Active From after Active Until', { name: 'Late' }, { activeFromDate: '2024-06-01', activeUntilDate: '2024-05-01' }, 'Active Until', '"Active From" (2024-06-01T00:00:00) must be before "Active Until" (2024-05-01T00:00:00)'],
		['Active From equal to Active Until', { name: 'Same' }, { activeFromDate: '2024-06-01T10:00:00', activeUntilDate: '2024-06-01 10:00' }, 'Active Until', /must be before "Active Until"/],
		['a date that does not exist', { name: 'Feb' }, { activeFromDate: '2024-02-30' }, 'Active From', '"Active From" is not a real date or time: "2024-02-30"'],
		['a date that is not a date', { name: 'Soon' }, { activeUntilDate: 'next week' }, 'Active Until', /^"Active Until" must be a date such as/],
		['an owner that is not a user ID', { name: 'Owned' }, { owners: '113458, bob' }, 'Owners', '"Owners" must hold user IDs (positive whole numbers), not "bob"'],
		['a parent group ID that is not a number', { name: 'Child' }, { parentGroupId: 'top' }, 'Parent Group ID', /^"Parent Group ID" must be a whole number/],
		['a status from an expression that Taleo does not know', { name: 'Odd' }, { statusFlag: '={{ "archived" }}' }, 'Status', '"Status" must be one of active, inactive, not "archived"'],
		['a self-service option Taleo does not know', { name: 'Odd' }, { selfServiceOptions: '={{ "open" }}' }, 'Self-Service Options', /^"Self-Service Options" must be one of private, requiresApproval, doesNotRequireApprovals/],
	] as Array<[string, IDataObject, INodeParameters, string, string | RegExp]>)(
		'refuses %s',
		async (_label, row, additionalFields, field, error) => {
			const result = await runNode(sandbox, 'taleoLearn', { items: [row], parameters: { additionalFields }, onError: 'continueRegularOutput' });

			expect(sandbox.requests).toEqual([]);
			expect(jsonOf(result.outputs[0])).toEqual([refused(field, error)]);
		},
	);

	it('stops the workflow on bad input by default, naming the item, before anything is sent', async () => {
		const result = await runNode(sandbox, 'taleoLearn', { items: [{ name: 'Fine' }, { name: 'Bad', learnCenter: '../1' }] });

		expect(result.error?.message).toMatch(/^"Learn Center" must be a learn center ID.* \[item 1\]$/);
		expect(sandbox.requests).toEqual([]);
	});

	it.each([
		['plain http to another host', 'http://tenant.learn.taleo.net', '"Instance URL" must use https:// (http:// is only allowed for localhost)'],
		['a URL with credentials', 'https://user:pw@tenant.learn.taleo.net', '"Instance URL" must not contain a user name or password'],
		['not a URL', 'tenant.learn.taleo.net', '"Instance URL" is not a web address such as https://api.example.com'],
	])('refuses an Instance URL with %s and sends nothing', async (_label, instanceUrl, error) => {
		const result = await runNode(sandbox, 'taleoLearn', { items: [{ name: 'A' }, { name: 'B' }], credential: { instanceUrl }, onError: 'continueRegularOutput' });

		expect(sandbox.requests).toEqual([]);
		expect(jsonOf(result.outputs[0])).toEqual([refused('Instance URL', error), refused('Instance URL', error)]);
	});
});
