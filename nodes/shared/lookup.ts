/**
 * Looking up the group that already holds a name, through the vendor's list endpoint.
 *
 * The GET pages are shared by all lookups of one run: re-running a sheet of 1,000 names that all
 * exist pages the vendor's list once, not once per row. A lookup that finds nothing in pages read
 * earlier reads them again, since the group may have been created after they were read.
 */
import type { Connection, GroupApi, GroupParams, HttpResponse, NormalizedGroup, SendRequest } from './types';

export class Lookups<P extends GroupParams> {
	private readonly byKey = new Map<string, Promise<NormalizedGroup | null>>();

	private readonly pages = new Map<string, Promise<HttpResponse>>();

	constructor(
		private readonly api: GroupApi<P>,
		private readonly connection: Connection,
		/** Sends one request with the transport's retries; throws when no answer came. */
		private readonly send: SendRequest,
	) {}

	/** The group holding the name of `params` (one lookup per name key and run), or null. */
	async find(key: string, params: P): Promise<NormalizedGroup | null> {
		let lookup = this.byKey.get(key);
		if (!lookup) {
			lookup = this.search(params).catch(() => null);
			this.byKey.set(key, lookup);
		}
		return await lookup;
	}

	private async search(params: P): Promise<NormalizedGroup | null> {
		const findExisting = this.api.findExisting?.bind(this.api);
		if (!findExisting) return null;
		const reuse = { allowed: true, happened: false };
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
		let page = reuse.allowed ? this.pages.get(key) : undefined;
		if (page) reuse.happened = true;
		else {
			page = this.send(request);
			this.pages.set(key, page);
			// A failed read is not kept: the next lookup tries again.
			page.catch(() => this.pages.delete(key));
		}
		return await page;
	}
}
