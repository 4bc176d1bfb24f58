/**
 * Finds the group that holds a name: pages through the list beside the chosen create path (its
 * `name` filter may match parts of names), then the other family's list when the first answers 404
 * (the docs disagree on which exists), matching names under `NAME_POLICY`.
 */
import { API_PATHS, type ApiPath } from '../../credentials/common/capillary/paths';
import { pickByName } from '../shared/names';
import { parsedBody } from '../shared/outcome';
import { guardedPages, LookupFailedError, pageAnswerFailure } from '../shared/paging';
import type { Connection, NormalizedGroup, SendRequest } from '../shared/types';
import { normalizeGroup, readGroupPage } from './answers';
import { DISPLAY_NAME } from './connection';
import { NAME_POLICY, type CapillaryParams } from './params';

/** Groups per list page in a lookup, and how many pages it reads at most (beyond, the lookup fails). */
const PAGE_SIZE = 100;
const MAX_PAGES = 50;

/** The list path of the chosen family first, then the other one. */
function listPaths(apiPath: ApiPath): string[] {
	const other: ApiPath = apiPath === 'core' ? 'rewardsCore' : 'core';
	return [API_PATHS[apiPath], API_PATHS[other]];
}

/** The group on one list path; undefined when the path answers 404 (the other one is tried). */
async function searchPath(path: string, name: string, baseUrl: string, send: SendRequest): Promise<NormalizedGroup | null | undefined> {
	let noSuchPath = false;
	const pages = guardedPages<NormalizedGroup>({
		displayName: DISPLAY_NAME,
		pageSize: PAGE_SIZE,
		maxPages: MAX_PAGES,
		async read(page) {
			const response = await send({ method: 'GET', url: `${baseUrl}${path}`, qs: { name, page, size: PAGE_SIZE }, json: true });
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
	const found = await pickByName(pages, name, NAME_POLICY);
	return noSuchPath ? undefined : found;
}

export async function findExisting({ name, apiPath }: CapillaryParams, { baseUrl }: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	for (const path of listPaths(apiPath)) {
		const found = await searchPath(path, name, baseUrl, send);
		if (found !== undefined) return found;
	}
	throw new LookupFailedError(DISPLAY_NAME, 'HTTP 404 on both group list paths');
}
