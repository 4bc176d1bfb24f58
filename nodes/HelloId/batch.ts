/**
 * HelloID's batch endpoint: `POST /groups/batch` with a JSON array, answered 200 with
 * `{ succeededGroups: [group...], failedGroups: ["Group X was not created, <reason>", ...] }`
 * even when some groups fail. Each part of the answer is routed back to its input item by name,
 * never by position (the order of the answer is not documented).
 */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { commonFailure, isObject, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type { BatchSupport, Connection, HttpResponse, Interpretation } from '../shared/types';
import { oneOf, optionalInteger } from '../shared/validate';
import { field, normalizeGroup, saysNameTaken, UNAUTHORIZED_HINT } from './answers';
import { DISPLAY_NAME } from './connection';
import { foldName, type HelloIdParams } from './params';
import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE } from './properties';
import { groupBody } from './request';


/** Items per request for this run, or null in Single mode. Read once: options apply to the whole run. */
export function batchSize(ctx: IExecuteFunctions): number | null {
	const options = ctx.getNodeParameter('options', 0, {}) as Record<string, unknown>;
	if (oneOf('Mode', options.mode ?? 'batch', ['batch', 'single'] as const) === 'single') return null;
	return optionalInteger('Batch Size', options.batchSize, { min: 1, max: MAX_BATCH_SIZE }) ?? DEFAULT_BATCH_SIZE;
}

export function createBatchRequest(params: HelloIdParams[], { baseUrl }: Connection): IHttpRequestOptions {
	return { method: 'POST', url: `${baseUrl}/groups/batch`, body: params.map(groupBody), json: true };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The documented wording: "Group <name> was not created, <reason>"; the reason is what follows. */
function documentedForm(name: string): RegExp {
	return new RegExp(`^\\s*group\\s+${escapeRegExp(name.trim())}\\s+was\\s+not\\s+created[\\s,.:;-]*([\\s\\S]*)$`, 'iu');
}

/** Any other wording that still holds the name as a whole word (a fallback, should HelloID reword). */
function mentions(name: string): RegExp {
	return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name.trim())}($|[^\\p{L}\\p{N}])`, 'iu');
}

interface Owner {
	position: number;
	reason: string;
}

/** The unanswered item a failure text is about; the longest name wins where one name contains another. */
function ownerOf(text: string, params: HelloIdParams[], open: Set<number>): Owner | undefined {
	const candidates = [...open].sort((a, b) => params[b].name.length - params[a].name.length);
	for (const position of candidates) {
		const match = documentedForm(params[position].name).exec(text);
		if (match) return { position, reason: match[1].trim() || text.trim() };
	}
	const position = candidates.find((candidate) => mentions(params[candidate].name).test(text));
	return position === undefined ? undefined : { position, reason: text.trim() };
}

function failureText(entry: unknown): string {
	if (typeof entry === 'string') return entry;
	return messageFrom(entry) ?? JSON.stringify(entry);
}

function failureInterpretation(owner: Owner, text: string): Interpretation {
	if (saysNameTaken(owner.reason)) return { kind: 'conflict', message: owner.reason, existingId: null };
	return {
		kind: 'error',
		message: `${DISPLAY_NAME} did not create the group: ${owner.reason}`,
		description: `${DISPLAY_NAME} said: ${text.trim()}`,
	};
}

function notMentioned(unmatched: string[]): Interpretation {
	const leftovers = unmatched.length
		? ` Parts of the answer that matched no item: ${unmatched.map((text) => JSON.stringify(text)).join('; ')}.`
		: '';
	return {
		kind: 'error',
		message: `${DISPLAY_NAME}'s batch answer did not mention this group`,
		description: `The group may or may not have been created; check in ${DISPLAY_NAME} before sending it again.${leftovers}`,
	};
}

/** One interpretation per item of the batch, in the order of `params`. */
export function readBatchResults(response: HttpResponse, params: HelloIdParams[]): Interpretation[] {
	const body = parsedBody(response.body);
	const succeeded = isObject(body) ? field(body, 'succeededGroups') : undefined;
	const failed = isObject(body) ? field(body, 'failedGroups') : undefined;
	if (!Array.isArray(succeeded) && !Array.isArray(failed)) {
		return params.map(() => unexpectedSuccessBody(response, DISPLAY_NAME));
	}

	const results: Array<Interpretation | undefined> = params.map(() => undefined);
	const open = new Set(params.keys());
	const positionOfKey = new Map(params.map((param, position) => [foldName(param.name), position]));
	const unmatched: string[] = [];
	const settle = (position: number, interpretation: Interpretation) => {
		results[position] = interpretation;
		open.delete(position);
	};

	for (const entry of Array.isArray(succeeded) ? (succeeded as unknown[]) : []) {
		const name = isObject(entry) ? field(entry, 'name') : undefined;
		const position = typeof name === 'string' ? positionOfKey.get(foldName(name)) : undefined;
		if (position === undefined || !open.has(position)) {
			unmatched.push(typeof name === 'string' ? `created ${name}` : JSON.stringify(entry));
			continue;
		}
		const group = normalizeGroup(entry);
		settle(
			position,
			group
				? { kind: 'created', group }
				: {
						kind: 'error',
						message: `${DISPLAY_NAME} reported the group as created, but without its groupGuid`,
						description: 'The group was probably created. Run again with the lookup option on to get its GUID as a conflict.',
					},
		);
	}
	for (const entry of Array.isArray(failed) ? (failed as unknown[]) : []) {
		const text = failureText(entry);
		const owner = ownerOf(text, params, open);
		if (owner) settle(owner.position, failureInterpretation(owner, text));
		else unmatched.push(text);
	}
	return results.map((result) => result ?? notMentioned(unmatched));
}

export const helloIdBatch: BatchSupport<HelloIdParams> = {
	batchSize,
	createRequest: createBatchRequest,
	readResults: readBatchResults,
	// A batch refused as a whole is never a conflict, whatever its words: no item's answer is in it.
	readFailure: (response) => commonFailure(response, DISPLAY_NAME, { unauthorizedHint: UNAUTHORIZED_HINT }),
};
