/**
 * One row per vendor (and per request mode where a vendor has two), so one test body runs for every
 * vendor: the node and credentials come from the one table of the vendors (`test/support/vendors.ts`);
 * what these suites check of each vendor (statuses, retries, secrets to look for, how to count its
 * groups) is written here.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { CredentialStore, OnErrorSetting, RunResult } from '../harness';
import type { RecordedRequest, Sandbox, VendorName } from '../sandbox/types';
import { ASSEMBLA_CLIENT_ID, ASSEMBLA_CLIENT_SECRET } from '../sandbox/vendors/assembla';
import { runNode } from '../support/run';
import { sandboxCredential, TALEO_LEARN_CENTER, VENDORS } from '../support/vendors';

export const LEARN_CENTER = TALEO_LEARN_CENTER;

/** Token of an extra Invisible Collector account, so the secret is one this suite chose. */
export const IC_HARDENING_TOKEN = 'IC-HARDENING-TOKEN-3f9a1c77e0b24d6d8c5e9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** One credential type of a vendor, with a working and a refused set of distinctive secrets. */
export interface CredentialCase {
	/** Credential type name. */
	type: string;
	/** A store the sandbox accepts (sets the sandbox up where the secret is this suite's own). */
	working(sandbox: Sandbox): CredentialStore;
	/** The same credential with secrets the sandbox refuses. */
	refused(sandbox: Sandbox): CredentialStore;
	/**
	 * Every form of a secret that must never show up: the typed values, and what the credential
	 * derives (Base64 pairs, md5, fetched tokens), read from the store after the run.
	 */
	secretForms(store: CredentialStore): string[];
}

export interface VendorCase {
	/** Names the row in test titles. */
	label: string;
	vendor: VendorName;
	displayName: string;
	/** Node parameters every run of this row adds to the node's "Group → Create" defaults. */
	parameters: INodeParameters;
	/** Options every run of this row adds (HelloID's mode). */
	options: IDataObject;
	/** The first one is used unless a test picks another. */
	credentials: CredentialCase[];
	/** The create request, as a fault match. */
	create: { method: 'POST'; path: string };
	/** Items per create request: 1, or the batch's entries. */
	batch: boolean;
	/** 2xx status of a successful create. */
	successStatus: number;
	/** Whether the vendor's node retries a 500 (beyond the shared 429, 502, 503, 504). */
	retries500: boolean;
	/**
	 * Whether the vendor is documented to refuse a second create of one group (its duplicate answer):
	 * where not, the node looks the name up before sending a create again after an unclear attempt.
	 */
	refusesRepeatedCreate: boolean;
	createRequests(sandbox: Sandbox): RecordedRequest[];
	/** Group entries the create requests carried (a batch counts each of its groups). */
	sentEntries(sandbox: Sandbox): number;
	/** Groups the vendor holds under `name` (as the vendor compares names). */
	countGroups(sandbox: Sandbox, name: string): number;
	/** All groups the vendor holds in the place the node writes to. */
	groupNames(sandbox: Sandbox): string[];
	/** The id the vendor gave the group `name`, as a string. */
	groupId(sandbox: Sandbox, name: string): string | undefined;
}

export interface CaseRun {
	items: IDataObject[];
	/** Added to (and overriding) the row's options. */
	options?: IDataObject;
	/** Added to (and overriding) the row's parameters. */
	parameters?: INodeParameters;
	onError?: OnErrorSetting;
	/** Which credential case, by type name; defaults to the first. */
	credentialType?: string;
	/** Replaces the credential store (to reuse one across runs, or to use refused secrets). */
	credentials?: CredentialStore;
}

export function credentialCase(vendorCase: VendorCase, type?: string): CredentialCase {
	const found = type === undefined ? vendorCase.credentials[0] : vendorCase.credentials.find((c) => c.type === type);
	if (!found) throw new Error(`${vendorCase.label} has no credential type ${type}`);
	return found;
}

export async function runCase(sandbox: Sandbox, vendorCase: VendorCase, run: CaseRun): Promise<RunResult> {
	const credential = credentialCase(vendorCase, run.credentialType);
	return await runNode(sandbox, vendorCase.vendor, {
		items: run.items,
		parameters: { ...vendorCase.parameters, ...run.parameters },
		options: { ...vendorCase.options, ...run.options },
		onError: run.onError,
		credentialType: credential.type,
		credentials: run.credentials ?? credential.working(sandbox),
	});
}

const wiring = (vendor: VendorName) => ({ vendor, displayName: VENDORS[vendor].displayName });

const createRequests = (vendor: VendorName) => (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter(VENDORS[vendor].isCreate);

const posts = (sandbox: Sandbox, vendor: VendorName, path: string): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.vendor === vendor && request.method === 'POST' && request.path === path);

// ---- Invisible Collector ------------------------------------------------------------------------

const invisibleCollector: VendorCase = {
	label: 'Invisible Collector',
	...wiring('invisibleCollector'),
	parameters: {},
	options: {},
	credentials: [
		{
			type: 'invisibleCollectorApi',
			working: (sandbox) => {
				sandbox.vendors.invisibleCollector.addAccount(IC_HARDENING_TOKEN, 'Hardening Company');
				return { invisibleCollectorApi: { apiToken: IC_HARDENING_TOKEN, baseUrl: sandbox.baseUrl('invisibleCollector') } };
			},
			refused: (sandbox) => ({
				invisibleCollectorApi: {
					apiToken: 'IC-REFUSED-TOKEN-d41d8cd98f00b204e9800998ecf8427e0123456789abcdef0123456789ab',
					baseUrl: sandbox.baseUrl('invisibleCollector'),
				},
			}),
			secretForms: (store) => {
				const token = String(store.invisibleCollectorApi.apiToken);
				return [token, base64(token)];
			},
		},
	],
	create: { method: 'POST', path: '/groups' },
	batch: false,
	successStatus: 201,
	retries500: false,
	refusesRepeatedCreate: true,
	createRequests: createRequests('invisibleCollector'),
	sentEntries: (sandbox) => createRequests('invisibleCollector')(sandbox).length,
	countGroups: (sandbox, name) => sandbox.vendors.invisibleCollector.countGroups(name, IC_HARDENING_TOKEN),
	groupNames: (sandbox) => sandbox.vendors.invisibleCollector.groupsOf(IC_HARDENING_TOKEN).map((group) => group.name),
	groupId: (sandbox, name) =>
		sandbox.vendors.invisibleCollector.groupsOf(IC_HARDENING_TOKEN).find((group) => group.name === name)?.id,
};

// ---- Assembla -----------------------------------------------------------------------------------

/** An OAuth2 credential connected once, whose tokens the sandbox never issued. */
const refusedAssemblaOAuth2 = (sandbox: Sandbox): CredentialStore => ({
	assemblaOAuth2Api: {
		clientId: ASSEMBLA_CLIENT_ID,
		clientSecret: ASSEMBLA_CLIENT_SECRET,
		baseUrl: sandbox.baseUrl('assembla'),
		oauthTokenData: { access_token: 'ASSEMBLA-REFUSED-ACCESS-8c1f', refresh_token: 'ASSEMBLA-REFUSED-REFRESH-2b7e', token_type: 'bearer' },
	},
});

function oauthTokens(store: CredentialStore, type: string): string[] {
	const data = store[type]?.oauthTokenData;
	if (typeof data !== 'object' || data === null) return [];
	const { access_token: access, refresh_token: refresh } = data as IDataObject;
	return [access, refresh].filter((token): token is string => typeof token === 'string');
}

const assemblaCredentials: CredentialCase[] = [
	{
		type: 'assemblaApi',
		working: (sandbox) => sandboxCredential(sandbox, 'assembla', 'assemblaApi'),
		refused: (sandbox) => sandboxCredential(sandbox, 'assembla', 'assemblaApi', { apiSecret: 'ASSEMBLA-REFUSED-SECRET-61e0c9d4a7' }),
		secretForms: (store) => {
			const { apiKey, apiSecret } = store.assemblaApi as Record<string, string>;
			return [apiKey, apiSecret, base64(apiKey), base64(apiSecret)];
		},
	},
	{
		type: 'assemblaOAuth2Api',
		working: (sandbox) => sandboxCredential(sandbox, 'assembla', 'assemblaOAuth2Api'),
		refused: refusedAssemblaOAuth2,
		secretForms: (store) => {
			const { clientId, clientSecret } = store.assemblaOAuth2Api as Record<string, string>;
			const tokens = oauthTokens(store, 'assemblaOAuth2Api');
			return [clientSecret, base64(clientSecret), base64(`${clientId}:${clientSecret}`), ...tokens, ...tokens.map(base64)];
		},
	},
];

const assemblaCase = (label: string, bodyFormat: string): VendorCase => ({
	label,
	...wiring('assembla'),
	parameters: { type: 'space' },
	options: { bodyFormat },
	credentials: assemblaCredentials,
	create: { method: 'POST', path: '/v1/groups' },
	batch: false,
	successStatus: 201,
	retries500: false,
	refusesRepeatedCreate: true,
	createRequests: createRequests('assembla'),
	sentEntries: (sandbox) => createRequests('assembla')(sandbox).length,
	countGroups: (sandbox, name) => sandbox.vendors.assembla.countGroups(name),
	groupNames: (sandbox) => sandbox.vendors.assembla.groupsOf().map((group) => group.name),
	groupId: (sandbox, name) => {
		const group = sandbox.vendors.assembla.groupsOf().find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
		return group === undefined ? undefined : String(group.id);
	},
});

// ---- HelloID ------------------------------------------------------------------------------------


const helloIdCredentials: CredentialCase[] = [
	{
		type: 'helloIdApi',
		working: (sandbox) => sandboxCredential(sandbox, 'helloId', 'helloIdApi'),
		refused: (sandbox) => sandboxCredential(sandbox, 'helloId', 'helloIdApi', { apiSecret: 'HELLOID-REFUSED-SECRET-0d3b9e72' }),
		secretForms: (store) => {
			const { apiKey, apiSecret } = store.helloIdApi as Record<string, string>;
			return [apiKey, apiSecret, base64(apiSecret), `${apiKey}:${apiSecret}`, base64(`${apiKey}:${apiSecret}`)];
		},
	},
];

const HELLOID_SINGLE = '/api/v1/groups';
const HELLOID_BATCH = '/api/v1/groups/batch';

const helloIdCase = (label: string, mode: 'single' | 'batch'): VendorCase => {
	const path = mode === 'batch' ? HELLOID_BATCH : HELLOID_SINGLE;
	return {
		label,
		...wiring('helloId'),
		parameters: {},
		options: { mode },
		credentials: helloIdCredentials,
		create: { method: 'POST', path },
		batch: mode === 'batch',
		successStatus: 200,
		retries500: false,
		refusesRepeatedCreate: true,
		createRequests: (sandbox) => posts(sandbox, 'helloId', path),
		sentEntries: (sandbox) =>
			posts(sandbox, 'helloId', path).reduce((sum, request) => {
				if (mode === 'single') return sum + 1;
				const body: unknown = JSON.parse(request.body);
				return sum + (Array.isArray(body) ? body.length : 0);
			}, 0),
		countGroups: (sandbox, name) => sandbox.vendors.helloId.countGroups(name),
		groupNames: (sandbox) => sandbox.vendors.helloId.groups().map((group) => group.name),
		groupId: (sandbox, name) =>
			sandbox.vendors.helloId.groups().find((group) => group.name.trim().toLowerCase() === name.trim().toLowerCase())
				?.groupGuid,
	};
};

// ---- Capillary ----------------------------------------------------------------------------------

const capillaryCredentials: CredentialCase[] = [
	{
		type: 'capillaryApi',
		working: (sandbox) => sandboxCredential(sandbox, 'capillary', 'capillaryApi'),
		refused: (sandbox) => sandboxCredential(sandbox, 'capillary', 'capillaryApi', { password: 'CAPILLARY-REFUSED-PASSWORD-5e8d' }),
		secretForms: (store) => {
			const { username, password } = store.capillaryApi as Record<string, string>;
			const hash = md5(password);
			return [password, base64(password), hash, `${username}:${hash}`, base64(`${username}:${hash}`)];
		},
	},
	{
		type: 'capillaryOAuthApi',
		working: (sandbox) => sandboxCredential(sandbox, 'capillary', 'capillaryOAuthApi'),
		refused: (sandbox) =>
			sandboxCredential(sandbox, 'capillary', 'capillaryOAuthApi', { clientSecret: 'CAPILLARY-REFUSED-CLIENT-SECRET-77aa' }),
		secretForms: (store) => {
			const { clientKey, clientSecret, accessToken } = store.capillaryOAuthApi as Record<string, string | undefined>;
			const typed = [clientKey, clientSecret].filter((value): value is string => typeof value === 'string');
			const token = typeof accessToken === 'string' && accessToken ? [accessToken] : [];
			return [...typed, ...typed.map(base64), ...token];
		},
	},
];

const capillaryCase = (label: string, credentials: CredentialCase[]): VendorCase => ({
	label,
	...wiring('capillary'),
	parameters: {},
	options: {},
	credentials,
	create: { method: 'POST', path: '/group/create' },
	batch: false,
	successStatus: 200,
	retries500: false,
	refusesRepeatedCreate: true,
	createRequests: createRequests('capillary'),
	sentEntries: (sandbox) => createRequests('capillary')(sandbox).length,
	countGroups: (sandbox, name) => sandbox.vendors.capillary.countGroups(name),
	groupNames: (sandbox) => sandbox.vendors.capillary.groups().map((group) => group.name),
	groupId: (sandbox, name) => {
		const group = sandbox.vendors.capillary.groups().find((candidate) => candidate.name === name);
		return group === undefined ? undefined : String(group.id);
	},
});

// ---- Taleo Learn --------------------------------------------------------------------------------


const TALEO_CREATE = `/learn.rest/v1/learnCenters/${LEARN_CENTER}/groups`;

const taleoLearn: VendorCase = {
	label: 'Taleo Learn',
	...wiring('taleoLearn'),
	parameters: { learnCenterId: LEARN_CENTER },
	options: {},
	credentials: [
		{
			type: 'taleoLearnApi',
			working: (sandbox) => sandboxCredential(sandbox, 'taleoLearn', 'taleoLearnApi'),
			refused: (sandbox) => sandboxCredential(sandbox, 'taleoLearn', 'taleoLearnApi', { password: 'TALEO-REFUSED-PASSWORD-94c2ab' }),
			secretForms: (store) => {
				const { username, password } = store.taleoLearnApi as Record<string, string>;
				return [password, base64(password), `${username}:${password}`, base64(`${username}:${password}`)];
			},
		},
	],
	create: { method: 'POST', path: '/groups' },
	batch: false,
	successStatus: 201,
	retries500: true,
	refusesRepeatedCreate: false,
	createRequests: (sandbox) => posts(sandbox, 'taleoLearn', TALEO_CREATE),
	sentEntries: (sandbox) => sandbox.requests.filter((r) => r.vendor === 'taleoLearn' && r.method === 'POST').length,
	countGroups: (sandbox, name) => sandbox.vendors.taleoLearn.countGroups(LEARN_CENTER, name),
	groupNames: (sandbox) => sandbox.vendors.taleoLearn.groupsOf(LEARN_CENTER).map((group) => group.name),
	groupId: (sandbox, name) => {
		const group = sandbox.vendors.taleoLearn
			.groupsOf(LEARN_CENTER)
			.find((candidate) => candidate.name.trim().toLowerCase() === name.trim().toLowerCase());
		return group === undefined ? undefined : String(group.id);
	},
};

// ---- SCIM 2.0 ----------------------------------------------------------------------------------

const scim: VendorCase = {
	label: 'SCIM 2.0',
	...wiring('scim'),
	parameters: {},
	options: {},
	credentials: [
		{
			type: 'scimApi',
			working: (sandbox) => sandboxCredential(sandbox, 'scim', 'scimApi'),
			refused: (sandbox) => sandboxCredential(sandbox, 'scim', 'scimApi', { token: 'SCIM-REFUSED-TOKEN-6f0e2d91c4' }),
			secretForms: (store) => {
				const token = String(store.scimApi.token);
				return [token, base64(token)];
			},
		},
	],
	create: { method: 'POST', path: '/Groups' },
	batch: false,
	successStatus: 201,
	retries500: false,
	refusesRepeatedCreate: false,
	createRequests: createRequests('scim'),
	sentEntries: (sandbox) => createRequests('scim')(sandbox).length,
	countGroups: (sandbox, name) => sandbox.vendors.scim.countGroups(name),
	groupNames: (sandbox) => sandbox.vendors.scim.groups().map((group) => group.displayName),
	groupId: (sandbox, name) => sandbox.vendors.scim.groups().find((group) => group.displayName === name)?.id,
};

// ---- the table ----------------------------------------------------------------------------------

export const INVISIBLE_COLLECTOR = invisibleCollector;
export const ASSEMBLA = assemblaCase('Assembla', 'json');
export const ASSEMBLA_XML = assemblaCase('Assembla (XML)', 'xml');
export const HELLOID_BATCH_MODE = helloIdCase('HelloID (batch)', 'batch');
export const HELLOID_SINGLE_MODE = helloIdCase('HelloID (single)', 'single');
export const CAPILLARY = capillaryCase('Capillary', capillaryCredentials);
export const CAPILLARY_OAUTH = capillaryCase('Capillary (OAuth)', [capillaryCredentials[1]]);
export const TALEO_LEARN = taleoLearn;
export const SCIM = scim;

/** Every vendor once, in its default request mode: the rows the fault and input suites run. */
export const VENDOR_CASES: readonly VendorCase[] = [
	INVISIBLE_COLLECTOR,
	ASSEMBLA,
	HELLOID_BATCH_MODE,
	HELLOID_SINGLE_MODE,
	CAPILLARY,
	TALEO_LEARN,
	SCIM,
];

/** Other body encodings and credential types of a vendor, for the faults whose reading they change. */
export const VARIANT_CASES: readonly VendorCase[] = [ASSEMBLA_XML, CAPILLARY_OAUTH];

/** Every credential type of the package, with the vendor row it runs on. */
export const CREDENTIAL_ROWS: ReadonlyArray<{ vendorCase: VendorCase; credential: CredentialCase }> = [
	INVISIBLE_COLLECTOR,
	ASSEMBLA,
	HELLOID_SINGLE_MODE,
	CAPILLARY,
	TALEO_LEARN,
	SCIM,
].flatMap((vendorCase) => vendorCase.credentials.map((credential) => ({ vendorCase, credential })));

export function credentialRow(type: string): { vendorCase: VendorCase; credential: CredentialCase } {
	const row = CREDENTIAL_ROWS.find((candidate) => candidate.credential.type === type);
	if (!row) throw new Error(`no credential row for ${type}`);
	return row;
}
