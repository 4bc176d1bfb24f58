/**
 * Capillary (reward groups): Basic `username:md5(password)` or a key/secret token
 * (`POST /v3/oauth/token/generate`, sent as `X-CAP-API-OAUTH-TOKEN`, expiring), group create on both
 * paths in use, the group list with `pagingDto`, duplicates as error code 12012, and a per-key
 * per-minute rate limit. Contract and choices: docs/vendors/capillary.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { json, mediaType } from '../http';
import type { VendorInstance, VendorModule, VendorRequest, VendorResponse } from '../types';

export const CAP_USERNAME = 'sandbox.till';
export const CAP_PASSWORD = 'S4ndbox-till-pass!';
export const CAP_CLIENT_KEY = 'sandbox-client-key-7f3a';
export const CAP_CLIENT_SECRET = 'sandbox-client-secret-9b21d4';
export const CAP_ORG_ID = 100737;
export const CAP_DUPLICATE_CODE = 12012;
export const CAP_TOKEN_PATH = '/v3/oauth/token/generate';
export const CAP_PATHS = {
	core: '/api_gateway/core/v1/group',
	rewardsCore: '/api_gateway/rewards/core/v1/group',
} as const;

export type CapPathFamily = keyof typeof CAP_PATHS;

/**
 * How a duplicate name is answered: 'status' `{"status":{"success":false,"code":12012,...}}`,
 * 'errors' `{"errors":[{"code":12012,...}]}` (the v2 APIs' shape).
 */
export type CapDuplicateMode = 'status' | 'errors';

export interface CapRateLimit {
	/** Requests admitted per key in one window. */
	readonly limit: number;
	/** Window length; Capillary's is a minute. */
	readonly windowMs: number;
}

/** A key/secret pair the token endpoint accepts besides the default one (another tenant's credential). */
export interface CapClient {
	readonly key: string;
	readonly secret: string;
}

export interface CapOptions {
	readonly duplicate: CapDuplicateMode;
	/** HTTP status of the duplicate answer (unverified at Capillary, so tests vary it). */
	readonly duplicateHttpStatus: number;
	/** Lifetime of issued tokens, reported as `ttlSeconds`. */
	readonly tokenTtlSeconds: number;
	/** Per key (Basic user name or client key), on the group endpoints; null turns it off. */
	readonly rateLimit: CapRateLimit | null;
	/** Which path families exist; the others answer 404. */
	readonly paths: readonly CapPathFamily[];
	/** Refuse a second group of the same name (error 12012); false lets names repeat. */
	readonly uniqueNames: boolean;
	/**
	 * Names compared case-sensitively for uniqueness. Off by default: the docs say only "must be unique";
	 * the list's name filter ignores case, and so does the node (docs/vendors/capillary.md).
	 */
	readonly caseSensitiveNames: boolean;
	/** What a 429 carries: `Retry-After` in seconds, or no header at all (the docs show neither). */
	readonly rateLimitHeaders: 'retryAfter' | 'none';
	/** 'honoured'; 'returnsAll' ignores `page`/`size`; 'repeatsFirstPage' ignores `page` (and says more follow). */
	readonly paging: 'honoured' | 'returnsAll' | 'repeatsFirstPage';
	/** Key/secret pairs accepted besides CAP_CLIENT_KEY/CAP_CLIENT_SECRET; each token remembers its key. */
	readonly clients: readonly CapClient[];
}

export interface CapGroup {
	readonly id: number;
	readonly orgId: number;
	readonly name: string;
	readonly rank: number | null;
	readonly isActive: boolean;
	readonly createdBy: number;
	readonly createdOn: number;
	readonly createdOnDateTime: string;
	readonly lastUpdatedBy: number;
	readonly lastUpdatedOn: number;
	readonly lastUpdatedOnDateTime: string;
}

export interface CapApi {
	/** Groups in creation order (a copy). */
	groups(): CapGroup[];
	/** Number of groups named exactly `name`: proves nothing was created twice. */
	countGroups(name: string): number;
	/** Seeds an existing group, as if created earlier (no request recorded). Throws on a duplicate. */
	addGroup(name: string, rank?: number | null): CapGroup;
	/** Tokens issued since the start or the last reset. */
	tokensIssued(): number;
	/** Makes every issued token expire now (the next call with one answers 401). */
	expireTokens(): void;
	/** 429 answers given since the start or the last reset. */
	rateLimited(): number;
	/** The client key a token was issued to (undefined for a token never issued): which credential a request carried. */
	tokenClient(accessToken: string): string | undefined;
	readonly options: CapOptions;
}

const DEFAULT_OPTIONS: CapOptions = {
	duplicate: 'status',
	duplicateHttpStatus: 400,
	tokenTtlSeconds: 300,
	rateLimit: { limit: 100, windowMs: 60_000 },
	paths: ['core', 'rewardsCore'],
	uniqueNames: true,
	caseSensitiveNames: false,
	rateLimitHeaders: 'retryAfter',
	paging: 'honoured',
	clients: [],
};
const DUPLICATE_MODES: readonly CapDuplicateMode[] = ['status', 'errors'];
const FIRST_GROUP_ID = 2412;
const USER_ID = 75155282;
const DEFAULT_PAGE_SIZE = 10;

interface Token {
	readonly clientKey: string;
	expiresAt: number;
}

interface Window {
	startedAt: number;
	count: number;
}

const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

function statusBody(httpStatus: number, code: number, message: string): VendorResponse {
	return json(httpStatus, { status: { success: false, code, message } });
}

function errorsBody(httpStatus: number, code: number, message: string): VendorResponse {
	return json(httpStatus, { data: null, errors: [{ code, message }] });
}

function parseObject(body: string): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(body);
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

function firstValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

function create(initial?: Partial<CapOptions>): VendorInstance<CapOptions, CapApi> {
	let options: CapOptions = DEFAULT_OPTIONS;
	let groups: CapGroup[] = []; // in creation order
	const sameName = (a: string, b: string): boolean => (options.caseSensitiveNames ? a === b : a.toLowerCase() === b.toLowerCase());
	const taken = (name: string): boolean => groups.some((group) => sameName(group.name, name));
	let tokens = new Map<string, Token>();
	let windows = new Map<string, Window>();
	let nextId = FIRST_GROUP_ID;
	let issued = 0;
	let limited = 0;

	const configure = (patch: Partial<CapOptions>): void => {
		if (patch.duplicate !== undefined && !DUPLICATE_MODES.includes(patch.duplicate)) {
			throw new RangeError(`capillary.duplicate must be one of ${DUPLICATE_MODES.join(', ')}`);
		}
		const rateLimit = patch.rateLimit;
		if (rateLimit && !(Number.isInteger(rateLimit.limit) && rateLimit.limit >= 1 && rateLimit.windowMs > 0)) {
			throw new RangeError('capillary.rateLimit needs a positive integer limit and a positive windowMs');
		}
		options = { ...options, ...patch };
		if (patch.rateLimit !== undefined) windows = new Map();
	};

	const reset = (): void => {
		options = DEFAULT_OPTIONS;
		groups = [];
		tokens = new Map();
		windows = new Map();
		nextId = FIRST_GROUP_ID;
		issued = 0;
		limited = 0;
		if (initial !== undefined) configure(initial);
	};

	const insert = (name: string, rank: number | null): CapGroup => {
		const now = Date.now();
		const at = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
		const group: CapGroup = {
			id: nextId++,
			orgId: CAP_ORG_ID,
			name,
			rank,
			isActive: true,
			createdBy: USER_ID,
			createdOn: now,
			createdOnDateTime: at,
			lastUpdatedBy: USER_ID,
			lastUpdatedOn: now,
			lastUpdatedOnDateTime: at,
		};
		groups.push(group);
		return group;
	};

	const issueToken = (request: VendorRequest): VendorResponse => {
		if (request.method !== 'POST') return statusBody(405, 405, 'Method Not Allowed');
		const body = mediaType(request) === 'application/json' ? parseObject(request.body) : undefined;
		const accepted = [{ key: CAP_CLIENT_KEY, secret: CAP_CLIENT_SECRET }, ...options.clients];
		const client = accepted.find((pair) => body?.key === pair.key && body.secret === pair.secret);
		if (client === undefined) return errorsBody(401, 401, 'Invalid key or secret');
		const accessToken = `eyJhbGciOiJIUzI1NiJ9.${randomBytes(24).toString('base64url')}.${randomBytes(16).toString('base64url')}`;
		tokens.set(accessToken, { clientKey: client.key, expiresAt: Date.now() + options.tokenTtlSeconds * 1000 });
		issued++;
		return json(200, { data: { accessToken, ttlSeconds: options.tokenTtlSeconds }, errors: null });
	};

	/** The rate-limit key of the caller, or the 401 to answer. */
	const authenticate = (request: VendorRequest): { identity: string } | { refused: VendorResponse } => {
		const tokenHeader = request.headers['x-cap-api-oauth-token'];
		if (typeof tokenHeader === 'string' && tokenHeader !== '') {
			const token = tokens.get(tokenHeader);
			if (token === undefined) return { refused: errorsBody(401, 401, 'Invalid token') };
			if (token.expiresAt <= Date.now()) return { refused: errorsBody(401, 401, 'Token expired') };
			return { identity: `key:${token.clientKey}` };
		}
		const authorization = request.headers.authorization ?? '';
		if (authorization.slice(0, 6).toLowerCase() === 'basic ') {
			const pair = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
			// Only the md5 of the password (lower-case hex) is accepted, never the password itself.
			if (pair === `${CAP_USERNAME}:${md5Hex(CAP_PASSWORD)}`) return { identity: `user:${CAP_USERNAME}` };
		}
		return { refused: statusBody(401, 401, 'Unauthorized') };
	};

	/** Null when admitted; else the 429 with Retry-After (whole seconds until the window ends). */
	const rateLimit = (identity: string): VendorResponse | null => {
		const limit = options.rateLimit;
		if (limit === null) return null;
		const now = Date.now();
		let window = windows.get(identity);
		if (window === undefined || now - window.startedAt >= limit.windowMs) {
			window = { startedAt: now, count: 0 };
			windows.set(identity, window);
		}
		if (window.count < limit.limit) {
			window.count++;
			return null;
		}
		limited++;
		const seconds = Math.max(1, Math.ceil((window.startedAt + limit.windowMs - now) / 1000));
		const headers = options.rateLimitHeaders === 'retryAfter' ? { 'retry-after': String(seconds) } : undefined;
		return { status: 429, json: { status: { success: false, code: 429, message: 'Too many requests' } }, headers };
	};

	const duplicate = (): VendorResponse => {
		const message = 'Group name must be unique';
		return options.duplicate === 'status'
			? statusBody(options.duplicateHttpStatus, CAP_DUPLICATE_CODE, message)
			: errorsBody(options.duplicateHttpStatus, CAP_DUPLICATE_CODE, message);
	};

	const createGroup = (request: VendorRequest): VendorResponse => {
		if (mediaType(request) !== 'application/json') return statusBody(415, 415, 'Content-Type must be application/json');
		const body = parseObject(request.body);
		if (body === undefined) return statusBody(400, 400, 'Malformed JSON body');
		const { name, rank } = body;
		if (typeof name !== 'string' || name.trim() === '') return statusBody(400, 400, 'Group name must not be null');
		if (rank !== undefined && rank !== null && !Number.isSafeInteger(rank)) {
			return statusBody(400, 400, 'Group rank must be an integer');
		}
		if (options.uniqueNames && taken(name)) return duplicate();
		return json(200, insert(name, (rank as number | null | undefined) ?? null));
	};

	const listGroups = (request: VendorRequest): VendorResponse => {
		const filter = (firstValue(request.query.name) ?? '').toLowerCase();
		const asked = Math.max(0, Number(firstValue(request.query.page) ?? 0) || 0);
		const page = options.paging === 'repeatsFirstPage' ? 0 : asked;
		const askedSize = Math.max(1, Number(firstValue(request.query.size) ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE);
		// Like Capillary's search, the name filter matches parts of names, ignoring case.
		const matching = groups.filter((group) => group.name.toLowerCase().includes(filter));
		const size = options.paging === 'returnsAll' ? Math.max(1, matching.length) : askedSize;
		const totalPages = Math.ceil(matching.length / size);
		return json(200, {
			status: { success: true, code: 200, message: 'SUCCESS' },
			groupRoList: matching.slice(page * size, (page + 1) * size),
			pagingDto: {
				page,
				size,
				totalElements: matching.length,
				totalPages,
				first: page === 0,
				// A vendor that ignores `page` keeps saying more follow.
				last: options.paging === 'repeatsFirstPage' ? matching.length <= size : page >= totalPages - 1,
			},
		});
	};

	const familyOf = (path: string): CapPathFamily | undefined =>
		(Object.keys(CAP_PATHS) as CapPathFamily[]).find(
			(family) => path === CAP_PATHS[family] || path === `${CAP_PATHS[family]}/create`,
		);

	const handle = (request: VendorRequest): VendorResponse => {
		if (request.path === CAP_TOKEN_PATH) return issueToken(request);
		const family = familyOf(request.path);
		if (family === undefined || !options.paths.includes(family)) return statusBody(404, 404, 'Not Found');
		const caller = authenticate(request);
		if ('refused' in caller) return caller.refused;
		const limitedAnswer = rateLimit(caller.identity);
		if (limitedAnswer !== null) return limitedAnswer;
		const creating = request.path.endsWith('/create');
		if (creating) return request.method === 'POST' ? createGroup(request) : statusBody(405, 405, 'Method Not Allowed');
		return request.method === 'GET' ? listGroups(request) : statusBody(405, 405, 'Method Not Allowed');
	};

	reset();
	return {
		api: {
			groups: () => [...groups],
			countGroups: (name) => groups.filter((group) => sameName(group.name, name)).length,
			addGroup: (name, rank = null) => {
				if (options.uniqueNames && taken(name)) throw new Error(`group ${JSON.stringify(name)} already exists`);
				return insert(name, rank);
			},
			tokensIssued: () => issued,
			expireTokens: () => {
				for (const token of tokens.values()) token.expiresAt = 0;
			},
			rateLimited: () => limited,
			tokenClient: (accessToken) => tokens.get(accessToken)?.clientKey,
			get options() {
				return options;
			},
		},
		handle,
		configure,
		reset,
		clearGroups: () => {
			groups = [];
		},
		credentials: () => ({
			username: CAP_USERNAME,
			password: CAP_PASSWORD,
			clientKey: CAP_CLIENT_KEY,
			clientSecret: CAP_CLIENT_SECRET,
		}),
	};
}

export const capillary: VendorModule<'capillary', CapOptions, CapApi> = {
	name: 'capillary',
	prefix: '/capillary',
	create,
};
