/**
 * SCIM 2.0: the Groups endpoint of a service built on `scimmy` + `scimmy-routers`, an independent
 * SCIM implementation from npm. Request parsing, filters, paging, schema checks and error bodies are
 * that library's; this module holds only the in-memory store, the authentication and the switches.
 * Contract: docs/vendors/scim.md.
 *
 * scimmy-routers is an Express router and its handlers are asynchronous, so the instance runs it on
 * its own loopback port (unref'd: it never keeps a test process alive) and `handle` forwards each
 * request there; faults, the rate limit and the request log stay the sandbox server's.
 */
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import type { Query, VendorInstance, VendorModule, VendorRequest, VendorResponse } from '../types';

export const SCIM_DEFAULT_TOKEN = 'scim-sandbox-token-7c1e2f0a9b8d4c3e';
export const SCIM_DEFAULT_USER = 'scim-provisioner';
export const SCIM_DEFAULT_PASSWORD = 'scim-sandbox-password-41d2';

export interface ScimOptions {
	/** Refuse a second group of the same `displayName` (exact spelling) with 409 `uniqueness`; false lets names repeat. */
	readonly uniqueNames: boolean;
	/** `ignored`: the service drops `startIndex` and `count` and answers every group at once (a service that does not page as asked). */
	readonly paging: 'honoured' | 'ignored';
}

export interface ScimGroup {
	readonly id: string;
	readonly displayName: string;
	readonly externalId?: string;
	members?: { value: string; display?: string }[];
}

export interface ScimApi {
	/** Groups in creation order (a copy). */
	groups(): ScimGroup[];
	/** Number of groups named exactly `name`: proves nothing was created twice. */
	countGroups(name: string): number;
	/** Seeds an existing group, as if created earlier (no request recorded). Throws on a duplicate while names are unique. */
	addGroup(displayName: string, externalId?: string): ScimGroup;
	readonly options: ScimOptions;
}

const DEFAULT_OPTIONS: ScimOptions = { uniqueNames: true, paging: 'honoured' };

interface Store {
	groups: ScimGroup[];
	options: ScimOptions;
}

const copy = (group: ScimGroup): ScimGroup => ({
	...group,
	...(group.members === undefined ? {} : { members: group.members.map((member) => ({ ...member })) }),
});

/** SCIMMY keeps its resource handlers globally: they are declared once and reach each instance's store through the context. */
let declared = false;
function declareGroups(): void {
	if (declared) return;
	declared = true;
	SCIMMY.Resources.declare(SCIMMY.Resources.Group)
		.egress((resource, store: Store) => {
			if (resource.id !== undefined) {
				const found = store.groups.find((group) => group.id === resource.id);
				if (!found) throw new SCIMMY.Types.Error(404, null!, `Resource ${resource.id} not found`);
				return copy(found);
			}
			const all = store.groups.map(copy);
			return resource.filter ? resource.filter.match(all) : all;
		})
		.ingress((resource, instance, store: Store) => {
			if (resource.id !== undefined) throw new SCIMMY.Types.Error(501, null!, 'Only POST /Groups is served by this sandbox');
			const displayName = String(instance.displayName);
			if (store.options.uniqueNames && store.groups.some((group) => group.displayName === displayName)) {
				throw new SCIMMY.Types.Error(409, 'uniqueness', `A group with displayName "${displayName}" already exists`);
			}
			const group: ScimGroup = {
				id: randomUUID(),
				displayName,
				...(instance.externalId === undefined ? {} : { externalId: String(instance.externalId) }),
				...(instance.members === undefined
					? {}
					: { members: (instance.members as { value: string }[]).map(({ value }) => ({ value: String(value) })) }),
			};
			store.groups.push(group);
			return copy(group);
		})
		.degress(() => {
			throw new SCIMMY.Types.Error(501, null!, 'DELETE is not served by this sandbox');
		});
}

/** Bearer with the token, or Basic with the user and password; anything else is refused (scimmy-routers answers 401). */
function authenticate(authorization: string | undefined): string {
	if (authorization === `Bearer ${SCIM_DEFAULT_TOKEN}`) return 'token';
	const basic = `Basic ${Buffer.from(`${SCIM_DEFAULT_USER}:${SCIM_DEFAULT_PASSWORD}`).toString('base64')}`;
	if (authorization === basic) return SCIM_DEFAULT_USER;
	throw new Error('Authorization failed: a valid Bearer token or Basic user and password is required');
}

function queryString(query: Query): string {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) for (const one of [value].flat()) search.append(key, one);
	const text = search.toString();
	return text === '' ? '' : `?${text}`;
}

function withoutPaging(query: Query): Query {
	return Object.fromEntries(Object.entries(query).filter(([key]) => key !== 'startIndex' && key !== 'count'));
}

const FORWARDED_HEADERS = ['authorization', 'content-type', 'accept'] as const;

function create(initial?: Partial<ScimOptions>): VendorInstance<ScimOptions, ScimApi> {
	declareGroups();
	const store: Store = { groups: [], options: DEFAULT_OPTIONS };

	const app = express();
	app.use(
		'/scim',
		new SCIMMYRouters({
			type: 'bearer',
			handler: (req) => authenticate(req.header('authorization')),
			context: () => store,
		}),
	);
	const server: Server = createServer(app);
	const port = new Promise<number>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
	});
	server.unref();

	const forward = async (req: VendorRequest): Promise<VendorResponse> => {
		const headers: Record<string, string> = {};
		for (const name of FORWARDED_HEADERS) {
			const value = req.headers[name];
			if (typeof value === 'string') headers[name] = value;
		}
		if (req.body !== '') headers['content-length'] = String(Buffer.byteLength(req.body));
		const query = store.options.paging === 'ignored' ? withoutPaging(req.query) : req.query;
		const target = { host: '127.0.0.1', port: await port, method: req.method, path: `/scim${req.path}${queryString(query)}` };
		return await new Promise<VendorResponse>((resolve, reject) => {
			const outgoing = httpRequest({ ...target, headers, agent: false }, (incoming) => {
				const chunks: Buffer[] = [];
				incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
				incoming.on('end', () =>
					resolve({
						status: incoming.statusCode ?? 500,
						text: Buffer.concat(chunks).toString('utf8'),
						contentType: incoming.headers['content-type'] ?? 'application/scim+json',
					}),
				);
				incoming.on('error', reject);
			});
			outgoing.on('error', reject);
			outgoing.end(req.body === '' ? undefined : req.body);
		});
	};

	const configure = (patch: Partial<ScimOptions>): void => {
		store.options = { ...store.options, ...patch };
	};
	const reset = (): void => {
		store.groups = [];
		store.options = DEFAULT_OPTIONS;
		if (initial !== undefined) configure(initial);
	};
	reset();

	const api: ScimApi = {
		groups: () => store.groups.map(copy),
		countGroups: (name) => store.groups.filter((group) => group.displayName === name).length,
		addGroup: (displayName, externalId) => {
			if (store.options.uniqueNames && store.groups.some((group) => group.displayName === displayName)) {
				throw new Error(`the SCIM sandbox already holds a group named ${JSON.stringify(displayName)}`);
			}
			const group: ScimGroup = { id: randomUUID(), displayName, ...(externalId === undefined ? {} : { externalId }) };
			store.groups.push(group);
			return copy(group);
		},
		get options() {
			return store.options;
		},
	};

	return {
		api,
		handle: forward,
		configure,
		reset,
		// Groups only: tokens and options are fixed per instance here, so nothing else to keep.
		clearGroups: () => {
			store.groups = [];
		},
		credentials: () => ({ token: SCIM_DEFAULT_TOKEN, username: SCIM_DEFAULT_USER, password: SCIM_DEFAULT_PASSWORD }),
	};
}

export const scim: VendorModule<'scim', ScimOptions, ScimApi> = { name: 'scim', prefix: '/scim', create };
