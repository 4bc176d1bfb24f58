/**
 * Sending one request: n8n's auth helper, a timeout, and retries on rate limits, gateway errors
 * and network failures. Every retry re-sends the same request of the same item(s), never another's.
 */
import type {
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { HttpResponse, SendRequest } from './types';

/** Answers that say "not now" rather than "no". */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Longest single wait for a Retry-After or a backoff: a vendor asking for an hour gets retried sooner. */
export const MAX_WAIT_MS = 60_000;
/** A rate limit that names its end is waited out this many times (it does not use up Max Retries). */
const MAX_RATE_LIMIT_WAITS = 30;
const BACKOFF_BASE_MS = 500;

export interface RetryPolicy {
	maxRetries: number;
	timeoutMs: number;
}

/** A request that got no HTTP answer: reset, refused, timed out. */
export class NetworkFailure extends NodeApiError {
	constructor(
		node: INode,
		message: string,
		/** False only when the request certainly never reached the vendor (connection refused, DNS). */
		readonly mayHaveReached: boolean,
	) {
		super(node, { message }, { message });
		// NodeApiError swaps messages that mention some error codes for generic advice; keep ours.
		this.message = message;
		this.name = 'NetworkFailure';
	}
}

/** What came of sending one request, retries included. */
export interface Attempted {
	/** The last HTTP answer, or null when the last attempt got none (`failure` says why). */
	response: HttpResponse | null;
	failure?: NetworkFailure;
	attempts: number;
	/** The last answer still said "try later": the retries ran out. */
	gaveUp: boolean;
	/** An earlier attempt may have been carried out by the vendor without us seeing the answer. */
	earlierAttemptMayHaveActed: boolean;
	/** The `beforeResend` check said not to send again: `response`/`failure` are those of the last attempt. */
	resendWithheld?: boolean;
}

/**
 * Asked before a request is sent again after an attempt that may have been carried out (no answer
 * after sending, 500, 502, 504): resolves true to send it again, false to stop with what came so far.
 */
export type ResendCheck = () => Promise<boolean>;

/**
 * Pauses every request of one node run while the vendor rate-limits the credential:
 * a 429 is about the key, not the item, so the other workers wait too instead of adding to the storm.
 */
export class RateGate {
	private openAt = 0;

	pauseFor(ms: number): void {
		this.openAt = Math.max(this.openAt, Date.now() + ms);
	}

	async pass(): Promise<void> {
		for (let wait = this.openAt - Date.now(); wait > 0; wait = this.openAt - Date.now()) {
			await sleep(wait);
		}
	}
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
/** The three HTTP-date forms of RFC 9110 §5.6.7: IMF-fixdate, obsolete RFC 850 and asctime. */
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

function utc(year: number, month: string, day: number, hour: number, minute: number, second: number): number | undefined {
	if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
	const time = Date.UTC(year, MONTHS.indexOf(month), day, hour, minute, Math.min(second, 59));
	// 31 Feb and the like roll over into the next month: not a date.
	return new Date(time).getUTCDate() === day ? time : undefined;
}

/**
 * An HTTP-date in one of the forms RFC 9110 allows, in ms since the epoch; undefined for anything
 * else, including the many texts `Date.parse` accepts ("May 5", "1 2", "-1").
 */
export function parseHttpDate(value: string, now = Date.now()): number | undefined {
	let match = IMF_FIXDATE.exec(value);
	if (match) return utc(Number(match[3]), match[2], Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
	match = RFC_850.exec(value);
	if (match) {
		// A two-digit year more than 50 years ahead is the latest past year with those digits (RFC 9110).
		const thisYear = new Date(now).getUTCFullYear();
		let year = thisYear - (thisYear % 100) + Number(match[3]);
		if (year > thisYear + 50) year -= 100;
		return utc(year, match[2], Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
	}
	match = ASCTIME.exec(value);
	if (match) return utc(Number(match[6]), match[1], Number(match[2].trim()), Number(match[3]), Number(match[4]), Number(match[5]));
	return undefined;
}

/**
 * Retry-After in milliseconds (delta-seconds or HTTP-date), capped. Undefined when the header names
 * no real wait — absent, `0`, a date now or past, or neither form — so the 429 is retried like one
 * without Retry-After: with backoff, within Max Retries. (A fraction such as `1.5` is taken as given.)
 */
export function retryAfterMs(headers: Record<string, unknown>, now = Date.now()): number | undefined {
	const value = header(headers, 'retry-after')?.trim();
	if (!value) return undefined;
	let ms: number | undefined;
	if (/^\d+(\.\d+)?$/.test(value)) ms = Number(value) * 1000;
	else {
		const date = parseHttpDate(value, now);
		ms = date === undefined ? undefined : date - now;
	}
	if (ms === undefined || !(ms >= 1)) return undefined;
	return Math.min(ms, MAX_WAIT_MS);
}

/** Exponential backoff with jitter: 0.5–1 × base × 2^(retry-1), capped. */
export function backoffMs(retry: number, random = Math.random): number {
	const ceiling = Math.min(MAX_WAIT_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry - 1));
	return Math.round(ceiling * (0.5 + random() * 0.5));
}

const NETWORK_CODES_NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const NETWORK_CODES = new Set([
	...NETWORK_CODES_NOT_SENT,
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'UND_ERR_SOCKET',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

/** The first `code` along an error's `cause` chain that `accept` takes (n8n wraps the HTTP client's error). */
export function codeAlongCauses(error: unknown, accept: (code: string) => boolean): string | undefined {
	for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && accept(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/**
 * n8n 1.x's helper wraps the HTTP client's error in a NodeApiError that drops the code (it may keep it
 * as `httpCode`) and swaps the message for these words of its own (NodeError's COMMON_ERRORS).
 */
const N8N_NETWORK_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
	[/connection to the server was closed unexpectedly/i, 'ECONNRESET'],
	[/server closed the connection unexpectedly/i, 'ECONNRESET'],
	[/service refused the connection/i, 'ECONNREFUSED'],
	[/connection cannot be established, this usually occurs due to an incorrect host/i, 'ENOTFOUND'],
	[/DNS server returned an error/i, 'EAI_AGAIN'],
	[/connection timed out/i, 'ETIMEDOUT'],
	[/connection was aborted/i, 'ECONNABORTED'],
	[/host is unreachable/i, 'EHOSTUNREACH'],
];

function errorCode(error: unknown): string | undefined {
	const isNetworkCode = (code: string) => NETWORK_CODES.has(code);
	const code = codeAlongCauses(error, isNetworkCode);
	if (code) return code;
	const httpCode = (error as { httpCode?: unknown } | null)?.httpCode;
	if (typeof httpCode === 'string' && isNetworkCode(httpCode)) return httpCode;
	const text = errorMessages(error);
	return N8N_NETWORK_WORDS.find(([words]) => words.test(text))?.[1];
}

/** The distinct messages along an error's `cause` chain (n8n often repeats one at each wrapping). */
function errorMessages(error: unknown): string {
	const messages = new Set<string>();
	for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		const message = (current as { message?: unknown }).message;
		if (typeof message === 'string' && message.trim()) messages.add(message.trim());
		current = (current as { cause?: unknown }).cause;
	}
	return [...messages].join(' / ');
}

/**
 * Turns what n8n's helper threw into a NetworkFailure when it is one. Only the code and a fixed text
 * are kept: the thrown object holds the request, headers included, and must not travel further.
 */
export function asNetworkFailure(node: INode, error: unknown, timeoutMs: number): NetworkFailure | undefined {
	const code = errorCode(error);
	const text = errorMessages(error);
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(text)) {
		return new NetworkFailure(node, `no answer within ${timeoutMs / 1000} s (timeout)`, true);
	}
	if (code) return new NetworkFailure(node, `network error (${code})`, !NETWORK_CODES_NOT_SENT.has(code));
	if (/socket hang up|terminated|other side closed/i.test(text)) {
		return new NetworkFailure(node, 'network error (connection closed)', true);
	}
	return undefined;
}

function plainHeaders(headers: unknown): Record<string, unknown> {
	if (!headers || typeof headers !== 'object') return {};
	const toJSON = (headers as { toJSON?: () => unknown }).toJSON;
	return typeof toJSON === 'function' ? (toJSON.call(headers) as Record<string, unknown>) : { ...headers };
}

/** The HTTP answer inside what n8n's helper threw for a non-2xx status (the HTTP client's error, as `cause`). */
export function responseFromError(error: unknown): HttpResponse | undefined {
	for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
		const response = (current as { response?: { status?: unknown; headers?: unknown; data?: unknown } }).response;
		if (response && typeof response.status === 'number') {
			return { statusCode: response.status, headers: plainHeaders(response.headers), body: response.data ?? '' };
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/**
 * The status and the vendor's words that n8n 1.x keeps on its NodeApiError for a non-2xx answer (it
 * drops the HTTP client's error, so body and headers are gone). Only used after a refresh attempt.
 */
export function statusFromNodeApiError(error: unknown): HttpResponse | undefined {
	const { httpCode, description } = error as { httpCode?: unknown; description?: unknown };
	const statusCode = typeof httpCode === 'string' && /^\d{3}$/.test(httpCode) ? Number(httpCode) : undefined;
	if (statusCode === undefined) return undefined;
	return { statusCode, headers: {}, body: typeof description === 'string' ? { message: description } : '' };
}

/**
 * One attempt through n8n's auth helper: credentials, proxies and token refresh work as in any n8n node.
 *
 * Answers of any status come back as they are (`ignoreHttpStatusErrors`), which keeps their body and
 * headers on every n8n version. n8n refreshes an OAuth2 or pre-authentication token only when a 401
 * throws, so for credentials that hold such a token (`refreshesTokens`) a 401 is asked once more with
 * status errors thrown; that answer is read back from the error n8n throws.
 */
export function authenticatedSender(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	credentialType: string,
	timeoutMs: number,
	{ refreshesTokens = false, credential }: { refreshesTokens?: boolean; credential?: ICredentialsDecrypted } = {},
): SendRequest {
	// Without it n8n reads the credential from its database and decrypts it again for every request.
	const additionalOptions = credential && { credentialsDecrypted: credential };
	const attempt = async (request: IHttpRequestOptions, ignoreHttpStatusErrors: boolean): Promise<HttpResponse> => {
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				credentialType,
				{ ...request, timeout: timeoutMs, returnFullResponse: true, ignoreHttpStatusErrors },
				additionalOptions,
			)) as { statusCode: number; headers?: unknown; body: unknown };
			return { statusCode: response.statusCode, headers: plainHeaders(response.headers), body: response.body };
		} catch (error) {
			const failure = asNetworkFailure(ctx.getNode(), error, timeoutMs);
			const answered = responseFromError(error) ?? (failure ? undefined : statusFromNodeApiError(error));
			if (answered) return answered;
			// Only the words travel on: n8n's error object holds the request, headers included.
			throw failure ?? new NodeApiError(ctx.getNode(), { message: errorMessages(error) });
		}
	};
	return async (request: IHttpRequestOptions) => {
		const response = await attempt(request, true);
		return response.statusCode === 401 && refreshesTokens ? await attempt(request, false) : response;
	};
}

/**
 * Sends `request` until the answer is final or the retries are spent. Retried: 429, 502, 503, 504,
 * the vendor's own `extraRetryStatuses` and network failures. A 429 that names its end (Retry-After)
 * is waited out without using up `maxRetries`, within MAX_RATE_LIMIT_WAITS. After an attempt that may
 * have been carried out, `beforeResend` (when given) decides whether the request goes again.
 */
export async function sendWithRetries(
	send: SendRequest,
	request: IHttpRequestOptions,
	policy: RetryPolicy,
	gate: RateGate,
	extraRetryStatuses: readonly number[] = [],
	beforeResend?: ResendCheck,
): Promise<Attempted> {
	let attempts = 0;
	let retries = 0;
	let rateLimitWaits = 0;
	let earlierAttemptMayHaveActed = false;
	/** An attempt may have acted and no check has looked since. */
	let unchecked = false;
	const mayResend = async (): Promise<boolean> => {
		if (!unchecked || !beforeResend) return true;
		unchecked = false;
		return await beforeResend();
	};
	for (;;) {
		await gate.pass();
		attempts++;
		const sent = await send(request).then(
			(answer) => ({ response: answer }),
			(thrown: unknown) => ({ error: thrown }),
		);
		if ('error' in sent) {
			const { error } = sent;
			// Not a network failure: already a NodeApiError from the sender, passed on as it is.
			if (!(error instanceof NetworkFailure)) throw error;
			if (retries >= policy.maxRetries) {
				return { response: null, failure: error, attempts, gaveUp: true, earlierAttemptMayHaveActed };
			}
			earlierAttemptMayHaveActed ||= error.mayHaveReached;
			unchecked ||= error.mayHaveReached;
			retries++;
			await sleep(backoffMs(retries));
			if (!(await mayResend())) {
				return { response: null, failure: error, attempts, gaveUp: false, earlierAttemptMayHaveActed, resendWithheld: true };
			}
			continue;
		}

		const { response } = sent;
		const status = response.statusCode;
		if (!RETRY_STATUSES.has(status) && !extraRetryStatuses.includes(status)) {
			return { response, attempts, gaveUp: false, earlierAttemptMayHaveActed };
		}
		const retryAfter = retryAfterMs(response.headers);
		const waitsOutRateLimit = status === 429 && retryAfter !== undefined && rateLimitWaits < MAX_RATE_LIMIT_WAITS;
		if (!waitsOutRateLimit && retries >= policy.maxRetries) {
			return { response, attempts, gaveUp: true, earlierAttemptMayHaveActed };
		}
		if (waitsOutRateLimit) rateLimitWaits++;
		else retries++;
		// After a 5xx other than 503 the vendor (or the server behind its gateway) may have acted anyway.
		const mayHaveActed = status >= 500 && status !== 503;
		earlierAttemptMayHaveActed ||= mayHaveActed;
		unchecked ||= mayHaveActed;
		const wait = retryAfter ?? backoffMs(retries);
		if (status === 429) gate.pauseFor(wait);
		else await sleep(wait);
		if (!(await mayResend())) {
			return { response, attempts, gaveUp: false, earlierAttemptMayHaveActed, resendWithheld: true };
		}
	}
}

/**
 * A `SendRequest` that sends with `sendWithRetries` and resolves with the final answer: for lookups
 * and dropdowns, which read (never create) and so need no re-send check. Throws when no answer came.
 */
export function retryingSender(
	send: SendRequest,
	policy: RetryPolicy,
	gate: RateGate,
	extraRetryStatuses: readonly number[] = [],
): SendRequest {
	return async (request) => {
		const attempted = await sendWithRetries(send, request, policy, gate, extraRetryStatuses);
		if (!attempted.response) throw attempted.failure ?? new Error('no answer');
		return attempted.response;
	};
}
