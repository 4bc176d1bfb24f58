/** Invisible Collector's group API as the shared engine sees it (docs/vendors/invisible-collector.md). */
import type { IExecuteFunctions } from 'n8n-workflow';

import { commonFailure, idString, isObject, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import { pageAnswerFailure } from '../shared/paging';
import type { GroupApi, GroupParams, HttpResponse, Interpretation, NormalizedGroup } from '../shared/types';
import { requireBaseUrl, requireText } from '../shared/validate';

/** No limit is documented; this keeps a mistaken mapping (a whole document) from being sent as a name. */
export const MAX_NAME_LENGTH = 255;

const DISPLAY_NAME = 'Invisible Collector';

function normalize(body: unknown): NormalizedGroup | undefined {
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

export const invisibleCollectorApi: GroupApi<GroupParams> = {
	vendor: 'invisibleCollector',
	displayName: DISPLAY_NAME,
	// A repeated create is refused as a duplicate: 409 for a duplicate name.
	repeatedCreateRefused: true,

	credentialType: () => 'invisibleCollectorApi',

	// The token travels in a header: plain http only towards this machine (a test server).
	connection: (credentials) => ({ baseUrl: requireBaseUrl('Base URL', credentials.baseUrl, 'https-or-loopback') }),

	readParams: (ctx: IExecuteFunctions, itemIndex: number) => ({
		name: requireText('Name', ctx.getNodeParameter('name', itemIndex), MAX_NAME_LENGTH),
	}),

	// Names are compared exactly (the docs say "the same name"; no folding is documented).
	nameKey: ({ name }) => name,

	createRequest: ({ name }, { baseUrl }) => ({
		method: 'POST',
		url: `${baseUrl}/groups`,
		body: { name },
		json: true,
	}),

	interpret(response): Interpretation {
		const body = parsedBody(response.body);
		if (response.statusCode >= 200 && response.statusCode < 300) {
			const group = normalize(body);
			return group ? { kind: 'created', group } : unexpectedSuccessBody(response, DISPLAY_NAME);
		}
		if (isDuplicate(response)) {
			// The conflicting group's id comes as `gid` (the docs) or `id` (the C# SDK accepts both).
			const existingId = isObject(body) ? (idString(body.gid) ?? idString(body.id) ?? null) : null;
			return { kind: 'conflict', message: messageFrom(body) ?? 'A group with this name already exists', existingId };
		}
		return commonFailure(response, DISPLAY_NAME);
	},

	// One unpaged list (none is documented). Names are compared exactly, as `nameKey` does; the first wins.
	async findExisting({ name }, { baseUrl }, send) {
		const response = await send({ method: 'GET', url: `${baseUrl}/groups`, json: true });
		const body = parsedBody(response.body);
		if (response.statusCode !== 200 || !Array.isArray(body)) throw pageAnswerFailure(DISPLAY_NAME, response);
		for (const entry of body) {
			const group = normalize(entry);
			if (group && group.name === name) return group;
		}
		return null;
	},
};
