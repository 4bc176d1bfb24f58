/**
 * The fields of each node that take user data, with hostile values for them and the rule that says
 * which of those values the node must take (see hostile-values.ts).
 */
import fc from 'fast-check';
import type { INodeParameters } from 'n8n-workflow';

import {
	hostileList,
	hostileValue,
	isBoolean,
	isDnsLabel,
	isOneOf,
	isPositiveId,
	isValidGuidList,
	isValidIdList,
	isValidList,
	isValidOptionalGuid,
	isValidOptionalInteger,
	isValidOptionalText,
	isValidText,
} from './hostile-values';
import {
	ASSEMBLA,
	CAPILLARY,
	HELLOID_BATCH_MODE,
	HELLOID_SINGLE_MODE,
	INVISIBLE_COLLECTOR,
	LEARN_CENTER,
	TALEO_LEARN,
} from './vendors';
import type { VendorCase } from './vendors';

export interface HostileField {
	/** The field as the node names it in its errors. */
	field: string;
	/** The key of the input row that the node parameter maps. */
	key: string;
	/** Node parameters that map the row key into the field. */
	parameters: INodeParameters;
	values: fc.Arbitrary<unknown>;
	/** Whether the node must take the value (and send it); otherwise it must refuse it before any request. */
	valid(value: unknown): boolean;
}

const nameField = (maxLength: number, known: string[] = []): HostileField => ({
	field: 'Name',
	key: 'name',
	parameters: {},
	values: fc.oneof(hostileValue, fc.constantFrom('Sales Team', ' Sales Team ', 'x'.repeat(maxLength), 'x'.repeat(maxLength + 1), ...known)),
	valid: (value) => isValidText(value, maxLength),
});

const SEED_GUID = 'F0CE1E44-25E8-4B12-8151-EF3525017647';
const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };

export const HOSTILE_CASES: ReadonlyArray<{ vendorCase: VendorCase; fields: HostileField[] }> = [
	{ vendorCase: INVISIBLE_COLLECTOR, fields: [nameField(255)] },
	{
		vendorCase: ASSEMBLA,
		fields: [
			nameField(255, ['<name>&amp;</name>', 'a"b\'c']),
			{
				field: 'Portfolio',
				key: 'portfolio',
				parameters: { portfolio: '={{ $json.portfolio }}' },
				values: fc.oneof(
					hostileValue,
					fc.constantFrom('sandbox', 'SANDBOX', ' sandbox ', 'evil.com/', 'a@b', 'x#', '..', 'sandbox&portfolio=x', '-a', 'a-'),
					fc.constant('a'.repeat(64)),
				),
				valid: isDnsLabel,
			},
			{
				field: 'Type',
				key: 'type',
				parameters: { type: '={{ $json.type }}' },
				values: fc.oneof(hostileValue, fc.constantFrom('space', 'user', 'USER', ' Space ', 'group')),
				valid: (value) => isOneOf(value, ['space', 'user'], { caseInsensitive: true }),
			},
			{ field: 'Items', key: 'items', parameters: { items: '={{ $json.items }}' }, values: hostileList, valid: isValidList },
		],
	},
	{ vendorCase: HELLOID_BATCH_MODE, fields: [nameField(255)] },
	{
		vendorCase: HELLOID_SINGLE_MODE,
		fields: [
			nameField(255),
			{
				field: 'Is Enabled',
				key: 'isEnabled',
				parameters: { additionalFields: { isEnabled: '={{ $json.isEnabled }}' } },
				values: fc.oneof(hostileValue, fc.constantFrom(true, false, 'true', 'false', 'TRUE', 'yes', 1, 0)),
				valid: isBoolean,
			},
			{
				field: 'Managed By User GUID',
				key: 'manager',
				parameters: { additionalFields: { managedByUserGuid: '={{ $json.manager }}' } },
				values: fc.oneof(hostileValue, fc.uuid(), fc.constantFrom(SEED_GUID, ` ${SEED_GUID} `, `${SEED_GUID}x`)),
				valid: isValidOptionalGuid,
			},
			{
				field: 'User Names',
				key: 'userNames',
				parameters: { additionalFields: { userNames: '={{ $json.userNames }}' } },
				values: fc.oneof(hostileList, fc.constantFrom('Loweng, P.Vos', ['Manager'])),
				valid: isValidList,
			},
			{
				field: 'User GUIDs',
				key: 'userGuids',
				parameters: { additionalFields: { userGuids: '={{ $json.userGuids }}' } },
				values: fc.oneof(hostileList, fc.array(fc.uuid(), { maxLength: 2 }), fc.constant(`${SEED_GUID},`)),
				valid: isValidGuidList,
			},
			{
				field: 'Application Names',
				key: 'applications',
				parameters: { additionalFields: { applicationNames: '={{ $json.applications }}' } },
				values: hostileList,
				valid: isValidList,
			},
		],
	},
	{
		vendorCase: CAPILLARY,
		fields: [
			nameField(255),
			{
				field: 'Rank',
				key: 'rank',
				parameters: { additionalFields: { rank: '={{ $json.rank }}' } },
				values: fc.oneof(
					hostileValue,
					fc.integer(),
					fc.constantFrom(INT32.max, INT32.max + 1, INT32.min, INT32.min - 1, '12', ' 7 ', '1.5', 1.5, ''),
				),
				valid: (value) => isValidOptionalInteger(value, INT32.min, INT32.max),
			},
		],
	},
	{
		vendorCase: TALEO_LEARN,
		fields: [
			nameField(50),
			{
				field: 'Learn Center',
				key: 'learnCenter',
				parameters: { learnCenterId: '={{ $json.learnCenter }}' },
				values: fc.oneof(
					hostileValue,
					fc.constantFrom(LEARN_CENTER, String(LEARN_CENTER), ` ${LEARN_CENTER + 1} `, `${LEARN_CENTER}/../${LEARN_CENTER + 1}`),
					fc.constantFrom('..', '%2F', `${LEARN_CENTER}%2F..`, '1/2', '0', -1, 1.5, '1e3', `${LEARN_CENTER}?x=1`),
				),
				valid: isPositiveId,
			},
			{
				field: 'Code',
				key: 'code',
				parameters: { additionalFields: { code: '={{ $json.code }}' } },
				values: hostileValue,
				valid: (value) => isValidOptionalText(value, 255),
			},
			{
				field: 'Owners',
				key: 'owners',
				parameters: { additionalFields: { owners: '={{ $json.owners }}' } },
				values: fc.oneof(hostileList, fc.constantFrom('1000, 112867', [1000, '113458'], '0', '-5', '1.5')),
				valid: isValidIdList,
			},
			{
				field: 'Parent Group ID',
				key: 'parent',
				parameters: { additionalFields: { parentGroupId: '={{ $json.parent }}' } },
				values: fc.oneof(hostileValue, fc.constantFrom('766', 766, 0, '-1', '')),
				valid: (value) => isValidOptionalInteger(value, 1, Number.MAX_SAFE_INTEGER),
			},
			{
				field: 'Status',
				key: 'status',
				parameters: { additionalFields: { statusFlag: '={{ $json.status }}' } },
				values: fc.oneof(hostileValue, fc.constantFrom('active', 'inactive', 'Active', ' active')),
				valid: (value) => isOneOf(value, ['active', 'inactive'], { optional: true }),
			},
			{
				field: 'Only Allow Owners To Edit Group',
				key: 'onlyOwners',
				parameters: { onlyAllowOwnersToEditGroup: '={{ $json.onlyOwners }}' },
				values: fc.oneof(hostileValue, fc.constantFrom(true, false, 'true', 'no')),
				valid: isBoolean,
			},
		],
	},
];
