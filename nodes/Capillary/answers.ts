/**
 * Reading Capillary's answers: the create answer (the conflict rule included) and list pages. Error codes come in `status.code` (this service), `errors[].code`
 * (v2 APIs) or a top-level `code`, as numbers or digit strings; the duplicate code 12012 counts
 * wherever it appears and whatever the HTTP status.
 */
import type { IDataObject } from 'n8n-workflow';

import { commonFailure, idString, isObject, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type { HttpResponse, Interpretation, NormalizedGroup } from '../shared/types';
import { DISPLAY_NAME } from './connection';

const UNAUTHORIZED_HINT =
	'Basic: the user name and the plain password (the node sends its md5 hash itself). OAuth: the client key and secret; a fresh token was already tried.';

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

/** The answer to a create: code 12012 (or the words for it) anywhere is a conflict, whatever the status. */
export function interpret(response: HttpResponse): Interpretation {
	const body = parsedBody(response.body);
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	if (hasDuplicateCode(body)) {
		return { kind: 'conflict', message: messageFrom(body) ?? 'Group name must be unique (12012)' };
	}
	if (ok && !reportsFailure(body)) {
		const group = normalizeGroup(body);
		return group ? { kind: 'created', group } : unexpectedSuccessBody(response, DISPLAY_NAME);
	}
	if (saysDuplicate(body)) return { kind: 'conflict', message: messageFrom(body) ?? 'Group name must be unique' };
	if (saysNameMissing(body)) {
		return {
			kind: 'error',
			message: `${DISPLAY_NAME} rejected the group name (HTTP ${response.statusCode}): ${messageFrom(body)}`,
			description: 'Capillary received no usable name. Check what the Name field maps to for this item.',
		};
	}
	if (ok) {
		// HTTP 2xx whose status block says it failed: not created, and not a code we know.
		const words = messageFrom(body) ?? 'no message';
		return { kind: 'error', message: `${DISPLAY_NAME} reported a failure (HTTP ${response.statusCode}): ${words}` };
	}
	return commonFailure(response, DISPLAY_NAME, {
		unauthorizedHint: UNAUTHORIZED_HINT,
		notFound: 'the create path does not exist on this host; try the other "API Path" option',
	});
}
