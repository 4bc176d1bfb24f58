/**
 * Taleo Learn's list pages: `?limit=&offset=` answered by `{count, hasMore, items[], limit, links[]}`.
 * The offset moves by the items actually returned, so a server that caps `limit` lower still pages right.
 * The guard against a vendor that ignores the paging parameters is the shared one (`shared/paging.ts`).
 */
import type { IDataObject } from 'n8n-workflow';

import { isObject, parsedBody } from '../shared/outcome';
import { LookupFailedError, pageAnswerReason, type PagingPlan } from '../shared/paging';
import type { HttpResponse, SendRequest } from '../shared/types';
import { DISPLAY_NAME } from './connection';

/** The docs ask for a `limit` below the server's own maximum (their example answers with 100). */
export const PAGE_SIZE = 50;

/** A page that was not a list: a failed lookup, with the answer kept for callers that describe it their way. */
export class ListPageError extends LookupFailedError {
	constructor(readonly response: HttpResponse) {
		super(DISPLAY_NAME, pageAnswerReason(response), response.statusCode);
		this.name = 'ListPageError';
	}
}

function itemsOf(body: unknown): unknown[] | undefined {
	// The documented envelope; a bare array is taken too, since no live tenant was checked.
	const items = Array.isArray(body) ? body : isObject(body) ? body.items : undefined;
	return Array.isArray(items) ? items : undefined;
}

/**
 * The paging plan of the list at `url` (for `guardedPages`, which reads it page by page until the
 * vendor says there are no more). Its reader throws `ListPageError` for an answer that is not a 200
 * list; the shared guard fails a vendor that ignores `limit`/`offset` or a list longer than
 * `maxPages` (unless `truncate`: then it stops there).
 */
export function listPlan(send: SendRequest, url: string, maxPages: number, { truncate = false } = {}): PagingPlan<IDataObject> {
	return {
		displayName: DISPLAY_NAME,
		pageSize: PAGE_SIZE,
		maxPages,
		truncate,
		async read(_index, offset) {
			const response = await send({ method: 'GET', url, qs: { limit: PAGE_SIZE, offset }, json: true });
			const body = parsedBody(response.body);
			const items = response.statusCode === 200 ? itemsOf(body) : undefined;
			if (!items) throw new ListPageError(response);
			const hasMore = isObject(body) && typeof body.hasMore === 'boolean' ? body.hasMore : items.length >= PAGE_SIZE;
			return { entries: items.filter(isObject), last: !hasMore };
		},
		identity: (entry) => JSON.stringify(entry.id ?? entry),
	};
}
