/**
 * Looking up the group that already holds a name, through the vendor's list endpoint.
 *
 * The GET pages are shared by all lookups of one run: re-running a sheet of 1,000 names that all
 * exist pages the vendor's list once, not once per row. A lookup that finds nothing in pages read
 * earlier reads them again, since the group may have been created after they were read.
 *
 * A lookup that could not be done (the vendor's `findExisting` threw, or the run's page ceiling was
 * reached) is reported as such and not remembered: the next item that needs the name asks again.
 */
import type { Connection, GroupApi, GroupParams, HttpResponse, NormalizedGroup, SendRequest } from './types';

/** At most this many list pages are kept (and read) per run: a vendor list of 50,000 groups at 50 a page. */
export const MAX_LOOKUP_PAGES = 1_000;
/** At most this much page text (JSON length) is kept per run, however the vendor sizes its pages. */
export const MAX_LOOKUP_BYTES = 32 * 1024 * 1024;

/** What a lookup found: the group, or null with `error` saying why nothing could be said. */
export interface LookupResult {
	found: NormalizedGroup | null;
	/** Set when the lookup could not be done: "not found" is then unknown, not "no such group". */
	error?: string;
}

export interface LookupLimits {
	maxPages: number;
	maxBytes: number;
}

/** The run read as many pages as it keeps: the lookup stops instead of paging further. */
export class PageCeilingReached extends Error {
	constructor(limits: LookupLimits) {
		super(
			`stopped paging the vendor's list at the node's limit of ${limits.maxPages} pages or ${Math.round(limits.maxBytes / 1024 / 1024)} MB per run; the group may be on a later page`,
		);
		this.name = 'PageCeilingReached';
	}
}

const MAX_ERROR_LENGTH = 300;

function lookupErrorText(error: unknown): string {
	const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim() || 'lookup failed';
	return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

function sizeOf(body: unknown): number {
	if (typeof body === 'string') return body.length;
	try {
		return JSON.stringify(body)?.length ?? 0;
	} catch {
		return 0;
	}
}

interface CachedPage {
	page: Promise<HttpResponse>;
	bytes: number;
}

export class Lookups<P extends GroupParams> {
	/** Lookups that found a group or that the vendor answered with "no such group"; failed ones are dropped. */
	private readonly byKey = new Map<string, Promise<LookupResult>>();

	private readonly pages = new Map<string, CachedPage>();

	private bytes = 0;

	constructor(
		private readonly api: GroupApi<P>,
		private readonly connection: Connection,
		/** Sends one request with the transport's retries; throws when no answer came. */
		private readonly send: SendRequest,
		private readonly limits: LookupLimits = { maxPages: MAX_LOOKUP_PAGES, maxBytes: MAX_LOOKUP_BYTES },
	) {}

	/** Whether the vendor can be asked at all. */
	get possible(): boolean {
		return typeof this.api.findExisting === 'function';
	}

	/** The group holding the name of `params` (one answered lookup per name key and run), or why none was found. */
	async find(key: string, params: P): Promise<LookupResult> {
		let lookup = this.byKey.get(key);
		if (!lookup) {
			lookup = this.settle(this.search(params, true));
			this.byKey.set(key, lookup);
			// A failed lookup is not an answer: the next item with this name asks the vendor again.
			void lookup.then((result) => {
				if (result.error !== undefined && this.byKey.get(key) === lookup) this.byKey.delete(key);
			});
		}
		return await lookup;
	}

	/**
	 * Asks the vendor now, reading every page again (none kept from before this call): used before a
	 * create is sent again after an attempt that may have created the group.
	 */
	async findNow(key: string, params: P): Promise<LookupResult> {
		const result = await this.settle(this.search(params, false));
		if (result.found) this.byKey.set(key, Promise.resolve(result));
		return result;
	}

	private async settle(search: Promise<NormalizedGroup | null>): Promise<LookupResult> {
		try {
			return { found: await search };
		} catch (error) {
			return { found: null, error: lookupErrorText(error) };
		}
	}

	private async search(params: P, reuseAllowed: boolean): Promise<NormalizedGroup | null> {
		const findExisting = this.api.findExisting?.bind(this.api);
		if (!findExisting) return null;
		const reuse = { allowed: reuseAllowed, happened: false };
		const found = await findExisting(params, this.connection, (request) => this.page(request, reuse));
		if (found || !reuse.happened) return found;
		// Some pages were read before this lookup began: read them again before saying "not found".
		return await findExisting(params, this.connection, (request) => this.page(request, { allowed: false, happened: false }));
	}

	private async page(
		request: Parameters<SendRequest>[0],
		reuse: { allowed: boolean; happened: boolean },
	): Promise<HttpResponse> {
		if ((request.method ?? 'GET') !== 'GET') return await this.send(request);
		const key = JSON.stringify([request.url, request.qs ?? null]);
		const cached = reuse.allowed ? this.pages.get(key) : undefined;
		if (cached) {
			reuse.happened = true;
			return await cached.page;
		}
		const previous = this.pages.get(key);
		const full = this.pages.size >= this.limits.maxPages || this.bytes >= this.limits.maxBytes;
		// A page read again replaces its older copy; a new one needs room under the ceiling.
		if (!previous && full) throw new PageCeilingReached(this.limits);
		const entry: CachedPage = { page: this.send(request), bytes: 0 };
		this.forget(key);
		this.pages.set(key, entry);
		entry.page.then(
			(response) => {
				if (this.pages.get(key) !== entry) return;
				// Only list pages are kept: an error answer (401, 5xx, a proxy page) is asked again next time.
				if (response.statusCode < 200 || response.statusCode >= 300) return this.forget(key, entry);
				entry.bytes = sizeOf(response.body);
				this.bytes += entry.bytes;
			},
			// A failed read is not kept: the next lookup tries again.
			() => this.forget(key, entry),
		);
		return await entry.page;
	}

	private forget(key: string, only?: CachedPage): void {
		const entry = this.pages.get(key);
		if (!entry || (only && entry !== only)) return;
		this.bytes -= entry.bytes;
		this.pages.delete(key);
	}
}
