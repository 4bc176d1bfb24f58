/**
 * The access token of the key/secret credential: `POST {host}/v3/oauth/token/generate` with
 * `{"key","secret"}` → `{"data":{"accessToken","ttlSeconds"}}`. n8n stores the token (an expirable
 * hidden field) and calls the credential's preAuthentication when that field is empty or a request
 * answered 401; this module makes those calls cheap when many run at once.
 */
import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { isObject, messageFrom, parsedBody } from '../../../nodes/shared/outcome';
import { redactor } from '../../../nodes/shared/redact';
import { codeAlongCauses } from '../../../nodes/shared/transport';
import { InputError } from '../../../nodes/shared/validate';
import { capillaryBaseUrl } from './hosts';

export const GENERATE_PATH = '/v3/oauth/token/generate';

/** Capillary's documented lifetime, used when an answer leaves `ttlSeconds` out. */
const DEFAULT_TTL_SECONDS = 300;
/** A token this close to its end is not handed to a request that was refused with an older one. */
const EXPIRY_MARGIN_MS = 15_000;
/** How long a refused key/secret is answered from memory, so a run of many items asks once, not per item. */
const REFUSAL_MEMORY_MS = 10_000;

interface IssuedToken {
	accessToken: string;
	expiresAt: number;
	/**
	 * Fetched for a caller whose token had just been refused. Only such a token answers another
	 * caller's refusal: one fetched earlier (two executions that each found the field empty) may
	 * have been revoked together with the refused one, and handing it out would fail the retry.
	 */
	afterRefusal: boolean;
}

/**
 * Per process and per credential (host, key and a hash of the secret): the fetch under way, and the
 * newest token fetched. Only these two are kept; n8n's credential store stays the place of record.
 */
const fetching = new Map<string, Promise<IssuedToken>>();
const newest = new Map<string, IssuedToken>();
const refusals = new Map<string, { error: TokenRequestError; until: number }>();

/**
 * Credentials remembered at once in `newest` and `refusals`. A worker runs for weeks: rotated secrets,
 * edited credentials and many tenants must not each leave a token in memory for its whole life.
 */
export const MAX_REMEMBERED_CREDENTIALS = 100;

/** Stores `value` as the newest of `map`, after dropping what has expired and, past the limit, the least recently stored. */
function remember<V>(map: Map<string, V>, id: string, value: V, expiresAt: (value: V) => number): void {
	const now = Date.now();
	for (const [key, held] of map) if (expiresAt(held) <= now) map.delete(key);
	map.delete(id);
	map.set(id, value);
	for (const key of map.keys()) {
		if (map.size <= MAX_REMEMBERED_CREDENTIALS) break;
		map.delete(key);
	}
}

/** How many credentials the token memory holds now (for tests and diagnostics). */
export function rememberedCredentials(): { tokens: number; refusals: number } {
	return { tokens: newest.size, refusals: refusals.size };
}

/** A failed token request; `code` carries a network error code so the transport can retry it. */
export class TokenRequestError extends Error {
	constructor(
		message: string,
		readonly code?: string,
		/** Capillary said no to the key and secret (401/403), as opposed to failing to answer. */
		readonly refused = false,
	) {
		super(message);
		this.name = 'TokenRequestError';
	}
}

function requireField(credentials: ICredentialDataDecryptedObject, key: string, field: string): string {
	const value = credentials[key];
	if (typeof value !== 'string' || value.trim() === '') throw new InputError(field, `"${field}" is empty`);
	return value.trim();
}

function cacheKey(baseUrl: string, clientKey: string, clientSecret: string): string {
	const secretHash = createHash('sha256').update(clientSecret).digest('hex');
	return `${baseUrl}\n${clientKey}\n${secretHash}`;
}

const networkCode = (error: unknown) => codeAlongCauses(error, (code) => /^E[A-Z_]+$|^UND_ERR/.test(code));

async function requestToken(
	http: IHttpRequestHelper,
	url: string,
	credentials: ICredentialDataDecryptedObject,
	key: string,
	secret: string,
	afterRefusal: boolean,
): Promise<IssuedToken> {
	const response = (await http.helpers
		.httpRequest({
			method: 'POST',
			url,
			body: { key, secret },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})
		.catch((error: unknown) => {
			// The thrown object holds the request body (the secret): only a code travels on. A credential
			// hook has no node to build a NodeApiError for; n8n wraps what it throws in one.
			const code = networkCode(error);
			throw new TokenRequestError(`Could not reach Capillary's token endpoint ${url}${code ? ` (${code})` : ''}`, code);
		})) as { statusCode: number; body: unknown };
	const body = parsedBody(response.body);
	const data = isObject(body) && isObject(body.data) ? body.data : undefined;
	const accessToken = data?.accessToken;
	if (response.statusCode >= 200 && response.statusCode < 300 && typeof accessToken === 'string' && accessToken) {
		const ttl = typeof data?.ttlSeconds === 'number' && data.ttlSeconds > 0 ? data.ttlSeconds : DEFAULT_TTL_SECONDS;
		return { accessToken, expiresAt: Date.now() + ttl * 1000, afterRefusal };
	}
	const words = redactor([credentials])(messageFrom(body) ?? '');
	const refused = response.statusCode === 401 || response.statusCode === 403;
	throw new TokenRequestError(
		`Capillary ${refused ? 'refused the client key and secret' : 'issued no access token'} (HTTP ${response.statusCode} from ${GENERATE_PATH})${words ? `: ${words}` : ''}`,
		undefined,
		refused,
	);
}

/**
 * The token to store for the credential. `credentials.accessToken` is the one the caller holds:
 * empty (nothing stored yet) or refused with a 401. If another request of this process already
 * answered a refusal with a newer token that is still valid, that one is returned; concurrent
 * callers share one fetch. The host is checked before the key and secret are sent anywhere.
 */
export async function accessTokenFor(
	http: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const baseUrl = capillaryBaseUrl(credentials);
	const key = requireField(credentials, 'clientKey', 'Client Key');
	const secret = requireField(credentials, 'clientSecret', 'Client Secret');
	const id = cacheKey(baseUrl, key, secret);

	const held = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	const latest = newest.get(id);
	if (held && latest?.afterRefusal && latest.accessToken !== held && latest.expiresAt - EXPIRY_MARGIN_MS > Date.now()) {
		return latest.accessToken;
	}

	const refusal = refusals.get(id);
	if (refusal && refusal.until > Date.now()) throw refusal.error;

	let pending = fetching.get(id);
	if (!pending) {
		pending = requestToken(http, `${baseUrl}${GENERATE_PATH}`, credentials, key, secret, held !== '')
			.then((token) => {
				remember(newest, id, token, (held) => held.expiresAt);
				refusals.delete(id);
				return token;
			})
			.catch((error: unknown) => {
				if (error instanceof TokenRequestError && error.refused) {
					remember(refusals, id, { error, until: Date.now() + REFUSAL_MEMORY_MS }, (held) => held.until);
				}
				throw error;
			})
			.finally(() => fetching.delete(id));
		fetching.set(id, pending);
	}
	return (await pending).accessToken;
}
