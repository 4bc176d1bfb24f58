/**
 * Invisible Collector: Bearer token per company, `GET /companies`, `POST /groups`, `GET /groups`.
 * Contract: docs/vendors/invisible-collector.md. Group names are unique per company, exact match.
 */
import { randomBytes } from 'node:crypto';
import { codeMessage, json, mediaType } from '../http';
import type { VendorInstance, VendorModule, VendorRequest, VendorResponse } from '../types';

/** Token of the account every sandbox starts with (64 hex characters, like real tokens). */
export const IC_DEFAULT_TOKEN = '5ab0c0ffee5ab0c0ffee5ab0c0ffee5ab0c0ffee5ab0c0ffee5ab0c0ffee1234';
export const IC_DEFAULT_COMPANY: IcCompany = { gid: '5ab0c0ffee0000000000c0de', name: 'Sandbox Company' };

/**
 * How a duplicate name is answered (the docs disagree, docs/vendors/invisible-collector.md):
 * '409' `{code, message, gid}`; '409-id' the id in `id`; '409-no-gid' no id; '422' the older page's answer;
 * 'idempotent' the page's "This request is idempotent": 200 with the existing group.
 */
export type IcDuplicateMode = '409' | '409-no-gid' | '409-id' | '422' | 'idempotent';

export interface IcAccountSeed {
	readonly token: string;
	readonly name?: string;
	readonly gid?: string;
}

export interface IcOptions {
	readonly duplicate: IcDuplicateMode;
	/** Extra accounts besides the default one; `configure` adds these to the existing ones. */
	readonly accounts: readonly IcAccountSeed[];
	/** Refuse a second group of the same name (the docs' 409); false lets names repeat. */
	readonly uniqueNames: boolean;
}

export interface IcCompany {
	readonly gid: string;
	readonly name: string;
}

export interface IcGroup {
	readonly id: string;
	readonly name: string;
}

export interface IcApi {
	/** Adds a company reachable with `token` (any non-blank string). Returns the existing one if known. */
	addAccount(token: string, name?: string, gid?: string): IcCompany;
	companyOf(token?: string): IcCompany | undefined;
	/** Groups of the token's company in creation order (a copy). Default token: IC_DEFAULT_TOKEN. */
	groupsOf(token?: string): IcGroup[];
	/** Number of groups named exactly `name`: proves nothing was created twice. */
	countGroups(name: string, token?: string): number;
	/** Seeds an existing group, as if created earlier (no request recorded). Throws on a duplicate while names are unique. */
	addGroup(name: string, token?: string): IcGroup;
	readonly options: IcOptions;
}

const DEFAULT_OPTIONS: IcOptions = { duplicate: '409', accounts: [], uniqueNames: true };
const DUPLICATE_MODES: readonly IcDuplicateMode[] = ['409', '409-no-gid', '409-id', '422', 'idempotent'];

interface Account {
	readonly company: IcCompany;
	/** In creation order. */
	readonly groups: IcGroup[];
	/** First group of each name: O(1) duplicate checks. */
	readonly byName: Map<string, IcGroup>;
}

const newId = (): string => randomBytes(12).toString('hex');

function create(initial?: Partial<IcOptions>): VendorInstance<IcOptions, IcApi> {
	let options: IcOptions = DEFAULT_OPTIONS;
	let accounts = new Map<string, Account>();

	const addAccount = (token: string, name?: string, gid?: string): IcCompany => {
		if (typeof token !== 'string' || token.trim() === '') throw new TypeError('IC account token must be a non-blank string');
		const existing = accounts.get(token);
		if (existing !== undefined) return existing.company;
		const company = { gid: gid ?? newId(), name: name ?? `Company ${accounts.size + 1}` };
		accounts.set(token, { company, groups: [], byName: new Map() });
		return company;
	};

	const configure = (patch: Partial<IcOptions>): void => {
		if (patch.duplicate !== undefined && !DUPLICATE_MODES.includes(patch.duplicate)) {
			throw new RangeError(`invisibleCollector.duplicate must be one of ${DUPLICATE_MODES.join(', ')}`);
		}
		options = { ...options, ...patch, accounts: [...options.accounts, ...(patch.accounts ?? [])] };
		for (const seed of patch.accounts ?? []) addAccount(seed.token, seed.name, seed.gid);
	};

	const reset = (): void => {
		options = DEFAULT_OPTIONS;
		accounts = new Map();
		addAccount(IC_DEFAULT_TOKEN, IC_DEFAULT_COMPANY.name, IC_DEFAULT_COMPANY.gid);
		if (initial !== undefined) configure(initial);
	};

	const accountOf = (token: string): Account => {
		const account = accounts.get(token);
		if (account === undefined) throw new Error(`unknown Invisible Collector token ${token.slice(0, 8)}...`);
		return account;
	};

	const insert = (account: Account, name: string): IcGroup => {
		const group = { id: newId(), name };
		account.groups.push(group);
		if (!account.byName.has(name)) account.byName.set(name, group);
		return group;
	};

	const duplicate = (existing: IcGroup): VendorResponse => {
		switch (options.duplicate) {
			case '409':
				return codeMessage(409, 'Group already registered', { gid: existing.id });
			case '409-id':
				return codeMessage(409, 'Group already registered', { id: existing.id });
			case '409-no-gid':
				return codeMessage(409, 'Group already registered');
			case '422':
				return codeMessage(422, 'A group with the given name already exists');
			case 'idempotent':
				return json(200, existing);
		}
	};

	const createGroup = (account: Account, request: VendorRequest): VendorResponse => {
		if (mediaType(request) !== 'application/json') return codeMessage(415, 'Content-Type must be application/json');
		let body: unknown;
		try {
			body = JSON.parse(request.body);
		} catch {
			return codeMessage(422, 'Malformed JSON body');
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body)) {
			return codeMessage(422, 'The request body must be a group object');
		}
		const name: unknown = (body as Record<string, unknown>).name;
		if (typeof name !== 'string') return codeMessage(422, 'name: must be a string');
		if (name.trim() === '') return codeMessage(422, 'name: must not be blank');
		const existing = account.byName.get(name);
		if (existing !== undefined && options.uniqueNames) return duplicate(existing);
		return json(201, insert(account, name));
	};

	const handle = (request: VendorRequest): VendorResponse => {
		const account = accounts.get(bearerToken(request) ?? '');
		if (account === undefined) return codeMessage(401, 'Credentials are required to access this resource');
		const { path, method } = request;
		if (path === '/companies') {
			return method === 'GET' ? json(200, account.company) : notAllowed('GET');
		}
		if (path === '/groups') {
			if (method === 'POST') return createGroup(account, request);
			if (method === 'GET') return json(200, [...account.groups]);
			return notAllowed('GET, POST');
		}
		return codeMessage(404, 'Not Found');
	};

	reset();
	return {
		api: {
			addAccount,
			companyOf: (token = IC_DEFAULT_TOKEN) => accounts.get(token)?.company,
			groupsOf: (token = IC_DEFAULT_TOKEN) => [...accountOf(token).groups],
			countGroups: (name, token = IC_DEFAULT_TOKEN) => accountOf(token).groups.filter((group) => group.name === name).length,
			addGroup: (name, token = IC_DEFAULT_TOKEN) => {
				const account = accountOf(token);
				if (options.uniqueNames && account.byName.has(name)) throw new Error(`group ${JSON.stringify(name)} already exists`);
				return insert(account, name);
			},
			get options() {
				return options;
			},
		},
		handle,
		configure,
		reset,
		clearGroups: () => {
			for (const account of accounts.values()) {
				account.groups.length = 0;
				account.byName.clear();
			}
		},
		credentials: () => ({ apiToken: IC_DEFAULT_TOKEN }),
	};
}

/** `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 9110). */
function bearerToken(request: VendorRequest): string | undefined {
	const header = request.headers.authorization;
	if (header === undefined || header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined;
	return header.slice(7).trim();
}

function notAllowed(allow: string): VendorResponse {
	return json(405, { code: 405, message: 'Method Not Allowed' }, { allow });
}

export const invisibleCollector: VendorModule<'invisibleCollector', IcOptions, IcApi> = {
	name: 'invisibleCollector',
	prefix: '/invisible-collector',
	create,
};
