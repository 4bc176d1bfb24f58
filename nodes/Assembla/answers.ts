/**
 * Reading Assembla's answers, JSON or typed XML. What an answer to a create request means: 201 with
 * the group (its id in the body, or only in the Location header), a 422 that says the name is taken
 * (the conflict rule), or a failure with Assembla's words.
 */
import type { IDataObject } from 'n8n-workflow';

import { commonFailure, idString, isObject, looksLikeHtml, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type { HttpResponse, Interpretation, NormalizedGroup } from '../shared/types';
import { DISPLAY_NAME } from './connection';
import type { AssemblaParams } from './params';
import { fromXml, looksLikeXml } from './xml';

/**
 * The "has already been taken" family (Rails' uniqueness message and its kin), as a message filed under
 * `name` starts. Nothing else is a conflict: "does not exist", "must be existing space ids", "is too long"
 * and every complaint about another field fail the item with Assembla's words (docs/vendors/assembla.md).
 */
const TAKEN = String.raw`(has already been taken|is already taken|must be unique|is not unique|already exists|is (already )?in use)`;
const TAKEN_ON_NAME = new RegExp(String.raw`^\s*${TAKEN}\b`, 'i');
/** The same, as a full message not filed under a field: "Name has already been taken", "A group with this name already exists". */
const TAKEN_IN_TEXT = new RegExp(
	String.raw`^\s*(the\s+)?(group\s+)?name\s+${TAKEN}\b|\bgroup with (this|that|the same|the given) name already exists\b`,
	'i',
);
/** Keys that hold messages rather than name a field, in the error shapes Assembla and Rails use. */
const MESSAGE_KEYS = new Set(['error', 'errors', 'message', 'base']);

interface VendorError {
	field?: string;
	text: string;
}

function textsIn(value: unknown): string[] {
	if (typeof value === 'string') return value.trim() ? [value] : [];
	if (Array.isArray(value)) return value.flatMap(textsIn);
	if (isObject(value)) return Object.values(value).flatMap(textsIn);
	return [];
}

/**
 * The errors of a 422 body, with the field each is filed under where the shape says:
 * `{name: [..]}`, `{errors: {name: [..]}}`, `{errors: [".."]}`, `{error|message: ".."}`, XML `<errors><error>`.
 */
export function vendorErrors(body: unknown): VendorError[] {
	if (typeof body === 'string') return body.trim() ? [{ text: body }] : [];
	if (Array.isArray(body)) return textsIn(body).map((text) => ({ text }));
	if (!isObject(body)) return [];
	const inner = body.errors;
	if (isObject(inner) && Object.keys(body).length === 1) return vendorErrors(inner);
	return Object.entries(body).flatMap(([key, value]) =>
		textsIn(value).map((text) => (MESSAGE_KEYS.has(key) ? { text } : { field: key, text })),
	);
}

/** A 422 that says the name is taken: a "has already been taken"-family message on `name`, or naming the name. */
export function isNameTaken(errors: VendorError[]): boolean {
	return errors.some(({ field, text }) =>
		field === undefined ? TAKEN_IN_TEXT.test(text) : field.toLowerCase() === 'name' && TAKEN_ON_NAME.test(text),
	);
}

/**
 * An answer's body as data: JSON (parsed, or text holding JSON) or typed XML become objects and arrays;
 * an HTML page, empty text or other text stays as it is.
 */
export function decodeBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string' || looksLikeHtml(body)) return body;
	if (looksLikeXml(body)) return fromXml(body) ?? body;
	return parsedBody(body);
}

/** The record inside an answer: `{ group: {...} }` (XML, or JSON in the namespace) or the bare object. */
export function unwrapGroup(body: unknown): IDataObject | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const record = body as IDataObject;
	const inner = record.group;
	const wrapped = !('id' in record) && typeof inner === 'object' && inner !== null && !Array.isArray(inner);
	const group = wrapped ? (inner as IDataObject) : record;
	// Rails' XML uses dashes, its JSON underscores: report one spelling.
	return Object.fromEntries(Object.entries(group).map(([key, value]) => [key.replace(/-/g, '_'), value]));
}

/** The id at the end of a Location header (`.../v1/groups/24`). */
export function idFromLocation(headers: Record<string, unknown>): string | undefined {
	const location = headers.location ?? headers.Location;
	const value = Array.isArray(location) ? location[0] : location;
	if (typeof value !== 'string') return undefined;
	let path: string;
	try {
		path = new URL(value, 'http://relative.invalid').pathname;
	} catch {
		return undefined;
	}
	const last = path.split('/').filter(Boolean).pop();
	if (!last) return undefined;
	try {
		return idString(decodeURIComponent(last).replace(/\.(json|xml)$/i, ''));
	} catch {
		return undefined;
	}
}

/** A group record as every output carries it; undefined without an id. */
export function normalizeGroup(group: IDataObject | undefined, fallback: { id?: string; name: string }): NormalizedGroup | undefined {
	const id = idString(group?.id) ?? fallback.id;
	if (!id) return undefined;
	const name = typeof group?.name === 'string' ? group.name : fallback.name;
	return { id, name, group: group ?? { id, name } };
}

export function interpret(response: HttpResponse, params: AssemblaParams): Interpretation {
	const body = decodeBody(response.body);
	const { statusCode } = response;
	if (statusCode >= 200 && statusCode < 300) {
		const group = normalizeGroup(unwrapGroup(body), { id: idFromLocation(response.headers), name: params.name });
		return group ? { kind: 'created', group } : unexpectedSuccessBody(response, DISPLAY_NAME);
	}
	if (statusCode === 422 && isNameTaken(vendorErrors(body))) {
		return {
			kind: 'conflict',
			message: messageFrom(body) ?? `A group named "${params.name}" already exists in portfolio "${params.portfolio}"`,
		};
	}
	const failure = commonFailure({ ...response, body }, DISPLAY_NAME, {
		notFound: `portfolio "${params.portfolio}" not found or no access`,
	});
	if (statusCode === 404 && !failure.description) {
		failure.description = `Check that "${params.portfolio}" is the portfolio's subdomain and that the credential's user belongs to it.`;
	}
	return failure;
}
