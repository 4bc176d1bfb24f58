/** Capillary's reward-group API as the shared engine sees it (docs/vendors/capillary.md). */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { commonFailure, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type {
	Connection,
	GroupApi,
	GroupParams,
	HttpResponse,
	Interpretation,
	NormalizedGroup,
	SendRequest,
} from '../shared/types';
import { guardedPages, LookupFailedError, pageAnswerFailure } from '../shared/paging';
import { requireText } from '../shared/validate';
import {
	hasDuplicateCode,
	normalizeGroup,
	readGroupPage,
	reportsFailure,
	saysDuplicate,
	saysNameMissing,
} from './answers';
import { basicDerivedSecrets } from './basicAuth';
import { capillaryBaseUrl } from './hosts';
import { API_PATHS, readApiPath, readCredentialType, readRank, type ApiPath } from './fields';

/** No limit is documented; this keeps a mistaken mapping (a whole document) from being sent as a name. */
export const MAX_NAME_LENGTH = 255;

const DISPLAY_NAME = 'Capillary';
/** Groups per list page in a lookup, and how many pages it reads at most (beyond, the lookup fails). */
const PAGE_SIZE = 100;
const MAX_PAGES = 50;

const UNAUTHORIZED_HINT =
	'Basic: the user name and the plain password (the node sends its md5 hash itself). OAuth: the client key and secret; a fresh token was already tried.';

export interface CapillaryParams extends GroupParams {
	rank?: number;
	apiPath: ApiPath;
}

function interpret(response: HttpResponse): Interpretation {
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

/** The list path of the chosen family first, then the other one (the docs disagree on which exists). */
function listPaths(apiPath: ApiPath): string[] {
	const other: ApiPath = apiPath === 'core' ? 'rewardsCore' : 'core';
	return [API_PATHS[apiPath], API_PATHS[other]];
}

/**
 * Pages through one list path (its `name` filter may match parts of names) and picks the group: the
 * exact name, else the first group in Capillary's list order whose name is equal under `foldName`,
 * the comparison `nameKey` orders items by. Undefined when the path answers 404 (the other one is tried).
 */
async function searchPath(
	path: string,
	name: string,
	baseUrl: string,
	send: SendRequest,
): Promise<NormalizedGroup | null | undefined> {
	let lookalike: NormalizedGroup | null = null;
	let noSuchPath = false;
	const pages = guardedPages<NormalizedGroup>({
		displayName: DISPLAY_NAME,
		pageSize: PAGE_SIZE,
		maxPages: MAX_PAGES,
		async read(page) {
			const request: IHttpRequestOptions = { method: 'GET', url: `${baseUrl}${path}`, qs: { name, page, size: PAGE_SIZE }, json: true };
			const response = await send(request);
			if (response.statusCode === 404 && page === 0) {
				noSuchPath = true;
				return { entries: [], last: true };
			}
			const groupPage = response.statusCode === 200 ? readGroupPage(parsedBody(response.body)) : undefined;
			if (!groupPage) throw pageAnswerFailure(DISPLAY_NAME, response);
			const entries = groupPage.groups.map(normalizeGroup).filter((group) => group !== undefined);
			return { entries, last: groupPage.last };
		},
		identity: (group) => group.id,
	});
	for await (const groups of pages) {
		const exact = groups.find((group) => group.name === name);
		if (exact) return exact;
		lookalike ??= groups.find((group) => foldName(group.name) === foldName(name)) ?? null;
	}
	return noSuchPath ? undefined : lookalike;
}

/** How Capillary's group names are compared: without regard to case (docs/vendors/capillary.md). */
export function foldName(name: string): string {
	return name.trim().toLowerCase();
}

export const capillaryApi: GroupApi<CapillaryParams> = {
	vendor: 'capillary',
	displayName: DISPLAY_NAME,
	// A repeated create is refused as a duplicate: error 12012 "Group name must be unique".
	repeatedCreateRefused: true,

	credentialType: readCredentialType,

	// The key/secret credential's token (pre-authentication) is fetched again on a 401.
	tokenCredentialTypes: ['capillaryOAuthApi'],

	connection: (credentials): Connection => ({ baseUrl: capillaryBaseUrl(credentials) }),

	readParams: (ctx: IExecuteFunctions, itemIndex: number) => ({
		name: requireText('Name', ctx.getNodeParameter('name', itemIndex), MAX_NAME_LENGTH),
		rank: readRank(ctx, itemIndex),
		apiPath: readApiPath(ctx, itemIndex),
	}),

	nameKey: ({ name }) => foldName(name),

	createRequest: ({ name, rank, apiPath }, { baseUrl }) => ({
		method: 'POST',
		url: `${baseUrl}${API_PATHS[apiPath]}/create`,
		body: rank === undefined ? { name } : { name, rank },
		json: true,
	}),

	interpret,

	derivedSecrets: basicDerivedSecrets,

	async findExisting({ name, apiPath }, { baseUrl }, send) {
		for (const path of listPaths(apiPath)) {
			const found = await searchPath(path, name, baseUrl, send);
			if (found !== undefined) return found;
		}
		throw new LookupFailedError(DISPLAY_NAME, 'HTTP 404 on both group list paths');
	},
};
