/**
 * Taleo Learn's list pages: `?limit=&offset=` answered by `{count, hasMore, items[], limit, links[]}`.
 * The offset moves by the items actually returned, so a server that caps `limit` lower still pages right.
 */
import type { IDataObject } from 'n8n-workflow';

import { isObject, parsedBody } from '../shared/outcome';
import type { HttpResponse, SendRequest } from '../shared/types';

/** The docs ask for a `limit` below the server's own maximum (their example answers with 100). */
export const PAGE_SIZE = 50;

/** A page that was not a list: the caller decides whether that is an error or "not found". */
export class ListPageError extends Error {
	constructor(readonly response: HttpResponse) {
		super(`list request answered HTTP ${response.statusCode}`);
		this.name = 'ListPageError';
	}
}

function itemsOf(body: unknown): unknown[] | undefined {
	// The documented envelope; a bare array is taken too, since no live tenant was checked.
	const items = Array.isArray(body) ? body : isObject(body) ? body.items : undefined;
	return Array.isArray(items) ? items : undefined;
}

/**
 * Yields the entries of `url`, page by page, until the vendor says there are no more (or `maxPages`).
 * Throws `ListPageError` for an answer that is not a 200 list.
 */
export async function* listEntries(send: SendRequest, url: string, maxPages: number): AsyncGenerator<IDataObject> {
	let offset = 0;
	for (let page = 0; page < maxPages; page++) {
		const response = await send({ method: 'GET', url, qs: { limit: PAGE_SIZE, offset }, json: true });
		const body = parsedBody(response.body);
		const items = response.statusCode === 200 ? itemsOf(body) : undefined;
		if (!items) throw new ListPageError(response);
		yield* items.filter(isObject);
		const hasMore = isObject(body) && typeof body.hasMore === 'boolean' ? body.hasMore : items.length >= PAGE_SIZE;
		if (!hasMore || items.length === 0) return;
		offset += items.length;
	}
}
