/**
 * HelloID (Tools4ever): Basic `apiKey:apiSecret`, `GET /api/v1/groups?take=&skip=`, `POST /api/v1/groups`
 * (one object) and `POST /api/v1/groups/batch` (an array, answered 200 with `succeededGroups` and free-text
 * `failedGroups` in the vendor page's wording). Request field names are read case-insensitively; answers are
 * camelCase. Group names are unique case-insensitively (SQL Server's default collation).
 * Contract and the choices where the documents disagree: docs/vendors/helloid.md.
 */
import { randomUUID } from 'node:crypto';
import { json, mediaType } from '../http';
import type { VendorInstance, VendorModule, VendorRequest, VendorResponse } from '../types';

export const HELLOID_API_KEY = 'hid-sandbox-key-4f1d2c';
export const HELLOID_API_SECRET = 'hid-sandbox-secret-9b7e3a51';
export const HELLOID_COMPANY = 'sandbox';

/** The vendor page's wording for a duplicate, and the prefix of every batch failure. */
export const DUPLICATE_REASON = 'A group with this name already exists.';
export const batchFailure = (name: string, reason: string): string => `Group ${name} was not created, ${reason}`;

export interface HelloIdUser {
	readonly userGuid: string;
	readonly userName: string;
}

/** A group as HelloID answers it (the vendor page's fields, camelCase). */
export interface HelloIdGroup {
	readonly name: string;
	readonly groupGuid: string;
	readonly managedByUserGuid: string | null;
	readonly isEnabled: boolean;
	readonly isDefault: boolean;
	readonly isQrEnabled: boolean;
}

/** What the sandbox keeps of a group besides its answer shape: the links of the request. */
export interface StoredGroup extends HelloIdGroup {
	readonly userNames: readonly string[];
	readonly userGuids: readonly string[];
	readonly applicationNames: readonly string[];
	readonly applicationGuids: readonly string[];
}

export interface HelloIdOptions {
	/** Answer `succeededGroups` and `failedGroups` in reverse request order (the order is undocumented). */
	readonly reverseBatchAnswers: boolean;
	/** Largest batch accepted (400 beyond); null for none, as documented. */
	readonly maxBatchSize: number | null;
	/** Largest `take` a page honours. */
	readonly maxTake: number;
	/** Refuse a second group of the same name (case-insensitive, the page's "already exists"); false lets names repeat. */
	readonly uniqueNames: boolean;
	/**
	 * Where an array of groups is taken (docs/vendors/helloid.md): 'batch' at `/groups/batch` as the page's
	 * Request URI says; 'groups' at `/groups` (and `/groups/`) only, as the page's curl example posts it
	 * (then `/groups/batch` is 404); 'both'. An object at `/groups` is always the single create.
	 */
	readonly batchRoute: 'batch' | 'groups' | 'both';
	/** 'honoured'; 'returnsAll' ignores `take`/`skip`; 'repeatsFirstPage' ignores `skip`. */
	readonly paging: 'honoured' | 'returnsAll' | 'repeatsFirstPage';
	/** API key/secret pairs accepted besides the default one (another company's credential, same groups). */
	readonly extraKeys: readonly { readonly apiKey: string; readonly apiSecret: string }[];
}

export interface HelloIdApi {
	/** Groups in creation order, with their links (a copy). */
	groups(): StoredGroup[];
	/** Groups whose name equals `name` case-insensitively: proves nothing was created twice. */
	countGroups(name: string): number;
	/** Seeds an existing group (no request recorded). Throws on a duplicate. */
	addGroup(name: string): StoredGroup;
	/** Users that UserNames, UserGUIDs and ManagedByUserGuid may refer to; starts with the page's sample users. */
	users(): HelloIdUser[];
	addUser(userName: string, userGuid?: string): HelloIdUser;
	readonly options: HelloIdOptions;
}

const DEFAULT_OPTIONS: HelloIdOptions = {
	reverseBatchAnswers: false,
	maxBatchSize: null,
	maxTake: 1000,
	uniqueNames: true,
	batchRoute: 'batch',
	paging: 'honoured',
	extraKeys: [],
};
const DEFAULT_TAKE = 100;

/** The users of the vendor page's sample request, so it succeeds as written. */
const SEED_USERS: readonly HelloIdUser[] = [
	{ userName: 'Loweng', userGuid: '7DF48871-E9DA-4FB2-9251-00035AD8483B' },
	{ userName: 'P.Vos', userGuid: 'B47680F0-4117-45FE-9F03-000CF783E2C1' },
	{ userName: 'Manager', userGuid: 'F0CE1E44-25E8-4B12-8151-EF3525017647' },
];

const fold = (text: string): string => text.trim().toLowerCase();

/** An error result: HelloID puts the message in `resultMsg` (or `message`). */
const errorResult = (status: number, message: string): VendorResponse => json(status, { resultMsg: message });

type Fields = ReadonlyMap<string, unknown>;

/** Request field names are case-insensitive: `Name`, `name` and `NAME` are the same field. */
function fieldsOf(entry: object): Fields {
	return new Map(Object.entries(entry).map(([key, value]) => [key.toLowerCase(), value]));
}

function stringList(value: unknown): string[] | undefined {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

function create(initial?: Partial<HelloIdOptions>): VendorInstance<HelloIdOptions, HelloIdApi> {
	let options: HelloIdOptions = DEFAULT_OPTIONS;
	let groups: StoredGroup[] = []; // in creation order
	const taken = (name: string): boolean => groups.some((group) => fold(group.name) === fold(name));
	let users = new Map<string, HelloIdUser>(); // by folded GUID and by folded user name

	const addUser = (userName: string, userGuid: string = randomUUID()): HelloIdUser => {
		const user = { userName, userGuid };
		users.set(`guid:${fold(userGuid)}`, user);
		users.set(`name:${fold(userName)}`, user);
		return user;
	};

	const configure = (patch: Partial<HelloIdOptions>): void => {
		options = { ...options, ...patch };
	};

	const reset = (): void => {
		options = DEFAULT_OPTIONS;
		groups = [];
		users = new Map();
		for (const user of SEED_USERS) addUser(user.userName, user.userGuid);
		if (initial !== undefined) configure(initial);
	};

	const insert = (group: Omit<StoredGroup, 'groupGuid'>): StoredGroup => {
		const stored = { ...group, groupGuid: randomUUID() };
		groups.push(stored);
		return stored;
	};

	const answerOf = ({ name, groupGuid, managedByUserGuid, isEnabled, isDefault, isQrEnabled }: StoredGroup): HelloIdGroup => ({
		name,
		groupGuid,
		managedByUserGuid,
		isEnabled,
		isDefault,
		isQrEnabled,
	});

	/** Checks one group of a request: the group to store, or the reason it was not created. */
	const validate = (entry: unknown): { group: Omit<StoredGroup, 'groupGuid'> } | { name: string; reason: string } => {
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { name: '', reason: 'The group is not an object.' };
		const fields = fieldsOf(entry);
		const name = fields.get('name');
		if (typeof name !== 'string' || name.trim() === '') return { name: '', reason: 'Name is required.' };
		const flag = (key: string): boolean | undefined => {
			const value = fields.get(key.toLowerCase());
			return value === undefined || value === null ? false : typeof value === 'boolean' ? value : undefined;
		};
		const [isEnabled, isDefault, isQrEnabled] = [flag('IsEnabled'), flag('IsDefault'), flag('IsQrEnabled')];
		if (isEnabled === undefined || isDefault === undefined || isQrEnabled === undefined) {
			return { name, reason: 'IsEnabled, IsDefault and IsQrEnabled must be true or false.' };
		}
		const lists = ['UserNames', 'UserGUIDs', 'ApplicationNames', 'ApplicationGUIDs'].map((key) => stringList(fields.get(key.toLowerCase())));
		const [userNames, userGuids, applicationNames, applicationGuids] = lists;
		if (!userNames || !userGuids || !applicationNames || !applicationGuids) return { name, reason: 'Lists must hold text only.' };
		const manager = fields.get('managedbyuserguid');
		if (manager !== undefined && manager !== null && (typeof manager !== 'string' || !users.has(`guid:${fold(manager)}`))) {
			return { name, reason: `Managed by user ${String(manager)} was not found.` };
		}
		const unknownName = userNames.find((userName) => !users.has(`name:${fold(userName)}`));
		if (unknownName !== undefined) return { name, reason: `User ${unknownName} was not found.` };
		const unknownGuid = userGuids.find((guid) => !users.has(`guid:${fold(guid)}`));
		if (unknownGuid !== undefined) return { name, reason: `User with GUID ${unknownGuid} was not found.` };
		if (options.uniqueNames && taken(name)) return { name, reason: DUPLICATE_REASON };
		const managedByUserGuid = typeof manager === 'string' ? manager : null;
		return { group: { name, isEnabled, isDefault, isQrEnabled, managedByUserGuid, userNames, userGuids, applicationNames, applicationGuids } };
	};

	const parseJson = (request: VendorRequest): { body: unknown } | { error: VendorResponse } => {
		if (mediaType(request) !== 'application/json') return { error: errorResult(415, 'Content-Type must be application/json.') };
		try {
			return { body: JSON.parse(request.body) as unknown };
		} catch {
			return { error: errorResult(400, 'The request body is malformed.') };
		}
	};

	const createOne = (request: VendorRequest): VendorResponse => {
		const parsed = parseJson(request);
		if ('error' in parsed) return parsed.error;
		if (Array.isArray(parsed.body)) return errorResult(400, 'Expected a group object; use /groups/batch for a list.');
		const result = validate(parsed.body);
		if ('reason' in result) return errorResult(400, result.reason);
		return json(200, answerOf(insert(result.group)));
	};

	const createBatch = (request: VendorRequest): VendorResponse => {
		const parsed = parseJson(request);
		if ('error' in parsed) return parsed.error;
		if (!Array.isArray(parsed.body)) return errorResult(400, 'Expected a list of groups.');
		if (options.maxBatchSize !== null && parsed.body.length > options.maxBatchSize) {
			return errorResult(400, `A batch may hold at most ${options.maxBatchSize} groups.`);
		}
		const succeededGroups: HelloIdGroup[] = [];
		const failedGroups: string[] = [];
		// In request order: a later entry with the name of an earlier one in the same batch is a duplicate.
		for (const entry of parsed.body as unknown[]) {
			const result = validate(entry);
			if ('reason' in result) failedGroups.push(batchFailure(result.name, result.reason));
			else succeededGroups.push(answerOf(insert(result.group)));
		}
		if (options.reverseBatchAnswers) {
			succeededGroups.reverse();
			failedGroups.reverse();
		}
		return json(200, { succeededGroups, failedGroups });
	};

	const list = (request: VendorRequest): VendorResponse => {
		const number = (key: string, fallback: number): number | undefined => {
			const value = request.query[key];
			if (value === undefined) return fallback;
			return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
		};
		const take = number('take', DEFAULT_TAKE);
		const skip = options.paging === 'repeatsFirstPage' ? 0 : number('skip', 0);
		if (take === undefined || skip === undefined) return errorResult(400, 'take and skip must be whole numbers.');
		const page = options.paging === 'returnsAll' ? groups : groups.slice(skip, skip + Math.min(take, options.maxTake));
		return json(200, page.map(answerOf));
	};

	const handle = (request: VendorRequest): VendorResponse => {
		if (!authorized(request, options)) return json(401, { message: 'Authorization has been denied for this request.' });
		const { path, method } = request;
		const arraysOnGroups = options.batchRoute !== 'batch';
		if (path === '/api/v1/groups' || (arraysOnGroups && path === '/api/v1/groups/')) {
			if (method === 'GET') return list(request);
			if (method === 'POST') return arraysOnGroups && request.body.trimStart().startsWith('[') ? createBatch(request) : createOne(request);
			return json(405, { message: 'Method Not Allowed' }, { allow: 'GET, POST' });
		}
		if (path === '/api/v1/groups/batch' && options.batchRoute !== 'groups') {
			return method === 'POST' ? createBatch(request) : json(405, { message: 'Method Not Allowed' }, { allow: 'POST' });
		}
		return json(404, { message: 'Not Found' });
	};

	reset();
	return {
		api: {
			groups: () => [...groups],
			countGroups: (name) => groups.filter((group) => fold(group.name) === fold(name)).length,
			addGroup: (name) => {
				if (options.uniqueNames && taken(name)) throw new Error(`group ${JSON.stringify(name)} already exists`);
				return insert({
					name,
					isEnabled: true,
					isDefault: false,
					isQrEnabled: false,
					managedByUserGuid: null,
					userNames: [],
					userGuids: [],
					applicationNames: [],
					applicationGuids: [],
				});
			},
			users: () => [...new Set(users.values())],
			addUser,
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
		credentials: () => ({ companyName: HELLOID_COMPANY, apiKey: HELLOID_API_KEY, apiSecret: HELLOID_API_SECRET }),
	};
}

/** `Authorization: Basic base64(key:secret)`; the scheme is case-insensitive (RFC 9110). */
function authorized(request: VendorRequest, options: HelloIdOptions): boolean {
	const header = request.headers.authorization;
	if (header === undefined || header.slice(0, 6).toLowerCase() !== 'basic ') return false;
	const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
	const pairs = [{ apiKey: HELLOID_API_KEY, apiSecret: HELLOID_API_SECRET }, ...options.extraKeys];
	return pairs.some(({ apiKey, apiSecret }) => decoded === `${apiKey}:${apiSecret}`);
}

export const helloId: VendorModule<'helloId', HelloIdOptions, HelloIdApi> = {
	name: 'helloId',
	prefix: '/helloid',
	create,
};
