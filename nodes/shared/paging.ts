/**
 * Paging through a vendor's list, for a lookup: one guard for every vendor that pages.
 *
 * A lookup may only say "no such group" when it read the whole list. So every way the list can go
 * wrong throws (with a plain message naming the vendor, never a secret) instead of ending quietly:
 * an answer that is not a readable page, a page with more entries than were asked for, a page that
 * starts with the same entry as the one before (the vendor ignores the paging parameters and would
 * be read forever, or answer "not found" after its first page), and a list longer than the page limit.
 */
import type { HttpResponse } from './types';

/** Why a lookup could not be done; the engine reports it instead of "not found". */
export class LookupFailedError extends Error {
	constructor(
		displayName: string,
		/** What went wrong, without the vendor's name (`HTTP 401`): Get Many words its own message with it. */
		readonly reason: string,
		/** The status of the answer that was not a page, if one came. */
		readonly httpCode: number | null = null,
	) {
		super(`${displayName} lookup failed: ${reason}`);
		this.name = 'LookupFailedError';
	}
}

/** Why an answer is not a page: `HTTP 503`, `HTTP 200 with an unreadable page`. */
export function pageAnswerReason(response: HttpResponse): string {
	const ok = response.statusCode >= 200 && response.statusCode < 300;
	return ok ? `HTTP ${response.statusCode} with an unreadable page` : `HTTP ${response.statusCode}`;
}

/** The failure for an answer that is not a page. */
export function pageAnswerFailure(displayName: string, response: HttpResponse): LookupFailedError {
	return new LookupFailedError(displayName, pageAnswerReason(response), response.statusCode);
}

/** One page as a vendor's reader makes of it. */
export interface Page<T> {
	entries: T[];
	/** The vendor says (or the page shows) that no page follows. */
	last: boolean;
}

export interface PagingPlan<T> {
	/** Display name for messages (`Taleo Learn`). */
	displayName: string;
	/** Entries asked for per page: a page with more means the vendor does not page as asked. */
	pageSize: number;
	/** Pages read at most; a list that goes on beyond fails the lookup rather than answering "not found". */
	maxPages: number;
	/** Stop quietly after `maxPages` instead (a dropdown may show the first pages; a lookup may not). */
	truncate?: boolean;
	/**
	 * Reads page `index` (0-based); `seen` is the number of entries of the pages before it (for
	 * offset-style paging, where a server that caps the page size must not make entries be skipped).
	 * Throws (`pageAnswerFailure`) for an answer that is not a page.
	 */
	read(index: number, seen: number): Promise<Page<T>>;
	/** What tells entries apart (the id), to see a page repeat the one before. */
	identity(entry: T): string;
}

/** Yields the pages of a list, first to last, and throws as said above. Stop iterating once found. */
export async function* guardedPages<T>(plan: PagingPlan<T>): AsyncGenerator<T[]> {
	const { displayName, pageSize, maxPages } = plan;
	let seen = 0;
	let previousFirst: string | undefined;
	for (let index = 0; index < maxPages; index++) {
		const { entries, last } = await plan.read(index, seen);
		if (entries.length > pageSize) {
			throw new LookupFailedError(
				displayName,
				`a list page held ${entries.length} entries when ${pageSize} were asked for; the vendor ignores the paging parameters`,
			);
		}
		const first = entries.length > 0 ? plan.identity(entries[0]) : undefined;
		if (index > 0 && first !== undefined && first === previousFirst) {
			throw new LookupFailedError(
				displayName,
				`list page ${index + 1} began like page ${index}; the vendor ignores the paging parameters`,
			);
		}
		previousFirst = first;
		yield entries;
		if (last || entries.length === 0) return;
		seen += entries.length;
	}
	if (plan.truncate) return;
	throw new LookupFailedError(displayName, `the list goes on beyond ${maxPages} pages of ${pageSize}; stopped reading`);
}

/** The pages of `pages` with each entry read by `read`; entries it cannot read (no id) are left out. */
export async function* mapPages<T, U>(pages: AsyncIterable<T[]>, read: (entry: T) => U | undefined): AsyncGenerator<U[]> {
	for await (const entries of pages) yield entries.map(read).filter((entry): entry is U => entry !== undefined);
}
