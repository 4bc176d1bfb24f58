/**
 * Reading a SCIM service's groups: `GET {base}/Groups` with an optional filter (RFC 7644 §3.4.2.2)
 * and 1-based `startIndex`/`count` paging (§3.4.2.4), read through the shared paging guard.
 */
import { pickByName } from '../shared/names';
import { isObject, parsedBody } from '../shared/outcome';
import { guardedPages, LookupFailedError, pageAnswerFailure, type Page } from '../shared/paging';
import type { Connection, ListQuery, NormalizedGroup, SendRequest } from '../shared/types';
import { normalizeGroup } from './answers';
import { DISPLAY_NAME } from './connection';
import { equalsFilter } from './filter';
import { NAME_POLICY, type ScimParams } from './params';
import { ACCEPT } from './request';

/** Groups asked for per page; a service may answer fewer (§3.4.2.4), never more. */
export const PAGE_SIZE = 100;
/** 100,000 groups at most: a lookup that goes on beyond fails instead of answering "not found". */
export const MAX_PAGES = 1_000;

/**
 * Names holding `"` or `\` need the filter's escapes, which some implementations do not honour:
 * scimmy 1.3.5 answers `\"` with 400 invalidFilter and matches `\\` as two backslashes. For such
 * a name a refused or empty filtered answer is not "no such group": the whole list is read instead.
 */
const NEEDS_ESCAPE = /["\\]/;

/** The service refused the filter (400, RFC 7644 §3.12 `invalidFilter`). */
export class FilterRefusedError extends LookupFailedError {
	constructor() {
		super(DISPLAY_NAME, 'the service refused the filter (HTTP 400)');
	}
}

/** Which groups to list: all, or those whose `displayName` or `externalId` equals a value. */
export interface GroupQuery {
	displayName?: string;
	externalId?: string;
	/** Stop quietly after `maxPages` (a dropdown), instead of failing. */
	truncate?: boolean;
	maxPages?: number;
	pageSize?: number;
}

function filterOf({ displayName, externalId }: GroupQuery): string | undefined {
	if (externalId !== undefined) return equalsFilter('externalId', externalId);
	if (displayName !== undefined) return equalsFilter('displayName', displayName);
	return undefined;
}

/**
 * Reads one ListResponse (RFC 7644 §3.4.2). `Resources` may be left out when nothing matched; the
 * list ends once `totalResults` entries were read or a page comes back empty.
 */
async function readPage(
	{ baseUrl }: Connection,
	send: SendRequest,
	filter: string | undefined,
	pageSize: number,
	seen: number,
): Promise<Page<NormalizedGroup>> {
	// startIndex follows what was read, not page numbers: a service that caps `count` skips nothing.
	const qs: Record<string, string | number> = { startIndex: seen + 1, count: pageSize };
	if (filter !== undefined) qs.filter = filter;
	const response = await send({ method: 'GET', url: `${baseUrl}/Groups`, qs, headers: { Accept: ACCEPT }, json: true });
	const body = parsedBody(response.body);
	if (filter !== undefined && response.statusCode === 400) throw new FilterRefusedError();
	if (response.statusCode !== 200 || !isObject(body)) throw pageAnswerFailure(DISPLAY_NAME, response);
	const total = Number(body.totalResults);
	const resources = body.Resources ?? [];
	if (!Number.isInteger(total) || total < 0 || !Array.isArray(resources)) throw pageAnswerFailure(DISPLAY_NAME, response);
	const entries = resources.map(normalizeGroup).filter((group) => group !== undefined);
	return { entries, last: resources.length === 0 || seen + resources.length >= total };
}

/** The pages of the service's group list (or of the groups the query names), first to last. */
export function listGroups(query: GroupQuery, connection: Connection, send: SendRequest): AsyncGenerator<NormalizedGroup[]> {
	const pageSize = query.pageSize ?? PAGE_SIZE;
	const filter = filterOf(query);
	return guardedPages<NormalizedGroup>({
		displayName: DISPLAY_NAME,
		pageSize,
		maxPages: query.maxPages ?? MAX_PAGES,
		truncate: query.truncate,
		read: async (_index, seen) => await readPage(connection, send, filter, pageSize, seen),
		identity: (group) => group.id,
	});
}

const REFUSED: unique symbol = Symbol('refused');

/** The lookup's answer, or REFUSED when the service refused its filter; other failures pass through. */
async function unlessRefused<T>(lookup: Promise<T>): Promise<T | typeof REFUSED> {
	return await lookup.catch(async (error: unknown): Promise<typeof REFUSED> =>
		error instanceof FilterRefusedError ? REFUSED : await Promise.reject(error as Error),
	);
}

/**
 * The group whose externalId is exactly `externalId` (RFC 7643 §3.1: caseExact), first listed. For an
 * id the filter may not find (NEEDS_ESCAPE), a refused filter leaves the answer to the name lookup.
 */
async function byExternalId(externalId: string, connection: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	const pages = listGroups({ externalId }, connection, send);
	for await (const groups of NEEDS_ESCAPE.test(externalId) ? untilRefused(pages) : pages) {
		const found = groups.find((group) => group.group.externalId === externalId);
		if (found) return found;
	}
	return null;
}

/**
 * Group → Get Many (no name: every group), Group → Get and the name lookup (the groups the name
 * filter finds). For a name the filter may not find (NEEDS_ESCAPE), a refused filter is not the end:
 * the whole list follows the filtered pages, and the caller's name comparison picks from both.
 */
export async function* groupPages(query: ListQuery, connection: Connection, send: SendRequest): AsyncGenerator<NormalizedGroup[]> {
	const { name } = query;
	if (name === undefined) return yield* listGroups({}, connection, send);
	if (!NEEDS_ESCAPE.test(name)) return yield* listGroups({ displayName: name }, connection, send);
	yield* untilRefused(listGroups({ displayName: name }, connection, send));
	yield* listGroups({}, connection, send);
}

/** The pages until the service refuses the filter (then no more); other failures pass through. */
async function* untilRefused(pages: AsyncGenerator<NormalizedGroup[]>): AsyncGenerator<NormalizedGroup[]> {
	for (;;) {
		const next = await unlessRefused(pages.next());
		if (next === REFUSED || next.done === true) return;
		yield next.value;
	}
}

/** The group named `name`, compared the way the schema says (`caseExact: false`), exact spelling first. */
async function byName(name: string, connection: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	return await pickByName(groupPages({ name }, connection, send), name, NAME_POLICY);
}

/**
 * The group that holds the item's external id (the client's own key for it, when set) or else its
 * name. The names of the answer are compared again here, so a service that ignores the filter and
 * lists everything still gives the right group, only more slowly.
 */
export async function findExisting(params: ScimParams, connection: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	if (params.externalId !== undefined) {
		const found = await byExternalId(params.externalId, connection, send);
		if (found) return found;
	}
	return await byName(params.name, connection, send);
}
