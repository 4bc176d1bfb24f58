/**
 * Lists a portfolio's groups (Group → Get Many, Group → Get) and finds the group that holds a name
 * (the conflict lookup): both page through `GET /v1/groups.json?portfolio=..&page=..&per_page=..`
 * until a short page or a 204 No Content (Assembla's empty page; `[]` is taken too), matching names
 * under `NAME_POLICY` (docs/vendors/assembla.md).
 *
 * "Short" means shorter than an earlier page, not shorter than `per_page`: a server that serves fewer
 * than asked (a cap on `per_page`) would otherwise end the search after its first page. The price is
 * one more request when everything fits on the first page. A vendor that ignores `page`/`per_page`
 * fails the lookup (shared guard), as does any answer that is not a page.
 */
import type { IDataObject } from 'n8n-workflow';

import { pickByName } from '../shared/names';
import { guardedPages, mapPages, pageAnswerFailure } from '../shared/paging';
import type { Connection, ListQuery, NormalizedGroup, SendRequest } from '../shared/types';
import { decodeBody, normalizeGroup, unwrapGroup } from './answers';
import { DISPLAY_NAME } from './connection';
import { NAME_POLICY, type AssemblaParams } from './params';

export const PER_PAGE = 100;
/** 20,000 groups in one portfolio; a longer list fails the lookup rather than answering "not found". */
export const MAX_PAGES = 200;

function listedGroup(entry: IDataObject): NormalizedGroup | undefined {
	return typeof entry.name === 'string' ? normalizeGroup(entry, { name: entry.name }) : undefined;
}

/** The list filter: the portfolio (Assembla's list has no name filter). */
export interface AssemblaListQuery extends ListQuery {
	portfolio: string;
}

/** The portfolio's groups, page by page in Assembla's order. */
export function listGroups({ portfolio }: AssemblaListQuery, { baseUrl }: Connection, send: SendRequest): AsyncGenerator<NormalizedGroup[]> {
	let pageSize = 0;
	const pages = guardedPages<IDataObject>({
		displayName: DISPLAY_NAME,
		pageSize: PER_PAGE,
		maxPages: MAX_PAGES,
		async read(index) {
			const response = await send({
				method: 'GET',
				url: `${baseUrl}/v1/groups.json`,
				qs: { portfolio, page: index + 1, per_page: PER_PAGE },
				json: true,
			});
			if (response.statusCode === 204) return { entries: [], last: true }; // past the last group
			const body = decodeBody(response.body);
			if (response.statusCode !== 200 || !Array.isArray(body)) throw pageAnswerFailure(DISPLAY_NAME, response);
			const entries = body.map((entry) => unwrapGroup(entry) ?? {});
			pageSize = Math.max(pageSize, entries.length);
			return { entries, last: entries.length < pageSize };
		},
		identity: (group) => JSON.stringify(group.id ?? group),
	});
	return mapPages(pages, listedGroup);
}

export async function findExisting(params: AssemblaParams, connection: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	return await pickByName(listGroups({ portfolio: params.portfolio, name: params.name }, connection, send), params.name, NAME_POLICY);
}
