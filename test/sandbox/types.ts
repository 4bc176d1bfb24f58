/**
 * Shared types of the vendor sandbox. The vendor-specific types (names, options, state accessors)
 * are derived from the module list in `vendors/index.ts`, so adding a vendor never touches this file.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { VendorApis, VendorName, VendorOptions } from './vendors';

export type { VendorApis, VendorName, VendorOptions } from './vendors';

/** Query string as an object; a key given more than once becomes an array (`items[]=1&items[]=2`). */
export type Query = Readonly<Record<string, string | string[]>>;

export type HeaderMap = Readonly<Record<string, string>>;

/** One request as it reached the sandbox, whatever happened to it afterwards. */
export interface RecordedRequest {
	/** Vendor whose prefix matched, or null for an unknown path. */
	readonly vendor: VendorName | null;
	readonly method: string;
	/** Path without the vendor prefix and without the query, still percent-encoded (`/groups`). */
	readonly path: string;
	readonly query: Query;
	/** Node's header object: names are lower-case. */
	readonly headers: IncomingHttpHeaders;
	/** Raw body, decoded as UTF-8 ('' when there is none). */
	readonly body: string;
	/** Date.now() when the request arrived. */
	readonly receivedAt: number;
	/** Status written to the client; null while pending or when the socket was destroyed instead. */
	status: number | null;
	/** Kind of injected fault that hit this request, if any. */
	fault: Fault['type'] | null;
}

/** What a vendor module sees of a request. */
export interface VendorRequest {
	readonly method: string;
	/** Path without the vendor prefix, still percent-encoded; decode segments yourself. */
	readonly path: string;
	readonly query: Query;
	readonly headers: IncomingHttpHeaders;
	readonly body: string;
	/** `${sandbox.url}${prefix}`, e.g. for a Location header. */
	readonly baseUrl: string;
}

/** A vendor's answer; the server writes it (or drops it, for a `reset: 'after'` fault). */
export type VendorResponse =
	| { readonly status: number; readonly headers?: HeaderMap; readonly json: unknown }
	| { readonly status: number; readonly headers?: HeaderMap; readonly text?: string; readonly contentType?: string };

/** A running vendor: its state, switches and request handler. One per sandbox. */
export interface VendorInstance<Options, Api> {
	/** Typed accessor for tests: read (and seed) the vendor's state. */
	readonly api: Api;
	/**
	 * Applies the request to the vendor state and says what to answer. Synchronous where it can be (O(1), no
	 * I/O); a vendor built on an asynchronous library (SCIM on scimmy) answers with a promise.
	 */
	handle(request: VendorRequest): VendorResponse | Promise<VendorResponse>;
	/** Changes switches at runtime; unspecified fields keep their value. */
	configure(options: Partial<Options>): void;
	/** Back to the state and options the instance was created with. */
	reset(): void;
	/** Forgets every group; accounts, issued tokens and options stay (the demo's imported credentials keep working). */
	clearGroups(): void;
	/** Default credentials, named like the node's credential fields (e.g. `{ apiToken }`). */
	credentials(): Readonly<Record<string, string>>;
}

/**
 * A vendor module: write one under `vendors/`, add it to the list in `vendors/index.ts`.
 * Declare it with explicit type arguments so the sandbox can derive `configure` and `vendors.<name>` types.
 */
export interface VendorModule<Name extends string = string, Options = unknown, Api = unknown> {
	/** Key used in `configure`, `baseUrl`, faults and `sandbox.vendors`. */
	readonly name: Name;
	/** Mount point, one path segment: `/invisible-collector`. */
	readonly prefix: `/${string}`;
	create(options?: Partial<Options>): VendorInstance<Options, Api>;
}

/** Which requests a fault applies to; every given field must match. */
export interface FaultMatch {
	readonly vendor?: VendorName;
	/** Case-insensitive. */
	readonly method?: string;
	/** Substring of the path without the vendor prefix (or the full path for unknown vendors). */
	readonly path?: string;
}

export type Fault =
	/** Answer with this status without touching state. A string body is sent as is (text/plain unless headers say otherwise), an object as JSON; no body → empty. */
	| { readonly type: 'status'; readonly status: number; readonly headers?: HeaderMap; readonly body?: string | object }
	/**
	 * Let the vendor apply the request, then answer this status instead of the vendor's answer: a gateway
	 * that gave up (500, 502, 504) while the server behind it did the work. Body and headers as for `status`.
	 */
	| { readonly type: 'applied'; readonly status: number; readonly headers?: HeaderMap; readonly body?: string | object }
	/** Destroy the socket (TCP RST): before handling, or after the vendor applied the request but before answering. */
	| { readonly type: 'reset'; readonly when: 'before' | 'after' }
	/** Hold the request, then handle it normally; state is applied even if the client hung up meanwhile. */
	| { readonly type: 'delay'; readonly ms: number }
	/** A proxy's HTML error page (text/html), state untouched. */
	| { readonly type: 'html'; readonly status: number }
	/** An arbitrary raw body (truncated JSON, empty string, ...), state untouched. Content type defaults to application/json. */
	| { readonly type: 'body'; readonly status: number; readonly body: string; readonly contentType?: string };

export interface FaultSpec extends FaultMatch {
	/** How many matching requests it hits (default 1; Infinity for all). */
	readonly times?: number;
	readonly fault: Fault;
}

export type RetryAfterForm = 'seconds' | 'http-date' | 'none';

export interface RateLimit {
	/** At most this many requests in any 1-second window (positive integer). */
	readonly perSecond: number;
	/** Form of the Retry-After header on 429s (default 'seconds'). */
	readonly retryAfter?: RetryAfterForm;
	/** Limit (and count) only this vendor's requests; default all requests. */
	readonly vendor?: VendorName;
}

export interface SandboxOptions {
	/** Port on 127.0.0.1; default a random free one. */
	readonly port?: number;
	/** Added before every answer, in ms. */
	readonly latencyMs?: number;
	readonly rateLimit?: RateLimit | null;
	/** Initial options per vendor; `reset()` returns to these. */
	readonly vendors?: { readonly [N in VendorName]?: Partial<VendorOptions<N>> };
}

/** Base URL plus default credentials of each vendor, as printed by the CLI. */
export type SandboxSummary = {
	readonly url: string;
	readonly vendors: { readonly [N in VendorName]: Readonly<Record<string, string>> & { readonly baseUrl: string } };
};

export interface Sandbox {
	/** `http://127.0.0.1:PORT`, no trailing slash. */
	readonly url: string;
	baseUrl(vendor: VendorName): string;
	/** Every request received since start or the last reset/resetStats (the same array is cleared in place). */
	readonly requests: readonly RecordedRequest[];
	/** Requests between arrival and the end of their response (or socket destruction). */
	readonly inFlight: number;
	readonly maxInFlight: number;
	/** Injected faults not yet used up. */
	readonly pendingFaults: number;
	/** Typed state accessors, e.g. `vendors.invisibleCollector.groupsOf(token)`. */
	readonly vendors: VendorApis;
	summary(): SandboxSummary;
	/** Clears `requests` and `maxInFlight`. */
	resetStats(): void;
	/** resetStats + vendor state, faults, latency, rate limit and vendor options back to the start options. */
	reset(): void;
	/**
	 * Forgets every vendor's groups and the request log, and nothing else: tokens issued so far (Assembla
	 * OAuth2, Capillary) stay valid, so credentials that hold them keep working. The demo calls it after
	 * its own example runs, so the editor's first run finds no group of the examples.
	 */
	clearGroups(): void;
	inject(fault: FaultSpec): void;
	setLatency(ms: number): void;
	setRateLimit(limit: RateLimit | null): void;
	configure<N extends VendorName>(vendor: N, options: Partial<VendorOptions<N>>): void;
	/** Stops listening and destroys every socket; pending delays are dropped. Idempotent. */
	close(): Promise<void>;
}
