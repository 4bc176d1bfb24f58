/**
 * Assembla: `X-Api-Key`/`X-Api-Secret` or an OAuth2 Bearer token (short-lived, refreshed at `POST /token`
 * with the client's Basic auth), the authorization-code flow (`GET /authorization` approves at once, as the
 * sandbox's one user, and redirects back with a one-time code; `POST /token` exchanges it), `GET /v1/user.json`, `POST /v1/groups.(json|xml)?portfolio=` and
 * `GET /v1/groups.(json|xml)?portfolio=&page=&per_page=`.
 *
 * Contract and choices: docs/vendors/assembla.md.
 *
 * Bodies are read the way a Rails server reads them: by Content-Type, JSON (flat as the page's examples
 * show; `jsonBody` says which form is taken), typed XML, or a nested query string
 * when there is no Content-Type (Rack treats a POST without one as a form). Group names are unique per
 * portfolio regardless of case; errors are Rails' 422 errors hash; an empty page is 204 No Content and
 * an unknown portfolio an empty 404.
 */
import { randomBytes } from 'node:crypto';

import { XMLBuilder, XMLParser } from 'fast-xml-parser';

import { json, mediaType } from '../http';
import type { VendorInstance, VendorModule, VendorRequest, VendorResponse } from '../types';

export const ASSEMBLA_API_KEY = 'a55e4b1a0000000000000000000000k1';
export const ASSEMBLA_API_SECRET = 'a55e4b1a5ec4e70000000000000000s1';
export const ASSEMBLA_CLIENT_ID = 'sandbox-client-id';
export const ASSEMBLA_CLIENT_SECRET = 'a55e4b1ac11e475ec4e7000000000c1';
export const ASSEMBLA_PORTFOLIO = 'sandbox';
/** Assembla's access tokens live 15 minutes. */
const ACCESS_TOKEN_TTL_MS = 15 * 60_000;

/** How a taken name is reported in JSON (the real shape is unverified; Rails renders `errors` as the first). */
export type AssemblaDuplicateShape = 'fields' | 'errorsHash' | 'errorsArray';

export interface AssemblaOptions {
	readonly accessTokenTtlMs: number;
	readonly duplicateShape: AssemblaDuplicateShape;
	/** 201 with the group in the body, or with an empty body (the id only in `Location`). */
	readonly createdBody: 'group' | 'empty';
	/** Largest `per_page` served; more is cut down to this. */
	readonly maxPerPage: number;
	/** Refuse a second group of the same name in a portfolio, regardless of case (`has already been taken`); false lets names repeat. */
	readonly uniqueNames: boolean;
	/**
	 * Which JSON create body is taken (docs/vendors/assembla.md): 'flat' `{"name",...}` as the page's JSON
	 * examples show, 'wrapped' `{"group":{...}}` as its "group namespace" sentence suggests, or 'both' (Rails'
	 * params wrapper). The other form is read as a group without attributes: 422 "Name can't be blank".
	 */
	readonly jsonBody: 'flat' | 'wrapped' | 'both';
	/** An empty list page: '204' No Content (docs/vendors/assembla.md) or an empty JSON array. */
	readonly emptyPage: '204' | 'emptyArray';
	/** 'honoured'; 'returnsAll' answers every group whatever `page`/`per_page`; 'repeatsFirstPage' ignores `page`. */
	readonly paging: PagingBehaviour;
}

/** How a list answers its paging parameters: a vendor that ignores them must make a lookup fail, not loop. */
export type PagingBehaviour = 'honoured' | 'returnsAll' | 'repeatsFirstPage';

export interface AssemblaGroup {
	readonly id: number;
	readonly name: string;
	readonly portfolio_id: string;
	readonly type: string;
	readonly items: readonly string[];
}

export interface AssemblaTokens {
	readonly access_token: string;
	readonly refresh_token: string;
	readonly token_type: 'bearer';
	readonly expires_in: number;
}

export interface AssemblaApi {
	/** Adds a portfolio the default user belongs to (or, with `member: false`, one it cannot see). */
	addPortfolio(subdomain: string, options?: { member?: boolean }): void;
	/** Groups of a portfolio in creation order (a copy). */
	groupsOf(portfolio?: string): AssemblaGroup[];
	/** Groups whose name equals `name` regardless of case: proves nothing was created twice. */
	countGroups(name: string, portfolio?: string): number;
	/** Seeds a group as if created earlier (no request recorded). Throws on a taken name. */
	addGroup(name: string, portfolio?: string, fields?: { type?: string; items?: string[] }): AssemblaGroup;
	/** Tokens for the default user, as the authorization-code exchange would have issued them. */
	issueTokens(): AssemblaTokens;
	/** Makes every access token issued so far expire now (refresh tokens stay valid). */
	expireAccessTokens(): void;
	/** Refresh-token grants served so far. */
	readonly refreshes: number;
	readonly options: AssemblaOptions;
}

const DEFAULT_OPTIONS: AssemblaOptions = {
	accessTokenTtlMs: ACCESS_TOKEN_TTL_MS,
	duplicateShape: 'fields',
	createdBody: 'group',
	maxPerPage: 100,
	uniqueNames: true,
	jsonBody: 'flat',
	emptyPage: '204',
	paging: 'honoured',
};
const GROUP_TYPES = ['space', 'user'];
const MAX_NAME_LENGTH = 255;
const USER = { id: 'bYkZsWDNyr4PMj5bfBjDYC', login: 'sandbox', name: 'Sandbox User', email: 'sandbox@example.invalid' };

interface Portfolio {
	readonly id: string;
	readonly member: boolean;
	/** In creation order. */
	readonly groups: AssemblaGroup[];
	/** Lower-cased names taken: the uniqueness check (the list above is what tests count). */
	readonly taken: Set<string>;
}

type Params = Record<string, unknown>;
type Format = 'json' | 'xml';
/** A Rails errors hash: field → messages (`base` for messages about the whole record). */
type Errors = Record<string, string[]>;

const newId = (): string => randomBytes(16).toString('base64url');

// ---- Rails-like rendering -------------------------------------------------------------------------

const xmlBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });

function xmlValue(value: unknown, itemName = 'item'): unknown {
	if (typeof value === 'number') return { '#text': String(value), '@_type': 'integer' };
	if (Array.isArray(value)) return { '@_type': 'array', [itemName]: value.map((entry) => xmlValue(entry)) };
	if (typeof value === 'object' && value !== null) {
		// ActiveSupport's to_xml dasherizes keys.
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key.replace(/_/g, '-'), xmlValue(entry)]));
	}
	return String(value);
}

function xmlDocument(root: string, value: unknown): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlBuilder.build({ [root]: xmlValue(value, root.replace(/s$/, '')) }) as string}`;
}

function render(format: Format, status: number, root: string, value: unknown, headers?: Record<string, string>): VendorResponse {
	if (format === 'json') return json(status, value, headers);
	return { status, headers, text: xmlDocument(root, value), contentType: 'application/xml; charset=utf-8' };
}

/** `name has already been taken` as Rails' full message: `Name has already been taken`. */
function fullMessages(errors: Errors): string[] {
	return Object.entries(errors).flatMap(([field, messages]) =>
		messages.map((message) => (field === 'base' ? message : `${field[0].toUpperCase()}${field.slice(1)} ${message}`)),
	);
}

function unprocessable(format: Format, errors: Errors, shape: AssemblaDuplicateShape): VendorResponse {
	if (format === 'xml') return render('xml', 422, 'errors', fullMessages(errors));
	if (shape === 'errorsHash') return json(422, { errors });
	if (shape === 'errorsArray') return json(422, { errors: fullMessages(errors) });
	return json(422, errors);
}

const empty = (status: number): VendorResponse => ({ status, text: '' });

// ---- Rails-like parameter parsing -----------------------------------------------------------------

class BadRequest extends Error {}

/** Rack's nested query: `group[name]=a&group[items][]=1&group[items][]=2` → `{ group: { name, items } }`. */
export function parseNestedQuery(text: string): Params {
	const params: Params = {};
	for (const pair of text.split(/[&;]/)) {
		if (pair === '') continue;
		const equals = pair.indexOf('=');
		const decode = (part: string) => {
			try {
				return decodeURIComponent(part.replace(/\+/g, ' '));
			} catch {
				throw new BadRequest('invalid %-encoding');
			}
		};
		const key = decode(equals === -1 ? pair : pair.slice(0, equals));
		const value = equals === -1 ? '' : decode(pair.slice(equals + 1));
		const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
		if (!match) continue;
		const path = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1])];
		let target = params;
		for (const [index, segment] of path.entries()) {
			const last = index === path.length - 1;
			const nextIsList = path[index + 1] === '';
			if (last) {
				target[segment] = value;
			} else if (nextIsList && index + 1 === path.length - 1) {
				const list = Array.isArray(target[segment]) ? (target[segment] as unknown[]) : [];
				list.push(value);
				target[segment] = list;
				break;
			} else {
				const child = target[segment];
				target = (target[segment] = typeof child === 'object' && child !== null && !Array.isArray(child) ? child : {}) as Params;
			}
		}
	}
	return params;
}

const xmlParser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	parseTagValue: false,
	htmlEntities: true,
	ignoreDeclaration: true,
});

/** ActiveSupport's Hash.from_xml: `type="array"` → list, `type="integer"` → number, dashes → underscores. */
function railsXmlValue(node: unknown): unknown {
	if (typeof node !== 'object' || node === null) return node ?? '';
	const record = node as Record<string, unknown>;
	const children = Object.keys(record).filter((key) => !key.startsWith('@_') && key !== '#text');
	if (record['@_type'] === 'array') {
		return children.flatMap((key) => {
			const value = record[key];
			return (Array.isArray(value) ? value : [value]).map(railsXmlValue);
		});
	}
	if (children.length === 0) {
		const text = String(record['#text'] ?? '');
		return record['@_type'] === 'integer' ? Number(text) : text;
	}
	return Object.fromEntries(children.map((key) => [key.replace(/-/g, '_'), railsXmlValue(record[key])]));
}

function parseXml(text: string): Params {
	let document: unknown;
	try {
		document = xmlParser.parse(text, true);
	} catch {
		throw new BadRequest('malformed XML');
	}
	if (typeof document !== 'object' || document === null) throw new BadRequest('malformed XML');
	return Object.fromEntries(
		Object.entries(document as Record<string, unknown>).map(([key, value]) => [key.replace(/-/g, '_'), railsXmlValue(value)]),
	);
}

const GROUP_ATTRIBUTES = ['name', 'type', 'items'];

/** The `group` params of a create request, as the controller would see `params[:group]`. */
function groupParams(request: VendorRequest, jsonBody: AssemblaOptions['jsonBody']): unknown {
	const type = mediaType(request);
	if (type === 'application/json') {
		let body: unknown;
		try {
			body = JSON.parse(request.body);
		} catch {
			throw new BadRequest('malformed JSON');
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
		const record = body as Params;
		const wrapped = 'group' in record;
		// The form this vendor does not take reads as a group without attributes (`group` is no attribute).
		if (wrapped && jsonBody === 'flat') return {};
		if (wrapped) return record.group;
		if (jsonBody === 'wrapped') return {};
		// Rails' params wrapper: the model's attributes of a flat JSON body go under `group`.
		return Object.fromEntries(Object.entries(record).filter(([key]) => GROUP_ATTRIBUTES.includes(key)));
	}
	if (type === 'application/xml' || type === 'text/xml') return parseXml(request.body).group;
	if (type === '' || type === 'application/x-www-form-urlencoded') return parseNestedQuery(request.body).group;
	return undefined; // a body Rails has no parser for: no params at all
}

// ---- the vendor -----------------------------------------------------------------------------------

function create(initial?: Partial<AssemblaOptions>): VendorInstance<AssemblaOptions, AssemblaApi> {
	let options: AssemblaOptions = DEFAULT_OPTIONS;
	let portfolios = new Map<string, Portfolio>();
	let accessTokens = new Map<string, number>(); // token → expires at
	let refreshTokens = new Set<string>();
	let codes = new Map<string, string>(); // authorization code → the redirect URI it was issued for
	let nextGroupId = 1;
	let refreshes = 0;

	const addPortfolio = (subdomain: string, { member = true } = {}): void => {
		if (!portfolios.has(subdomain)) portfolios.set(subdomain, { id: newId(), member, groups: [], taken: new Set() });
	};

	const configure = (patch: Partial<AssemblaOptions>): void => {
		options = { ...options, ...patch };
	};

	const reset = (): void => {
		options = DEFAULT_OPTIONS;
		portfolios = new Map();
		accessTokens = new Map();
		refreshTokens = new Set();
		codes = new Map();
		nextGroupId = 1;
		refreshes = 0;
		addPortfolio(ASSEMBLA_PORTFOLIO);
		if (initial !== undefined) configure(initial);
	};

	const issueAccessToken = (): string => {
		const token = newId();
		accessTokens.set(token, Date.now() + options.accessTokenTtlMs);
		return token;
	};

	const issueTokens = (): AssemblaTokens => {
		const refreshToken = newId();
		refreshTokens.add(refreshToken);
		return {
			access_token: issueAccessToken(),
			refresh_token: refreshToken,
			token_type: 'bearer',
			expires_in: Math.round(options.accessTokenTtlMs / 1000),
		};
	};

	const portfolioOf = (subdomain: string): Portfolio => {
		const portfolio = portfolios.get(subdomain);
		if (portfolio === undefined) throw new Error(`unknown Assembla portfolio ${subdomain}`);
		return portfolio;
	};

	const insert = (portfolio: Portfolio, name: string, type: string, items: string[]): AssemblaGroup => {
		const group = { id: nextGroupId++, name, portfolio_id: portfolio.id, type, items };
		portfolio.groups.push(group);
		portfolio.taken.add(name.toLowerCase());
		return group;
	};

	/** 'ok', or why the request is not authenticated. */
	const authenticate = (request: VendorRequest): 'ok' | 'missing' | 'invalid' | 'expired' => {
		const key = request.headers['x-api-key'];
		const secret = request.headers['x-api-secret'];
		if (key !== undefined || secret !== undefined) {
			return key === ASSEMBLA_API_KEY && secret === ASSEMBLA_API_SECRET ? 'ok' : 'invalid';
		}
		const header = request.headers.authorization ?? '';
		if (!/^bearer /i.test(header)) return 'missing';
		const expiresAt = accessTokens.get(header.slice(7).trim());
		if (expiresAt === undefined) return 'invalid';
		return Date.now() < expiresAt ? 'ok' : 'expired';
	};

	/**
	 * The authorize page: the sandbox's user approves every request of the known client at once, so the
	 * browser goes straight back to `redirect_uri` with a one-time `code` (and the client's `state`).
	 */
	const authorization = (request: VendorRequest): VendorResponse => {
		if (request.method !== 'GET') return empty(405);
		const { client_id: clientId, redirect_uri: redirectUri, response_type: responseType, state } = request.query;
		const refuse = (message: string): VendorResponse => ({ status: 400, text: message, contentType: 'text/plain; charset=utf-8' });
		if (clientId !== ASSEMBLA_CLIENT_ID) return refuse('Unknown client_id');
		if (responseType !== 'code') return refuse('response_type must be code');
		if (typeof redirectUri !== 'string' || !/^https?:\/\//.test(redirectUri)) return refuse('redirect_uri must be an http(s) address');
		const code = newId();
		codes.set(code, redirectUri);
		const back = new URL(redirectUri);
		back.searchParams.set('code', code);
		if (typeof state === 'string') back.searchParams.set('state', state);
		return { status: 302, headers: { location: back.toString() }, text: '' };
	};

	/** `authorization_code`: a code is used once, by the redirect URI it was issued for. */
	const exchangeCode = (form: Params): VendorResponse => {
		const code = typeof form.code === 'string' ? form.code : '';
		const redirectUri = codes.get(code);
		codes.delete(code);
		if (redirectUri === undefined || (form.redirect_uri !== undefined && form.redirect_uri !== redirectUri)) {
			return json(400, { error: 'invalid_grant', error_description: 'The authorization code is invalid or was used already' });
		}
		return json(200, issueTokens());
	};

	const token = (request: VendorRequest): VendorResponse => {
		if (request.method !== 'POST') return empty(405);
		const basic = /^basic (.+)$/i.exec(request.headers.authorization ?? '');
		const client = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
		if (client !== `${ASSEMBLA_CLIENT_ID}:${ASSEMBLA_CLIENT_SECRET}`) {
			return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
		}
		// Assembla's docs put the grant in the query string; OAuth2 clients send a form body. Take either.
		const form = { ...request.query, ...parseNestedQuery(request.body) };
		if (form.grant_type === 'authorization_code') return exchangeCode(form);
		if (form.grant_type !== 'refresh_token') {
			return json(400, { error: 'unsupported_grant_type', error_description: 'The sandbox serves authorization_code and refresh_token' });
		}
		if (typeof form.refresh_token !== 'string' || !refreshTokens.has(form.refresh_token)) {
			return json(400, { error: 'invalid_grant', error_description: 'The refresh token is invalid' });
		}
		refreshes++;
		return json(200, {
			access_token: issueAccessToken(),
			token_type: 'bearer',
			expires_in: Math.round(options.accessTokenTtlMs / 1000),
		});
	};

	const createGroup = (portfolio: Portfolio, request: VendorRequest, format: Format): VendorResponse => {
		let group: unknown;
		try {
			group = groupParams(request, options.jsonBody);
		} catch (error) {
			if (error instanceof BadRequest) return json(400, { error: error.message });
			throw error;
		}
		if (typeof group !== 'object' || group === null || Array.isArray(group)) {
			return json(400, { error: 'param is missing or the value is empty: group' });
		}
		const { name, type = 'space', items = [] } = group as Params;
		const errors: Errors = {};
		const add = (field: string, message: string) => (errors[field] ??= []).push(message);
		if (typeof name !== 'string' || name.trim() === '') add('name', "can't be blank");
		else if ([...name].length > MAX_NAME_LENGTH) add('name', `is too long (maximum is ${MAX_NAME_LENGTH} characters)`);
		else if (options.uniqueNames && portfolio.taken.has(name.toLowerCase())) add('name', 'has already been taken');
		if (typeof type !== 'string' || !GROUP_TYPES.includes(type)) add('type', 'is not included in the list');
		const itemList = Array.isArray(items) && items.every((item) => typeof item === 'string' || typeof item === 'number');
		if (!itemList) add('items', 'is invalid');
		if (Object.keys(errors).length > 0) return unprocessable(format, errors, options.duplicateShape);

		const created = insert(portfolio, name as string, type as string, (items as unknown[]).map(String));
		const headers = { location: `${request.baseUrl}/v1/groups/${created.id}` };
		if (options.createdBody === 'empty') return { status: 201, headers, text: '' };
		return render(format, 201, 'group', created, headers);
	};

	const listGroups = (portfolio: Portfolio, request: VendorRequest, format: Format): VendorResponse => {
		const number = (value: unknown, fallback: number) =>
			typeof value === 'string' && /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : fallback;
		const page = options.paging === 'repeatsFirstPage' ? 1 : number(request.query.page, 1);
		const perPage = Math.min(number(request.query.per_page, 10), options.maxPerPage);
		const slice =
			options.paging === 'returnsAll' ? [...portfolio.groups] : portfolio.groups.slice((page - 1) * perPage, page * perPage);
		if (slice.length === 0) return options.emptyPage === '204' ? empty(204) : render(format, 200, 'groups', []);
		return render(format, 200, 'groups', slice);
	};

	const handle = (request: VendorRequest): VendorResponse => {
		const { path, method } = request;
		if (path === '/token') return token(request);
		if (path === '/authorization') return authorization(request);
		const route = /^\/v1\/(user|groups)\.(json|xml)$/.exec(path);
		if (!route) return empty(404);
		const format = route[2] as Format;
		const auth = authenticate(request);
		if (auth !== 'ok') {
			const description = auth === 'expired' ? 'The access token expired' : 'Invalid or missing credentials';
			return json(401, { error: 'invalid_token', error_description: description });
		}
		if (route[1] === 'user') return method === 'GET' ? render(format, 200, 'user', USER) : empty(405);

		const subdomain = typeof request.query.portfolio === 'string' ? request.query.portfolio : '';
		const portfolio = portfolios.get(subdomain);
		if (portfolio === undefined || !portfolio.member) return empty(404);
		if (method === 'POST') return createGroup(portfolio, request, format);
		if (method === 'GET') return listGroups(portfolio, request, format);
		return empty(405);
	};

	reset();
	return {
		api: {
			addPortfolio,
			groupsOf: (portfolio = ASSEMBLA_PORTFOLIO) => [...portfolioOf(portfolio).groups],
			countGroups: (name, portfolio = ASSEMBLA_PORTFOLIO) =>
				portfolioOf(portfolio).groups.filter((group) => group.name.toLowerCase() === name.toLowerCase()).length,
			addGroup: (name, portfolio = ASSEMBLA_PORTFOLIO, fields = {}) => {
				const target = portfolioOf(portfolio);
				if (options.uniqueNames && target.taken.has(name.toLowerCase())) throw new Error(`group ${JSON.stringify(name)} already exists`);
				return insert(target, name, fields.type ?? 'space', fields.items ?? []);
			},
			issueTokens,
			expireAccessTokens: () => {
				for (const token of accessTokens.keys()) accessTokens.set(token, 0);
			},
			get refreshes() {
				return refreshes;
			},
			get options() {
				return options;
			},
		},
		handle,
		configure,
		reset,
		clearGroups: () => {
			for (const portfolio of portfolios.values()) {
				portfolio.groups.length = 0;
				portfolio.taken.clear();
			}
		},
		credentials: () => ({
			apiKey: ASSEMBLA_API_KEY,
			apiSecret: ASSEMBLA_API_SECRET,
			clientId: ASSEMBLA_CLIENT_ID,
			clientSecret: ASSEMBLA_CLIENT_SECRET,
			portfolio: ASSEMBLA_PORTFOLIO,
		}),
	};
}

export const assembla: VendorModule<'assembla', AssemblaOptions, AssemblaApi> = {
	name: 'assembla',
	prefix: '/assembla',
	create,
};
