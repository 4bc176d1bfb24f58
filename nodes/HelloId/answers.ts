/**
 * Reading HelloID's answers: its group objects and the conflict rule (single mode here; the batch
 * answer in batch.ts applies the same words). Answers are camelCase (`groupGuid`, `name`), but
 * HelloID reads field names case-insensitively, so keys are read the same way to stay tolerant.
 */
import type { IDataObject } from 'n8n-workflow';

import { commonFailure, idString, isObject, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type { HttpResponse, Interpretation, NormalizedGroup } from '../shared/types';
import { DISPLAY_NAME } from './connection';

export const UNAUTHORIZED_HINT =
	'If the API key and secret are right, check them in the HelloID portal: keys can be disabled or restricted to certain IP addresses, and n8n may be calling from another one.';

/** The value under `name` in any letter case (`groupGuid`, `GroupGuid`, `groupGUID`). */
export function field(object: IDataObject, name: string): unknown {
	if (name in object) return object[name];
	const wanted = name.toLowerCase();
	const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === wanted);
	return key === undefined ? undefined : object[key];
}

/** A HelloID group (`groupGuid` as its id), or undefined when the object has no GUID. */
export function normalizeGroup(value: unknown): NormalizedGroup | undefined {
	if (!isObject(value)) return undefined;
	const id = idString(field(value, 'groupGuid'));
	if (!id) return undefined;
	const name = field(value, 'name');
	return { id, name: typeof name === 'string' ? name : '', group: value };
}

/**
 * HelloID's words for a taken name: "A group with this name already exists." (the vendor page's batch answer).
 * Only a sentence about a group's name counts; "An application with this name already exists." or
 * "User X already exists in group Y" are other failures (docs/vendors/helloid.md).
 */
const NAME_TAKEN = /\bgroup\b[^.;,]*\bname\b[^.;,]*\balready exists?\b/i;

export function saysNameTaken(text: string): boolean {
	return NAME_TAKEN.test(text);
}

/** Single mode: a duplicate's status is not documented, so 409 and any 4xx in the batch answer's words for a taken name count. */
export function isDuplicate(response: HttpResponse): boolean {
	if (response.statusCode === 409) return true;
	const { statusCode } = response;
	return statusCode >= 400 && statusCode < 500 && statusCode !== 401 && saysNameTaken(messageFrom(response.body) ?? '');
}

/** A single-mode answer (a batch's is read by `readBatchResults`). */
export function interpret(response: HttpResponse): Interpretation {
	if (response.statusCode >= 200 && response.statusCode < 300) {
		const group = normalizeGroup(parsedBody(response.body));
		return group ? { kind: 'created', group } : unexpectedSuccessBody(response, DISPLAY_NAME);
	}
	if (isDuplicate(response)) {
		return { kind: 'conflict', message: messageFrom(response.body) ?? 'A group with this name already exists.' };
	}
	return commonFailure(response, DISPLAY_NAME, { unauthorizedHint: UNAUTHORIZED_HINT });
}
