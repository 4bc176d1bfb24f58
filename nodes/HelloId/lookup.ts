/**
 * Listing groups (Group → Get Many, Group → Get) and finding the group that already holds a name
 * (the conflict lookup), through one reader: HelloID has no documented name filter, so the list
 * `GET /groups?take=&skip=` is paged until the name turns up or the list ends, matching names under
 * `NAME_POLICY`. A vendor that ignores `take`/`skip` fails the lookup (shared guard), as does any
 * answer that is not a page.
 */
import type { IDataObject } from 'n8n-workflow';

import { pickByName } from '../shared/names';
import { isObject, parsedBody } from '../shared/outcome';
import { guardedPages, mapPages, pageAnswerFailure } from '../shared/paging';
import type { Connection, ListQuery, NormalizedGroup, SendRequest } from '../shared/types';
import { field, normalizeGroup } from './answers';
import { DISPLAY_NAME } from './connection';
import { NAME_POLICY, type HelloIdParams } from './params';

/** Tools4ever's connectors page with 1000. */
export const LOOKUP_PAGE_SIZE = 1000;
/** A million groups is far beyond any tenant; a longer list fails the lookup rather than answering "not found". */
const MAX_PAGES = 1000;

/** A page is a bare array; Tools4ever's connectors also accept it wrapped in `data`. */
function pageEntries(body: unknown): unknown[] | undefined {
	const parsed = parsedBody(body);
	if (Array.isArray(parsed)) return parsed;
	const data = isObject(parsed) ? field(parsed, 'data') : undefined;
	return Array.isArray(data) ? data : undefined;
}

/** Every group, page by page in HelloID's order (the list has no filters). */
export function listGroups(_query: ListQuery, { baseUrl }: Connection, send: SendRequest): AsyncGenerator<NormalizedGroup[]> {
	const pages = guardedPages<IDataObject>({
		displayName: DISPLAY_NAME,
		pageSize: LOOKUP_PAGE_SIZE,
		maxPages: MAX_PAGES,
		async read(_index, skip) {
			const response = await send({ method: 'GET', url: `${baseUrl}/groups`, qs: { take: LOOKUP_PAGE_SIZE, skip }, json: true });
			const entries = response.statusCode === 200 ? pageEntries(response.body) : undefined;
			if (!entries) throw pageAnswerFailure(DISPLAY_NAME, response);
			// A page shorter than `take` is the last (1000 a page is what Tools4ever's connectors use and get).
			return { entries: entries.filter(isObject), last: entries.length < LOOKUP_PAGE_SIZE };
		},
		identity: (entry) => normalizeGroup(entry)?.id ?? JSON.stringify(entry),
	});
	return mapPages(pages, normalizeGroup);
}

export async function findExisting({ name }: HelloIdParams, connection: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	return await pickByName(listGroups({ name }, connection, send), name, NAME_POLICY);
}
