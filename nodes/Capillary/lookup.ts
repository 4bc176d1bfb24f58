/**
 * Lists groups (Group → Get Many, Group → Get) and finds the group that holds a name (the conflict
 * lookup), both through one reader: it pages through the list beside the chosen create path (its
 * `name` filter may match parts of names), then the other family's list when the first answers 404
 * (the docs disagree on which exists), matching names under `NAME_POLICY`.
 */
import { API_PATHS, type ApiPath } from '../../credentials/common/capillary/paths';
import { pickByName } from '../shared/names';
import { parsedBody } from '../shared/outcome';
import { guardedPages, LookupFailedError, pageAnswerFailure } from '../shared/paging';
import type { Connection, ListQuery, NormalizedGroup, SendRequest } from '../shared/types';
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

/** The list filters: the path family (the other is tried on a 404) and, for Get and the lookup, the name. */
export interface CapillaryListQuery extends ListQuery {
	apiPath: ApiPath;
}

/**
 * The groups, page by page in Capillary's order, of the list beside the chosen path family, or of the
 * other family's when the first answers its first page with 404. With a name, the list's `name` filter
 * is sent (it matches parts of names, so the caller still compares names).
 */
export async function* listGroups({ apiPath, name }: CapillaryListQuery, { baseUrl }: Connection, send: SendRequest): AsyncGenerator<NormalizedGroup[]> {
	for (const path of listPaths(apiPath)) {
		let noSuchPath = false;
		const pages = guardedPages<NormalizedGroup>({
			displayName: DISPLAY_NAME,
			pageSize: PAGE_SIZE,
			maxPages: MAX_PAGES,
			async read(page) {
				const qs = name === undefined ? { page, size: PAGE_SIZE } : { name, page, size: PAGE_SIZE };
				const response = await send({ method: 'GET', url: `${baseUrl}${path}`, qs, json: true });
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
			if (noSuchPath) break;
			yield groups;
		}
		if (!noSuchPath) return;
	}
	throw new LookupFailedError(DISPLAY_NAME, 'HTTP 404 on both group list paths', 404);
}

export async function findExisting({ name, apiPath }: CapillaryParams, connection: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	return await pickByName(listGroups({ apiPath, name }, connection, send), name, NAME_POLICY);
}
