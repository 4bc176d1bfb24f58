/**
 * Oracle Taleo Learn: HTTP Basic for one API user, `GET /learn.rest/v1/learnCenters`,
 * `POST|GET /learn.rest/v1/learnCenters/{id}/groups`, list pages `{count, hasMore, items, limit, offset, links}`.
 * Contract: docs/vendors/taleo-learn.md. Choices where the docs say nothing:
 * - codes are unique across the instance (409, the documented "same identifier"); names only with
 *   `uniqueNames` (per learn center); both compared as SQL Server's default collation does
 *   (case-insensitive, trailing spaces ignored);
 * - request bodies are checked strictly (an unknown field is a 400), so a field sent under the wrong
 *   spelling is noticed; `spelling` says which spelling of name/parentGroupId is accepted;
 * - error bodies follow Oracle's REST error shape `{type, title, status, detail, o:errorCode}`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { json, mediaType } from '../http';
import type { VendorInstance, VendorModule, VendorRequest, VendorResponse } from '../types';

export const TALEO_USERNAME = 'n8n-api';
export const TALEO_PASSWORD = 'S4ndbox-Taleo-Pa55!';
/** The REST root under the sandbox prefix, as under `https://{tenant}.learn.taleo.net`. */
export const TALEO_API_ROOT = '/learn.rest/v1';
/** Users that exist (group owners must be among them). */
export const TALEO_USER_IDS: readonly number[] = [1000, 112867, 112898, 113458];
export const TALEO_MAX_NAME_LENGTH = 50;

export interface TaleoLearnCenter {
	readonly id: number;
	readonly name: string;
	readonly path: string;
}

/** Seven learn centers: with `maxLimit: 2` the list takes four pages. */
export const TALEO_LEARN_CENTERS: readonly TaleoLearnCenter[] = [
	{ id: 178409, name: 'Corporate Academy', path: '/Corporate Academy' },
	{ id: 178410, name: 'Sales Academy', path: '/Corporate Academy/Sales Academy' },
	{ id: 178411, name: 'Engineering', path: '/Corporate Academy/Engineering' },
	{ id: 178412, name: 'Compliance', path: '/Compliance' },
	{ id: 178413, name: 'Partners', path: '/Partners' },
	{ id: 178414, name: 'Customer Education', path: '/Partners/Customer Education' },
	{ id: 178415, name: 'Archive', path: '/Archive' },
];

/** Which spelling of the name and parent group fields a create request may use. */
export type TaleoSpelling = 'both' | 'example' | 'schema';

export interface TaleoOptions {
	readonly spelling: TaleoSpelling;
	/** Largest page a list answers (a larger `limit` is capped, as Oracle's REST services do). */
	readonly maxLimit: number;
	/** Body of a 409: Oracle's error JSON, or nothing at all (the docs show none). */
	readonly conflictBody: 'json' | 'empty';
	/**
	 * Also answer 409 for a name already used in the learn center. Off by default: the docs promise the 409
	 * only for "the same identifier", and `code` (the identifier a client may set) is optional and generated
	 * by the vendor, so nothing documented stops two groups of one name.
	 */
	readonly uniqueNames: boolean;
	/** Owners the create takes: bare user ids (the example), `{id}` objects (the schema), or both. */
	readonly owners: 'ids' | 'objects' | 'both';
	/** 'honoured'; 'returnsAll' ignores `limit`/`offset`; 'repeatsFirstPage' ignores `offset`. */
	readonly paging: 'honoured' | 'returnsAll' | 'repeatsFirstPage';
}

type Link = { readonly rel: string; readonly href: string };

/** A group as the API answers it (the vendor page's GroupResponse, docs/vendors/taleo-learn.md). */
export interface TaleoGroup {
	readonly id: number;
	readonly name: string;
	readonly parentGroupId: number | null;
	readonly statusFlag: 'active' | 'inactive';
	readonly code: string;
	readonly activeFromDate: string | null;
	readonly activeUntilDate: string | null;
	readonly createdDate: string;
	readonly createdBy: { readonly links: readonly Link[] };
	readonly createdByUserId: number;
	readonly lastUpdatedDate: string;
	readonly lastUpdatedBy: { readonly links: readonly Link[] };
	readonly lastUpdatedByUserId: number;
	readonly onlyAllowOwnersToEditGroup: boolean;
	readonly selfServiceOptions: 'private' | 'requiresApproval' | 'doesNotRequireApprovals';
	readonly owners: { readonly items: ReadonlyArray<{ readonly id: number; readonly links: readonly Link[] }>; readonly links: readonly Link[] };
	readonly links: readonly Link[];
}

export interface TaleoGroupSeed {
	readonly name: string;
	readonly code?: string;
	readonly parentGroupId?: number;
}

export interface TaleoApi {
	readonly learnCenters: readonly TaleoLearnCenter[];
	/** Groups of a learn center in creation order (a copy). */
	groupsOf(learnCenterId: number): TaleoGroup[];
	/** Groups of the learn center whose name equals `name` as the sandbox compares names. */
	countGroups(learnCenterId: number, name: string): number;
	/** Every group of every learn center. */
	allGroups(): TaleoGroup[];
	/** Seeds an existing group (no request recorded). Throws when the name or code is taken. */
	addGroup(learnCenterId: number, seed: TaleoGroupSeed): TaleoGroup;
	/** The access token the sandbox hands out in `X-Learn-Access-Token`. */
	readonly accessToken: string;
	readonly options: TaleoOptions;
}

const DEFAULT_OPTIONS: TaleoOptions = {
	spelling: 'both',
	maxLimit: 100,
	conflictBody: 'json',
	uniqueNames: false,
	owners: 'both',
	paging: 'honoured',
};
const SPELLINGS: readonly TaleoSpelling[] = ['both', 'example', 'schema'];
const DEFAULT_LIMIT = 25;
const STATUS_FLAGS = ['active', 'inactive'] as const;
const SELF_SERVICE = ['private', 'requiresApproval', 'doesNotRequireApprovals'] as const;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$/;
/** Fields of the vendor page's example that the server sets itself: taken and ignored. */
const READ_ONLY_FIELDS = ['createdDate', 'createdByUserId', 'lastUpdatedDate', 'lastUpdatedByUserId'];
const COMMON_FIELDS = [
	'statusFlag',
	'code',
	'activeFromDate',
	'activeUntilDate',
	'onlyAllowOwnersToEditGroup',
	'selfServiceOptions',
	'owners',
];
const SPELLED_FIELDS: Record<Exclude<TaleoSpelling, 'both'>, { name: string; parent: string }> = {
	example: { name: 'name', parent: 'parentGroupId' },
	schema: { name: 'groupname', parent: 'parentgroupid' },
};

/** SQL Server's default collation: case-insensitive, trailing spaces do not count. */
const collate = (text: string): string => text.replace(/\s+$/, '').toLowerCase();

function oracleError(status: number, title: string, detail: string, code: string): VendorResponse {
	return json(status, { type: 'http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html', title, status, detail, 'o:errorCode': code });
}

const badRequest = (detail: string): VendorResponse => oracleError(400, 'Bad Request', detail, 'LRN-400');
const notFound = (detail: string): VendorResponse => oracleError(404, 'Not Found', detail, 'LRN-404');

/** A value that is a positive whole number (a JSON number, not text). */
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** Parses `limit`/`offset`; undefined for a malformed one. */
function pageOf(query: VendorRequest['query'], maxLimit: number, paging: TaleoOptions['paging']): { limit: number; offset: number } | undefined {
	if (paging === 'returnsAll') return { limit: Number.MAX_SAFE_INTEGER, offset: 0 };
	const number = (value: string | string[] | undefined, fallback: number) =>
		value === undefined ? fallback : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
	const limit = number(query.limit, DEFAULT_LIMIT);
	const offset = paging === 'repeatsFirstPage' ? 0 : number(query.offset, 0);
	if (!(limit >= 1) || !(offset >= 0)) return undefined;
	return { limit: Math.min(limit, maxLimit), offset };
}

function listPage<T>(all: readonly T[], page: { limit: number; offset: number }, self: string): VendorResponse {
	const items = all.slice(page.offset, page.offset + page.limit);
	return json(200, {
		items,
		count: items.length,
		hasMore: page.offset + items.length < all.length,
		limit: page.limit,
		offset: page.offset,
		links: [{ rel: 'self', href: `${self}?limit=${page.limit}&offset=${page.offset}` }],
	});
}

interface CreateFields {
	name: string;
	parentGroupId: number | null;
	statusFlag: TaleoGroup['statusFlag'];
	code: string;
	activeFromDate: string | null;
	activeUntilDate: string | null;
	onlyAllowOwnersToEditGroup: boolean;
	selfServiceOptions: TaleoGroup['selfServiceOptions'];
	owners: number[];
}

/** Reads a GroupRequest body strictly; a string is the 400's detail. */
function readGroupRequest(body: Record<string, unknown>, spelling: TaleoSpelling, ownerShape: TaleoOptions['owners']): CreateFields | string {
	const spellings = spelling === 'both' ? (['example', 'schema'] as const) : ([spelling] as const);
	const used = spellings.filter((s) => SPELLED_FIELDS[s].name in body || SPELLED_FIELDS[s].parent in body);
	if (used.length > 1) return 'The request mixes "name"/"parentGroupId" with "groupname"/"parentgroupid"';
	const fields = SPELLED_FIELDS[used[0] ?? spellings[0]];
	const allowed = new Set([fields.name, fields.parent, ...COMMON_FIELDS, ...READ_ONLY_FIELDS]);
	const unknown = Object.keys(body).find((key) => !allowed.has(key));
	if (unknown !== undefined) return `Unrecognized field "${unknown}"`;

	const name = body[fields.name];
	if (typeof name !== 'string' || name.trim() === '') return `"${fields.name}" is required`;
	if ([...name].length > TALEO_MAX_NAME_LENGTH) return `"${fields.name}" must be at most ${TALEO_MAX_NAME_LENGTH} characters`;
	const parent = body[fields.parent];
	if (parent !== undefined && parent !== null && !isId(parent)) return `"${fields.parent}" must be a group id`;
	const statusFlag = body.statusFlag ?? 'active';
	if (!STATUS_FLAGS.includes(statusFlag as TaleoGroup['statusFlag'])) return '"statusFlag" must be active or inactive';
	const code = body.code ?? randomUUID();
	if (typeof code !== 'string' || code.trim() === '') return '"code" must be a non-empty string';
	const dates: Array<string | null> = [];
	for (const key of ['activeFromDate', 'activeUntilDate']) {
		const value = body[key] ?? null;
		if (value !== null && (typeof value !== 'string' || !DATE_TIME.test(value))) return `"${key}" must be a date like 2017-05-06T00:00:00`;
		dates.push(value);
	}
	const [activeFromDate, activeUntilDate] = dates;
	if (activeFromDate && activeUntilDate && activeFromDate >= activeUntilDate) return '"activeUntilDate" must be after "activeFromDate"';
	const onlyOwners = body.onlyAllowOwnersToEditGroup ?? true;
	if (typeof onlyOwners !== 'boolean') return '"onlyAllowOwnersToEditGroup" must be true or false';
	const selfService = body.selfServiceOptions ?? 'private';
	if (!SELF_SERVICE.includes(selfService as TaleoGroup['selfServiceOptions'])) {
		return `"selfServiceOptions" must be one of ${SELF_SERVICE.join(', ')}`;
	}
	const rawOwners = body.owners ?? [];
	if (!Array.isArray(rawOwners)) return '"owners" must be an array';
	const owners: number[] = [];
	for (const owner of rawOwners) {
		// The example sends bare ids; the schema calls the entries objects: `owners` says which are taken.
		const isObjectEntry = typeof owner === 'object' && owner !== null;
		if (ownerShape === 'ids' && isObjectEntry) return '"owners" must hold user ids';
		if (ownerShape === 'objects' && !isObjectEntry) return '"owners" must hold owner objects';
		const id: unknown = isObjectEntry ? (owner as { id?: unknown }).id : owner;
		if (!isId(id)) return '"owners" must hold user ids';
		if (!TALEO_USER_IDS.includes(id)) return `User ${id} does not exist`;
		owners.push(id);
	}
	return {
		name,
		parentGroupId: parent ?? null,
		statusFlag: statusFlag as TaleoGroup['statusFlag'],
		code,
		activeFromDate,
		activeUntilDate,
		onlyAllowOwnersToEditGroup: onlyOwners,
		selfServiceOptions: selfService as TaleoGroup['selfServiceOptions'],
		owners,
	};
}

function create(initial?: Partial<TaleoOptions>): VendorInstance<TaleoOptions, TaleoApi> {
	let options: TaleoOptions = DEFAULT_OPTIONS;
	let groups = new Map<number, TaleoGroup[]>();
	let nextId = 766;
	const accessToken = randomBytes(24).toString('base64url');

	const configure = (patch: Partial<TaleoOptions>): void => {
		if (patch.spelling !== undefined && !SPELLINGS.includes(patch.spelling)) {
			throw new RangeError(`taleoLearn.spelling must be one of ${SPELLINGS.join(', ')}`);
		}
		if (patch.maxLimit !== undefined && !(Number.isInteger(patch.maxLimit) && patch.maxLimit >= 1)) {
			throw new RangeError(`taleoLearn.maxLimit must be a positive integer, got ${patch.maxLimit}`);
		}
		if (patch.conflictBody !== undefined && !['json', 'empty'].includes(patch.conflictBody)) {
			throw new RangeError('taleoLearn.conflictBody must be json or empty');
		}
		options = { ...options, ...patch };
	};

	const reset = (): void => {
		options = DEFAULT_OPTIONS;
		groups = new Map(TALEO_LEARN_CENTERS.map((center) => [center.id, []]));
		nextId = 766;
		if (initial !== undefined) configure(initial);
	};

	const allGroups = (): TaleoGroup[] => [...groups.values()].flat();

	/** Why the name or code cannot be used, or undefined. */
	const takenBy = (learnCenterId: number, name: string, code: string): TaleoGroup | undefined =>
		(options.uniqueNames ? groups.get(learnCenterId)?.find((group) => collate(group.name) === collate(name)) : undefined) ??
		allGroups().find((group) => collate(group.code) === collate(code));

	const insert = (learnCenterId: number, fields: CreateFields, root: string): TaleoGroup => {
		const id = nextId++;
		const now = new Date().toISOString().slice(0, 23);
		const self = `${root}/learnCenters/${learnCenterId}/groups/${id}`;
		const userLinks = (userId: number) => ({ links: [{ rel: 'canonical', href: `${root}/users/${userId}` }] });
		const group: TaleoGroup = {
			id,
			...fields,
			createdDate: now,
			createdBy: userLinks(1000),
			createdByUserId: 1000,
			lastUpdatedDate: now,
			lastUpdatedBy: userLinks(1000),
			lastUpdatedByUserId: 1000,
			owners: {
				items: fields.owners.map((owner) => ({ id: owner, links: [{ rel: 'canonical', href: `${self}/owners/${owner}` }] })),
				links: [{ rel: 'canonical', href: `${self}/owners` }],
			},
			links: [{ rel: 'canonical', href: self }],
		};
		groups.get(learnCenterId)?.push(group);
		return group;
	};

	const createGroup = (learnCenterId: number, request: VendorRequest, root: string): VendorResponse => {
		if (mediaType(request) !== 'application/json') {
			return oracleError(415, 'Unsupported Media Type', 'Content-Type must be application/json', 'LRN-415');
		}
		let body: unknown;
		try {
			body = JSON.parse(request.body);
		} catch {
			return badRequest('The request body is not valid JSON');
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body)) return badRequest('The request body must be a group object');
		const fields = readGroupRequest(body as Record<string, unknown>, options.spelling, options.owners);
		if (typeof fields === 'string') return badRequest(fields);
		if (fields.parentGroupId !== null && !groups.get(learnCenterId)?.some((group) => group.id === fields.parentGroupId)) {
			return badRequest(`Parent group ${fields.parentGroupId} does not exist in learn center ${learnCenterId}`);
		}
		if (takenBy(learnCenterId, fields.name, fields.code) !== undefined) {
			return options.conflictBody === 'empty'
				? { status: 409, text: '' }
				: oracleError(409, 'Conflict', 'Another resource with the same identifier already exists.', 'LRN-409');
		}
		return json(201, insert(learnCenterId, fields, root));
	};

	const route = (request: VendorRequest, root: string): VendorResponse => {
		const { method } = request;
		const rest = request.path.slice(TALEO_API_ROOT.length);
		if (rest === '/learnCenters') {
			if (method !== 'GET') return oracleError(405, 'Method Not Allowed', 'Use GET', 'LRN-405');
			const page = pageOf(request.query, options.maxLimit, options.paging);
			return page ? listPage(TALEO_LEARN_CENTERS, page, `${root}/learnCenters`) : badRequest('limit and offset must be whole numbers');
		}
		// Only digits make a learn center id: an encoded slash or dot segment is just an unknown path.
		const match = /^\/learnCenters\/([^/]+)\/groups$/.exec(rest);
		if (!match) return notFound(`No resource at ${request.path}`);
		const learnCenterId = /^\d+$/.test(match[1]) ? Number(match[1]) : NaN;
		const centerGroups = groups.get(learnCenterId);
		if (centerGroups === undefined) return notFound(`Learn center ${match[1]} was not found`);
		if (method === 'POST') return createGroup(learnCenterId, request, root);
		if (method !== 'GET') return oracleError(405, 'Method Not Allowed', 'Use GET or POST', 'LRN-405');
		const page = pageOf(request.query, options.maxLimit, options.paging);
		return page ? listPage(centerGroups, page, `${root}/learnCenters/${learnCenterId}/groups`) : badRequest('limit and offset must be whole numbers');
	};

	const handle = (request: VendorRequest): VendorResponse => {
		if (!isAuthorized(request)) {
			return { ...oracleError(401, 'Unauthorized', 'Authentication failed', 'LRN-401'), headers: { 'www-authenticate': 'Basic realm="learn.rest"' } };
		}
		if (!request.path.startsWith(`${TALEO_API_ROOT}/`)) return notFound(`No resource at ${request.path}`);
		const answer = route(request, `${request.baseUrl}${TALEO_API_ROOT}`);
		// Every authenticated answer carries a session token (30-minute sliding expiry at the real vendor).
		return { ...answer, headers: { ...answer.headers, 'x-learn-access-token': accessToken } };
	};

	reset();
	return {
		api: {
			learnCenters: TALEO_LEARN_CENTERS,
			groupsOf: (learnCenterId) => [...(groups.get(learnCenterId) ?? [])],
			countGroups: (learnCenterId, name) =>
				(groups.get(learnCenterId) ?? []).filter((group) => collate(group.name) === collate(name)).length,
			allGroups,
			addGroup: (learnCenterId, seed) => {
				if (!groups.has(learnCenterId)) throw new Error(`unknown learn center ${learnCenterId}`);
				const code = seed.code ?? randomUUID();
				if (takenBy(learnCenterId, seed.name, code)) throw new Error(`group ${JSON.stringify(seed.name)} or its code is taken`);
				const fields: CreateFields = {
					name: seed.name,
					parentGroupId: seed.parentGroupId ?? null,
					statusFlag: 'active',
					code,
					activeFromDate: null,
					activeUntilDate: null,
					onlyAllowOwnersToEditGroup: true,
					selfServiceOptions: 'private',
					owners: [],
				};
				return insert(learnCenterId, fields, `https://sandbox.learn.taleo.net${TALEO_API_ROOT}`);
			},
			accessToken,
			get options() {
				return options;
			},
		},
		handle,
		configure,
		reset,
		clearGroups: () => {
			groups = new Map(TALEO_LEARN_CENTERS.map((center) => [center.id, []]));
		},
		credentials: () => ({ username: TALEO_USERNAME, password: TALEO_PASSWORD }),
	};
}

/** `Authorization: Basic base64(user:password)` of the API user; the scheme is case-insensitive. */
function isAuthorized(request: VendorRequest): boolean {
	const header = request.headers.authorization;
	if (header === undefined || !/^basic /i.test(header)) return false;
	const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
	return decoded === `${TALEO_USERNAME}:${TALEO_PASSWORD}`;
}

export const taleoLearn: VendorModule<'taleoLearn', TaleoOptions, TaleoApi> = {
	name: 'taleoLearn',
	prefix: '/taleo-learn',
	create,
};
