/**
 * Reading vendor answers: the messages in the error shapes vendors use, and the failures every
 * vendor answers alike (401, 403, 404, 5xx, HTML pages). Each vendor's `interpret` starts from its own
 * success and conflict rules and hands the rest to `commonFailure`.
 */
import type { IDataObject } from 'n8n-workflow';

import type { HttpResponse, Interpretation } from './types';

type Failed = Extract<Interpretation, { kind: 'error' }>;

const MAX_MESSAGE_LENGTH = 500;

export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON body that came back as text (wrong content type) is parsed; anything else is returned as is. */
export function parsedBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (!text.startsWith('{') && !text.startsWith('[')) return body;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return body;
	}
}

export function looksLikeHtml(body: unknown): boolean {
	return typeof body === 'string' && /^\s*(<!doctype html|<html|<head|<body)/i.test(body);
}

function clip(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH)}…` : flat;
}

function textsOf(value: unknown, depth = 0): string[] {
	if (depth > 4 || value === null || value === undefined) return [];
	if (typeof value === 'string') return value.trim() ? [value] : [];
	if (typeof value === 'number' || typeof value === 'boolean') return [];
	if (Array.isArray(value)) return value.flatMap((entry) => textsOf(entry, depth + 1));
	if (!isObject(value)) return [];
	for (const key of ['message', 'resultMsg', 'detail', 'title', 'error_description', 'msg']) {
		if (typeof value[key] === 'string' && (value[key] as string).trim()) return [value[key] as string];
	}
	for (const key of ['error', 'errors', 'status']) {
		const found = textsOf(value[key], depth + 1);
		if (found.length) return found;
	}
	// A Rails-style errors hash: { name: ["has already been taken"] } reads as "name has already been taken".
	return Object.entries(value).flatMap(([field, messages]) =>
		Array.isArray(messages) ? messages.filter((m) => typeof m === 'string').map((m) => `${field} ${m as string}`) : [],
	);
}

/** The vendor's own words in an error body, whatever shape it has, or undefined. */
export function messageFrom(body: unknown): string | undefined {
	if (looksLikeHtml(body)) return undefined;
	const parsed = parsedBody(body);
	const texts = (typeof parsed === 'string' ? [parsed] : textsOf(parsed)).filter((text) => text.trim());
	return texts.length ? clip(texts.join('; ')) : undefined;
}

const STATUS_MEANINGS: Record<number, string> = {
	400: 'rejected the request as invalid',
	401: 'rejected the credential',
	403: 'refused access with this credential',
	404: 'has no such resource',
	405: 'does not allow this method here',
	408: 'timed out waiting for the request',
	409: 'reported a conflict',
	413: 'found the request too large',
	415: 'does not accept this content type',
	422: 'rejected the data',
	429: 'is rate-limiting this credential',
	500: 'had an internal error',
	502: 'is unreachable behind its gateway',
	503: 'is unavailable',
	504: 'timed out behind its gateway',
};

/** The shared reading of an answer that is neither the vendor's success nor its conflict. */
export function commonFailure(
	response: HttpResponse,
	displayName: string,
	{ unauthorizedHint, notFound }: { unauthorizedHint?: string; notFound?: string } = {},
): Failed {
	const { statusCode, body } = response;
	const meaning = STATUS_MEANINGS[statusCode] ?? (statusCode >= 500 ? 'had a server error' : 'answered with an error');
	const vendorWords = messageFrom(body);
	let message = `${displayName} ${meaning} (HTTP ${statusCode})`;
	if (statusCode === 401) message += `: check the credential${unauthorizedHint ? `. ${unauthorizedHint}` : ''}`;
	else if (statusCode === 404 && notFound) message = `${displayName}: ${notFound} (HTTP 404)`;
	else if (vendorWords) message += `: ${vendorWords}`;
	const description = looksLikeHtml(body)
		? `${displayName} answered with an HTML page instead of JSON; a proxy or maintenance page may be in the way.`
		: vendorWords
			? `${displayName} said: ${vendorWords}`
			: undefined;
	return { kind: 'error', message, description };
}

/** A success status whose body is not what the vendor documents: the group may exist, but we cannot say which. */
export function unexpectedSuccessBody(response: HttpResponse, displayName: string): Failed {
	const shape = looksLikeHtml(response.body)
		? 'an HTML page'
		: typeof response.body === 'string'
			? response.body.trim()
				? 'text that is not valid JSON'
				: 'an empty body'
			: 'JSON without the group id';
	return {
		kind: 'error',
		message: `${displayName} answered HTTP ${response.statusCode} with ${shape}, not the created group`,
		description:
			'The group may have been created. Check in the vendor before running this item again; with the lookup option on, a new run reports it as a conflict with its id.',
	};
}

/** Ids are strings in every output, whatever the vendor sends. */
export function idString(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim()) return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}
