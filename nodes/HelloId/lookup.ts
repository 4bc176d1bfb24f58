/**
 * Finding the group that already holds a name: HelloID has no documented name filter, so the list
 * `GET /groups?take=&skip=` is paged until the name turns up or the list ends.
 */
import { isObject, parsedBody } from '../shared/outcome';
import type { Connection, NormalizedGroup, SendRequest } from '../shared/types';
import type { HelloIdParams } from './fields';
import { field, nameKey, normalizeGroup } from './group';

/** Tools4ever's connectors page with 1000. */
export const LOOKUP_PAGE_SIZE = 1000;
/** Stops a server that ignores `skip` from being paged forever (a million groups is far beyond any tenant). */
const MAX_PAGES = 1000;

/** A page is a bare array; Tools4ever's connectors also accept it wrapped in `data`. */
function pageEntries(body: unknown): unknown[] | undefined {
	const parsed = parsedBody(body);
	if (Array.isArray(parsed)) return parsed;
	const data = isObject(parsed) ? field(parsed, 'data') : undefined;
	return Array.isArray(data) ? data : undefined;
}

/** The exact name if it exists, otherwise the first group whose name differs only in case. */
export async function findExistingGroup(
	{ name }: HelloIdParams,
	{ baseUrl }: Connection,
	send: SendRequest,
): Promise<NormalizedGroup | null> {
	const key = nameKey(name);
	let sameButCase: NormalizedGroup | null = null;
	let previousFirstId: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const response = await send({
			method: 'GET',
			url: `${baseUrl}/groups`,
			qs: { take: LOOKUP_PAGE_SIZE, skip: page * LOOKUP_PAGE_SIZE },
			json: true,
		});
		const entries = response.statusCode === 200 ? pageEntries(response.body) : undefined;
		if (!entries) break;
		const groups = entries.map(normalizeGroup).filter((group) => group !== undefined);
		const exact = groups.find((group) => group.name.trim() === name);
		if (exact) return exact;
		sameButCase ??= groups.find((group) => nameKey(group.name) === key) ?? null;
		// A short page is the last; a page that starts like the one before means `skip` is ignored.
		if (entries.length < LOOKUP_PAGE_SIZE || groups[0]?.id === previousFirstId) break;
		previousFirstId = groups[0]?.id;
	}
	return sameButCase;
}
