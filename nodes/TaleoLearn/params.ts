/** Reads and checks one item's parameters (the GroupRequest fields); how names and codes are compared. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { groupFields } from '../shared/fields';
import type { NamePolicy } from '../shared/names';
import { isObject } from '../shared/outcome';
import type { GroupParams } from '../shared/types';
import { InputError, oneOf, optionalInteger, optionalText, requireBoolean, requireText, textList } from '../shared/validate';
import { activePeriod } from './dates';
import { learnCenterIdOf } from './learnCenters';

/** The documented limit of a group name. */
export const MAX_NAME_LENGTH = 50;
/** No limit is documented; codes in the docs are 36-character GUIDs. This only stops a mistaken mapping. */
export const MAX_CODE_LENGTH = 255;

export const STATUS_FLAGS = ['active', 'inactive'] as const;
export const SELF_SERVICE_OPTIONS = ['private', 'requiresApproval', 'doesNotRequireApprovals'] as const;
export const FIELD_SPELLINGS = ['example', 'schema'] as const;

export type StatusFlag = (typeof STATUS_FLAGS)[number];
export type SelfServiceOption = (typeof SELF_SERVICE_OPTIONS)[number];
export type FieldSpelling = (typeof FIELD_SPELLINGS)[number];

export interface TaleoParams extends GroupParams {
	learnCenterId: number;
	parentGroupId?: number;
	statusFlag?: StatusFlag;
	code?: string;
	activeFromDate?: string;
	activeUntilDate?: string;
	onlyAllowOwnersToEditGroup: boolean;
	selfServiceOptions?: SelfServiceOption;
	/** User ids, in input order without repeats. */
	owners: number[];
	spelling: FieldSpelling;
}

/** Choices from an expression: spelled as listed; blank means left out. */
const choice = { optional: true, wording: 'plainWithValue' } as const;

function ownerIds(value: unknown): number[] {
	const ids = textList('Owners', value).map((entry) => {
		const id = /^\d+$/.test(entry) ? Number(entry) : NaN;
		if (!Number.isSafeInteger(id) || id < 1) {
			throw new InputError('Owners', `"Owners" must hold user IDs (positive whole numbers), not "${entry}"`);
		}
		return id;
	});
	return [...new Set(ids)];
}

/** The list filter of Group → Get and Group → Get Many: the learn center. */
export function readListQuery(ctx: IExecuteFunctions, itemIndex: number): { learnCenterId: number } {
	return { learnCenterId: learnCenterIdOf(ctx.getNodeParameter('learnCenterId', itemIndex)) };
}

/** The Additional Fields (as named in `properties.ts`; a test keeps them equal), read from columns of those names with Auto-Map. */
export const ADDITIONAL_FIELD_NAMES = ['activeFromDate', 'activeUntilDate', 'code', 'owners', 'parentGroupId', 'selfServiceOptions', 'statusFlag'];

/** Reads and checks the item's fields; throws `InputError` naming the first bad one. */
export function readParams(ctx: IExecuteFunctions, itemIndex: number): TaleoParams {
	const learnCenterId = learnCenterIdOf(ctx.getNodeParameter('learnCenterId', itemIndex));
	const fields = groupFields(ctx, itemIndex);
	const name = requireText('Name', fields.field('name'), MAX_NAME_LENGTH);
	const onlyAllowOwnersToEditGroup = requireBoolean('Only Allow Owners To Edit Group', fields.field('onlyAllowOwnersToEditGroup', true));
	const extra = fields.collection('additionalFields', ADDITIONAL_FIELD_NAMES);
	if (!isObject(extra)) throw new InputError('Additional Fields', '"Additional Fields" must be an object');
	const options = ctx.getNodeParameter('options', itemIndex, {});
	const spelling = oneOf('Field Spelling', isObject(options) ? options.fieldSpelling : undefined, FIELD_SPELLINGS, choice);

	return {
		learnCenterId,
		name,
		parentGroupId: optionalInteger('Parent Group ID', extra.parentGroupId, { min: 1 }),
		statusFlag: oneOf('Status', extra.statusFlag, STATUS_FLAGS, choice),
		code: optionalText('Code', extra.code, MAX_CODE_LENGTH),
		...activePeriod(extra.activeFromDate, extra.activeUntilDate),
		onlyAllowOwnersToEditGroup,
		selfServiceOptions: oneOf('Self-Service Options', extra.selfServiceOptions, SELF_SERVICE_OPTIONS, choice),
		owners: ownerIds(extra.owners),
		spelling: spelling ?? 'example',
	};
}

/**
 * Names are compared case- and space-folded (and in one Unicode form): the vendor's comparison is not
 * documented, and folding only makes more items wait for each other, never fewer. A lookup prefers
 * the exact spelling, else the first group in Taleo's list order that is equal under the fold.
 */
export const NAME_POLICY: NamePolicy = {
	fold: (name) => name.trim().normalize('NFC').toLowerCase(),
	ties: 'exactSpellingFirst',
};

/** Per learn center (groups live under one). */
export function nameKey({ learnCenterId, name }: TaleoParams): string {
	return `${learnCenterId}/${NAME_POLICY.fold(name)}`;
}

/**
 * Ordering only: the code (Taleo keeps it unique, compared folded like names) and the name across
 * learn centers, in case uniqueness reaches beyond one learn center. Items sharing either go in input order.
 */
export function uniqueKeys({ name, code }: TaleoParams): string[] {
	const fold = NAME_POLICY.fold;
	return [`name:${fold(name)}`, ...(code === undefined ? [] : [`code:${fold(code)}`])];
}
