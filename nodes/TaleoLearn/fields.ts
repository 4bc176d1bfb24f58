/**
 * The GroupRequest of one item: read from the node's parameters, checked, and written in the field
 * spelling the user chose (the vendor page's example, docs/vendors/taleo-learn.md, says `name`/`parentGroupId`, its schema `groupname`/`parentgroupid`).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject } from '../shared/outcome';
import type { GroupParams } from '../shared/types';
import { InputError, optionalInteger, optionalText, requireBoolean, requireText, textList } from '../shared/validate';
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

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	throw new InputError(field, `"${field}" must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
}

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

/** Reads and checks the item's fields; throws `InputError` naming the first bad one. */
export function readTaleoParams(ctx: IExecuteFunctions, itemIndex: number): TaleoParams {
	const learnCenterId = learnCenterIdOf(ctx.getNodeParameter('learnCenterId', itemIndex));
	const name = requireText('Name', ctx.getNodeParameter('name', itemIndex), MAX_NAME_LENGTH);
	const onlyAllowOwnersToEditGroup = requireBoolean(
		'Only Allow Owners To Edit Group',
		ctx.getNodeParameter('onlyAllowOwnersToEditGroup', itemIndex, true),
	);
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {});
	if (!isObject(extra)) throw new InputError('Additional Fields', '"Additional Fields" must be an object');
	const options = ctx.getNodeParameter('options', itemIndex, {});
	const spelling = oneOf('Field Spelling', isObject(options) ? options.fieldSpelling : undefined, FIELD_SPELLINGS);

	return {
		learnCenterId,
		name,
		parentGroupId: optionalInteger('Parent Group ID', extra.parentGroupId, { min: 1 }),
		statusFlag: oneOf('Status', extra.statusFlag, STATUS_FLAGS),
		code: optionalText('Code', extra.code, MAX_CODE_LENGTH),
		...activePeriod(extra.activeFromDate, extra.activeUntilDate),
		onlyAllowOwnersToEditGroup,
		selfServiceOptions: oneOf('Self-Service Options', extra.selfServiceOptions, SELF_SERVICE_OPTIONS),
		owners: ownerIds(extra.owners),
		spelling: spelling ?? 'example',
	};
}

/** The JSON body of the create request; fields the user left out are not sent. */
export function groupRequestBody(params: TaleoParams): IDataObject {
	const schema = params.spelling === 'schema';
	const body: IDataObject = { [schema ? 'groupname' : 'name']: params.name };
	if (params.parentGroupId !== undefined) body[schema ? 'parentgroupid' : 'parentGroupId'] = params.parentGroupId;
	if (params.statusFlag) body.statusFlag = params.statusFlag;
	if (params.code !== undefined) body.code = params.code;
	if (params.activeFromDate) body.activeFromDate = params.activeFromDate;
	if (params.activeUntilDate) body.activeUntilDate = params.activeUntilDate;
	body.onlyAllowOwnersToEditGroup = params.onlyAllowOwnersToEditGroup;
	if (params.selfServiceOptions) body.selfServiceOptions = params.selfServiceOptions;
	if (params.owners.length) body.owners = params.owners;
	return body;
}
