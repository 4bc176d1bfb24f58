import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
} from 'n8n-workflow';

import type { NamePolicy } from './names';

/** One HTTP answer, whatever its status. */
export interface HttpResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** A group as every node reports it: the id as a string, the name, and the vendor's own object. */
export interface NormalizedGroup {
	id: string;
	name: string;
	group: IDataObject;
}

/** Where the credential points: the base URL every request of the vendor starts with. */
export interface Connection {
	baseUrl: string;
}

/** What a vendor makes of one final answer to a create request. */
export type Interpretation =
	| { kind: 'created'; group: NormalizedGroup }
	| { kind: 'conflict'; message: string; existing?: NormalizedGroup | null; existingId?: string | null }
	| { kind: 'error'; message: string; description?: string };

/** The final place of one input item. */
export type ItemOutcome =
	| { kind: 'created'; group: NormalizedGroup; attempts: number; raw?: unknown }
	| {
			kind: 'conflict';
			message: string;
			existing: NormalizedGroup | null;
			existingId: string | null;
			httpCode: number | null;
			attempts: number;
			mayBeOwnEarlierAttempt: boolean;
			/** The lookup of the existing group could not be done (or stopped at the page ceiling): why. */
			lookupError?: string;
			raw?: unknown;
	  }
	| {
			kind: 'error';
			message: string;
			description: string;
			httpCode: number | null;
			attempts: number;
			/** `input` for bad input (NodeOperationError), `api` for what the vendor or the network said (NodeApiError). */
			source: 'input' | 'api';
			field?: string;
	  };

/** The parameters of one item, as the vendor reads them; `name` is always there and already trimmed. */
export interface GroupParams {
	name: string;
}

/** Sends a request with the node's credential (through n8n's auth helper) and resolves with the full response. */
export type SendRequest = (request: IHttpRequestOptions) => Promise<HttpResponse>;

/** Batch creation (HelloID): many items in one request, each answered separately. */
export interface BatchSupport<P extends GroupParams> {
	/** Items per request for this run, or `null` to send one request per item. */
	batchSize(ctx: IExecuteFunctions): number | null;
	createRequest(params: P[], connection: Connection): IHttpRequestOptions;
	/** Reads a 2xx batch answer into one interpretation per item, in the order of `params`. */
	readResults(response: HttpResponse, params: P[]): Interpretation[];
	/** Reads a non-2xx batch answer, which fails every item of the batch alike. */
	readFailure(response: HttpResponse, params: P[]): Extract<Interpretation, { kind: 'error' }>;
}

/** What every list query holds; a vendor adds its list filters (Assembla's portfolio, Taleo Learn's learn center). */
export interface ListQuery {
	/**
	 * Group → Get and the conflict lookup: the name sought. A vendor whose list endpoint filters by name
	 * passes it on (Capillary's `name`, which matches parts of names); the engine still picks the group
	 * with `namePolicy`. Absent for Group → Get Many: every group is listed.
	 */
	name?: string;
}

/**
 * Listing a vendor's groups: the one list reader of a vendor, behind Group → Get Many, Group → Get
 * and the conflict lookup (`findExisting` = `pickByName(pages({ ...filters, name }), name, namePolicy)`).
 */
export interface ListSupport<Q extends ListQuery = ListQuery> {
	/** Reads one item's list filters (not the name); throws `InputError` naming the field. */
	readQuery(ctx: IExecuteFunctions, itemIndex: number): Q;
	/**
	 * The groups, page by page in the vendor's order, read through `guardedPages` (shared/paging.ts).
	 * Throws (a `LookupFailedError`, no secret in it) for an answer that is not a page (401, 5xx after
	 * the transport's retries, an unreadable body), a vendor that ignores the paging parameters, or a
	 * list longer than the vendor's page ceiling. Stop iterating to stop reading: no further page is asked for.
	 */
	pages(query: Q, connection: Connection, send: SendRequest): AsyncGenerator<NormalizedGroup[]>;
	/** How the vendor compares names (Group → Get matches the exact name under it). */
	namePolicy: NamePolicy;
}

/**
 * The seam between a vendor and the shared engine: data and small pure functions.
 * Timing, retries, concurrency and routing live in `shared/`, once.
 */
export interface GroupApi<P extends GroupParams = GroupParams, Q extends ListQuery = ListQuery> {
	/** Node name, as in the output's `vendor` field (`invisibleCollector`, ...). */
	vendor: string;
	/** Display name used in messages. */
	displayName: string;
	/** The credential type this run uses (reads the `authentication` parameter where there are two). */
	credentialType(ctx: IExecuteFunctions): string;
	/** Reads where the credential points; throws `InputError` for a base URL, host or company that is not allowed. */
	connection(credentials: ICredentialDataDecryptedObject): Connection;
	/**
	 * Credential types that hold a token n8n refreshes on a 401 (OAuth2, pre-authentication): a 401
	 * answer to them is asked once more the way that makes n8n refresh the token.
	 */
	tokenCredentialTypes?: readonly string[];
	/** Reads and validates one item's parameters; throws `InputError` naming the field. */
	readParams(ctx: IExecuteFunctions, itemIndex: number): P;
	/** Items whose keys are equal name the same group at the vendor (e.g. lower-cased where names are case-insensitive). */
	nameKey(params: P): string;
	/**
	 * Further values the vendor keeps unique (Taleo Learn: the group code). Items sharing one are sent
	 * one after the other in input order, like items sharing a name.
	 */
	uniqueKeys?(params: P): string[];
	createRequest(params: P, connection: Connection): IHttpRequestOptions;
	/** Reads a final answer (not one the transport retried and then gave up on). */
	interpret(response: HttpResponse, params: P): Interpretation;
	/**
	 * Whether the vendor answers a second create of the same group with its duplicate answer (so a
	 * re-sent create after an attempt that may have reached the vendor cannot make a second group).
	 * Where false (or not documented), the engine looks the group up before re-sending such a create.
	 */
	repeatedCreateRefused: boolean;
	/** Statuses this vendor uses for "try again" beyond the shared 429, 502, 503, 504 (e.g. 500). */
	extraRetryStatuses?: readonly number[];
	/** Secret forms the credential derives (an md5 or Base64 of the password) beyond its own fields. */
	derivedSecrets?(credentials: ICredentialDataDecryptedObject): string[];
	/**
	 * Looks up the group that holds the name, through the vendor's list endpoint. Resolves null only
	 * when the vendor answered and has no such group; throws (an Error whose message says what went
	 * wrong, no secret in it) when the lookup could not be done: no answer, 401, 5xx, an unreadable
	 * page, or a vendor that ignores the paging parameters.
	 */
	findExisting?(params: P, connection: Connection, send: SendRequest): Promise<NormalizedGroup | null>;
	/** Group → Get Many and Group → Get; a vendor without a list endpoint we can cite leaves it out. */
	list?: ListSupport<Q>;
	batch?: BatchSupport<P>;
}
