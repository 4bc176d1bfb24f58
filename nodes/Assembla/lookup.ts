/**
 * Finds the group that holds a name: pages through `GET /v1/groups.json?portfolio=..&page=..&per_page=..`
 * until a short page or a 204 No Content (Assembla's empty page), matching names without regard to case.
 *
 * "Short" means shorter than an earlier page, not shorter than `per_page`: a server that serves fewer
 * than asked (a cap on `per_page`) would otherwise end the search after its first page. The price is
 * one more request when everything fits on the first page.
 */
import type { Connection, NormalizedGroup, SendRequest } from '../shared/types';
import { normalizeGroup } from './answers';
import { decodeBody, unwrapGroup } from './encodings';
import type { AssemblaParams } from './params';

export const PER_PAGE = 100;
/** An upper bound whatever the server does with `page` (a repeated page also ends the search). */
export const MAX_PAGES = 200;

function sameName(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export async function findExisting(
	{ name, portfolio }: AssemblaParams,
	{ baseUrl }: Connection,
	send: SendRequest,
): Promise<NormalizedGroup | null> {
	let pageSize = 0;
	let previousFirst: string | undefined;
	for (let page = 1; page <= MAX_PAGES; page++) {
		const response = await send({
			method: 'GET',
			url: `${baseUrl}/v1/groups.json`,
			qs: { portfolio, page, per_page: PER_PAGE },
			json: true,
		});
		if (response.statusCode !== 200) return null; // 204: past the last group
		const body = decodeBody(response.body);
		if (!Array.isArray(body)) return null;
		// A server that ignores `page` answers the first page again: nothing more to find.
		const first = JSON.stringify(body[0]);
		if (page > 1 && first === previousFirst) return null;
		previousFirst = first;
		for (const entry of body) {
			const group = unwrapGroup(entry);
			if (typeof group?.name === 'string' && sameName(group.name, name)) {
				const found = normalizeGroup(group, { name: group.name });
				if (found) return found;
			}
		}
		pageSize = Math.max(pageSize, body.length);
		if (body.length === 0 || body.length < pageSize) return null;
	}
	return null;
}
