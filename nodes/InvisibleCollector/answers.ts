/** What Invisible Collector's answers mean: the group it created, a taken name (the conflict rule), or a failure. */
import { commonFailure, idString, isObject, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type { HttpResponse, Interpretation, NormalizedGroup } from '../shared/types';
import { DISPLAY_NAME } from './connection';

export function normalizeGroup(body: unknown): NormalizedGroup | undefined {
	if (!isObject(body)) return undefined;
	const id = idString(body.id);
	if (!id) return undefined;
	return { id, name: typeof body.name === 'string' ? body.name : '', group: body };
}

/**
 * The older page's 422 wording: "A group with the given name already exists". Only a message about a
 * group name being taken counts; other 422 words ("Customer already exists in another group") are
 * validation errors (docs/vendors/invisible-collector.md).
 */
const NAME_TAKEN = /\bgroup\b[^.;]*\bname\b[^.;]*\balready (exists|registered|taken|in use)\b|\bgroup already registered\b/i;

/** 409 always means the name is taken (the docs: "the group name is already in use"); 422 only in the words above. */
export function isDuplicate(response: HttpResponse): boolean {
	if (response.statusCode === 409) return true;
	return response.statusCode === 422 && NAME_TAKEN.test(messageFrom(response.body) ?? '');
}

export function interpret(response: HttpResponse): Interpretation {
	const body = parsedBody(response.body);
	if (response.statusCode >= 200 && response.statusCode < 300) {
		const group = normalizeGroup(body);
		return group ? { kind: 'created', group } : unexpectedSuccessBody(response, DISPLAY_NAME);
	}
	if (isDuplicate(response)) {
		// The conflicting group's id comes as `gid` (the docs) or `id` (the C# SDK accepts both).
		const existingId = isObject(body) ? (idString(body.gid) ?? idString(body.id) ?? null) : null;
		return { kind: 'conflict', message: messageFrom(body) ?? 'A group with this name already exists', existingId };
	}
	return commonFailure(response, DISPLAY_NAME);
}
