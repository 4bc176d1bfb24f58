/**
 * Mapping Mode → "Auto-Map Input Data to Fields": each group field comes from the input column of
 * the same name (a sheet with columns `name`, `code`, `parentGroupId` needs no expressions), columns
 * that name no field are ignored, and a column of the wrong type fails its item naming the field.
 * Per vendor, through n8n's engine and the sandbox.
 */
import type { IDataObject } from 'n8n-workflow';

import { ADDITIONAL_FIELD_NAMES } from '../../nodes/TaleoLearn/params';
import { additionalFieldsProperty } from '../../nodes/TaleoLearn/properties';
import type { Sandbox, VendorName } from '../sandbox/types';
import { jsonOf, pairedRows } from '../support/items';
import { runNode } from '../support/run';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();

const TALEO_CENTER = 178409;

/** The expression parameters a builder would have left in "Map Each Field Below": Auto-Map must not read them. */
const IGNORED_BELOW = { name: '=not-this-name', type: 'user', rank: 7, isEnabled: false, code: 'NOT-THIS' };

interface Case {
	readonly vendor: VendorName;
	/** One spreadsheet row with every field of the vendor this test sets, plus columns no field has. */
	row(sandbox: Sandbox): IDataObject;
	/** What the vendor now holds for the row's group, in the fields the row set. */
	stored(sandbox: Sandbox): unknown;
	readonly expected: unknown;
	/** A row whose column has the wrong type, and the message that names the field. */
	readonly wrong: { readonly row: IDataObject; readonly message: string };
}

const CASES: readonly Case[] = [
	{
		vendor: 'invisibleCollector',
		row: () => ({ name: 'Sales', email: 'ignored@example.com' }),
		stored: (s) => s.vendors.invisibleCollector.groupsOf().map((group) => group.name),
		expected: ['Sales'],
		wrong: { row: { name: { first: 'Sales' } }, message: '"Name" must be text, but it is an object' },
	},
	{
		vendor: 'assembla',
		row: () => ({ name: 'Sales', type: 'space', items: 'u1, u2', owner: 'ignored' }),
		stored: (s) => s.vendors.assembla.groupsOf().map(({ name, type, items }) => ({ name, type, items })),
		expected: [{ name: 'Sales', type: 'space', items: ['u1', 'u2'] }],
		wrong: { row: { name: 'Sales', type: 'folder' }, message: '"Type" must be one of "space", "user"' },
	},
	{
		vendor: 'helloId',
		row: () => ({ name: 'Sales', isEnabled: true, isDefault: true, userNames: ['Loweng'], department: 'ignored' }),
		stored: (s) => s.vendors.helloId.groups().map(({ name, isEnabled, isDefault, userNames }) => ({ name, isEnabled, isDefault, userNames })),
		expected: [{ name: 'Sales', isEnabled: true, isDefault: true, userNames: ['Loweng'] }],
		wrong: { row: { name: 'Sales', isEnabled: 'maybe' }, message: '"Is Enabled" must be true or false, but it is a string' },
	},
	{
		vendor: 'capillary',
		row: () => ({ name: 'Sales', rank: 3, region: 'ignored' }),
		stored: (s) => s.vendors.capillary.groups().map(({ name, rank }) => ({ name, rank })),
		expected: [{ name: 'Sales', rank: 3 }],
		wrong: { row: { name: 'Sales', rank: 'first' }, message: '"Rank" must be a whole number, but it is "first"' },
	},
	{
		vendor: 'taleoLearn',
		row: (s) => {
			const parent = s.vendors.taleoLearn.addGroup(TALEO_CENTER, { name: 'Company', code: 'CO' });
			return { name: 'Sales', code: 'SALES-1', parentGroupId: parent.id, statusFlag: 'active', manager: 'ignored' };
		},
		stored: (s) =>
			s.vendors.taleoLearn
				.groupsOf(TALEO_CENTER)
				.filter((group) => group.name === 'Sales')
				.map(({ name, code, parentGroupId, statusFlag }) => ({ name, code, parentGroupId: typeof parentGroupId, statusFlag })),
		expected: [{ name: 'Sales', code: 'SALES-1', parentGroupId: 'number', statusFlag: 'active' }],
		wrong: { row: { name: 'Sales', parentGroupId: 'the company' }, message: '"Parent Group ID" must be a whole number, but it is "the company"' },
	},
	{
		vendor: 'scim',
		row: () => ({ name: 'Sales', externalId: 'hr-7', members: ['user-1', 'user-2'], costCenter: 'ignored' }),
		stored: (s) =>
			s.vendors.scim.groups().map(({ displayName, externalId, members }) => ({ displayName, externalId, members: members?.map((member) => member.value) })),
		expected: [{ displayName: 'Sales', externalId: 'hr-7', members: ['user-1', 'user-2'] }],
		wrong: { row: { name: 'Sales', externalId: { id: 7 } }, message: '"External ID" must be text, but it is an object' },
	},
];

describe.each(CASES.map((vendorCase) => [vendorCase.vendor, vendorCase] as const))('%s', (vendor, vendorCase) => {
	const autoMap = { dataMode: 'autoMapInputData', ...IGNORED_BELOW, additionalFields: { code: 'NOT-THIS', rank: 7, isEnabled: false } };

	it('takes every field from the input column of the same name and ignores the other columns', async () => {
		const row = vendorCase.row(sandbox);
		const result = await runNode(sandbox, vendor, { items: [row], parameters: autoMap });
		expect(result.error).toBeUndefined();
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		expect(vendorCase.stored(sandbox)).toEqual(vendorCase.expected);
	});

	it('fails the item whose column has the wrong type, naming the field, and sends the others', async () => {
		const good = vendorCase.row(sandbox);
		const result = await runNode(sandbox, vendor, {
			items: [vendorCase.wrong.row, good],
			parameters: autoMap,
			onError: 'continueErrorOutput',
		});
		expect(jsonOf(result.outputs[2]).map((item) => item.error)).toEqual([vendorCase.wrong.message]);
		expect(pairedRows(result.outputs[2])).toEqual([0]);
		expect(pairedRows(result.outputs[0])).toEqual([1]);
	});

	it('says "Name" is missing for a row without a name column', async () => {
		const result = await runNode(sandbox, vendor, { items: [{ title: 'Sales' }], parameters: autoMap, onError: 'continueErrorOutput' });
		expect(jsonOf(result.outputs[2]).map((item) => item.error)).toEqual(['"Name" is missing']);
	});
});

it('reads every Taleo Learn Additional Field from its column (the list Auto-Map reads is the collection\'s)', () => {
	expect([...ADDITIONAL_FIELD_NAMES].sort()).toEqual((additionalFieldsProperty.options ?? []).map((option) => option.name).sort());
});
