/**
 * What a SCIM service's answers mean (docs/vendors/scim.md): the created resource (RFC 7644 §3.3),
 * a value already in use (409 `uniqueness`, RFC 7644 §3.3 and §3.12), or an error response (§3.12).
 */
import { commonFailure, idString, isObject, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type { HttpResponse, Interpretation, NormalizedGroup } from '../shared/types';
import { DISPLAY_NAME } from './connection';

/** A Group resource as the engine reports it: `id` (RFC 7643 §3.1) and `displayName` (§4.2). */
export function normalizeGroup(body: unknown): NormalizedGroup | undefined {
	if (!isObject(body)) return undefined;
	const id = idString(body.id);
	if (!id) return undefined;
	return { id, name: typeof body.displayName === 'string' ? body.displayName : '', group: body };
}

/** The `scimType` of an error response (RFC 7644 §3.12), if any. */
export function scimTypeOf(body: unknown): string | undefined {
	return isObject(body) && typeof body.scimType === 'string' && body.scimType.trim() ? body.scimType.trim() : undefined;
}

/**
 * RFC 7644 §3.3: a create that collides with an existing resource MUST be answered 409 with
 * `scimType: "uniqueness"`. Services that leave the `scimType` out still mean the same on a POST
 * (a version conflict, the other 409, needs an ETag that a create does not send); a 409 with another
 * `scimType` is not a taken name.
 */
export function isUniquenessConflict(response: HttpResponse): boolean {
	if (response.statusCode !== 409) return false;
	const scimType = scimTypeOf(parsedBody(response.body));
	return scimType === undefined || scimType === 'uniqueness';
}

export function interpret(response: HttpResponse): Interpretation {
	const body = parsedBody(response.body);
	if (response.statusCode >= 200 && response.statusCode < 300) {
		const group = normalizeGroup(body);
		return group ? { kind: 'created', group } : unexpectedSuccessBody(response, DISPLAY_NAME);
	}
	if (isUniquenessConflict(response)) {
		const detail = isObject(body) && typeof body.detail === 'string' && body.detail.trim() ? body.detail.trim() : undefined;
		// The error response names no resource (§3.12): the engine looks the group up by filter.
		return { kind: 'conflict', message: detail ?? 'A group with this name already exists', existingId: null };
	}
	const failure = commonFailure(response, DISPLAY_NAME);
	const scimType = scimTypeOf(body);
	if (scimType === undefined) return failure;
	return {
		...failure,
		message: `${failure.message} [scimType: ${scimType}]`,
		description: `${failure.description ?? `${DISPLAY_NAME} answered HTTP ${response.statusCode}.`} SCIM error type: ${scimType}.`,
	};
}
