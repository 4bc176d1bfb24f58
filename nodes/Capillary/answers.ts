/**
 * Reading Capillary's answers. Error codes come in `status.code` (this service), `errors[].code`
 * (v2 APIs) or a top-level `code`, as numbers or digit strings; the duplicate code 12012 counts
 * wherever it appears and whatever the HTTP status.
 */
import type { IDataObject } from 'n8n-workflow';

import { idString, isObject, messageFrom } from '../shared/outcome';
import type { NormalizedGroup } from '../shared/types';

export const DUPLICATE_NAME_CODE = 12012;

/** The page's "Group name must be unique" and kin; "Group rank must be unique" or "Rank 9 already exists" are not (docs/vendors/capillary.md). */
const DUPLICATE_WORDS = /\b12012\b|\bname must be unique\b|\bgroup (with (this|that|the same|the given) )?name already exists\b/i;
const MISSING_NAME_WORDS = /must not be null|must not be (empty|blank)/i;

function codeOf(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return undefined;
}

/** Every error code in the body, from the places Capillary's services put them. */
export function errorCodes(body: unknown): number[] {
	if (!isObject(body)) return [];
	const codes: Array<number | undefined> = [codeOf(body.code)];
	if (isObject(body.status)) codes.push(codeOf(body.status.code));
	if (Array.isArray(body.errors)) {
		for (const error of body.errors) if (isObject(error)) codes.push(codeOf(error.code));
	}
	return codes.filter((code): code is number => code !== undefined);
}

/** Says `success: false` in its status block (some answers do so with HTTP 200). */
export function reportsFailure(body: unknown): boolean {
	return isObject(body) && isObject(body.status) && body.status.success === false;
}

export function hasDuplicateCode(body: unknown): boolean {
	return errorCodes(body).includes(DUPLICATE_NAME_CODE);
}

export function saysDuplicate(body: unknown): boolean {
	return DUPLICATE_WORDS.test(messageFrom(body) ?? '');
}

export function saysNameMissing(body: unknown): boolean {
	return MISSING_NAME_WORDS.test(messageFrom(body) ?? '');
}

/** A group object (the create answer, or an entry of `groupRoList`) as every node reports it. */
export function normalizeGroup(value: unknown): NormalizedGroup | undefined {
	if (!isObject(value)) return undefined;
	const id = idString(value.id);
	if (!id) return undefined;
	return { id, name: typeof value.name === 'string' ? value.name : '', group: value };
}

export interface GroupPage {
	groups: IDataObject[];
	/** `pagingDto.last`; a page without paging information is taken as the last. */
	last: boolean;
}

export function readGroupPage(body: unknown): GroupPage | undefined {
	if (!isObject(body) || !Array.isArray(body.groupRoList)) return undefined;
	const groups = body.groupRoList.filter(isObject);
	const last = isObject(body.pagingDto) ? body.pagingDto.last !== false : true;
	return { groups, last };
}
