/**
 * One row per vendor (and per request mode where a vendor has two): how to configure its node, its
 * credentials and the sandbox, so one test body runs for every vendor. Built from the node and
 * credential classes and the sandbox's constants only, not from the vendors' own test helpers.
 */
import { createHash } from 'node:crypto';

import type { ICredentialType, IDataObject, INodeParameters } from 'n8n-workflow';

import { AssemblaApi } from '../../credentials/AssemblaApi.credentials';
import { AssemblaOAuth2Api } from '../../credentials/AssemblaOAuth2Api.credentials';
import { CapillaryApi } from '../../credentials/CapillaryApi.credentials';
import { CapillaryOAuthApi } from '../../credentials/CapillaryOAuthApi.credentials';
import { HelloIdApi } from '../../credentials/HelloIdApi.credentials';
import { InvisibleCollectorApi } from '../../credentials/InvisibleCollectorApi.credentials';
import { TaleoLearnApi } from '../../credentials/TaleoLearnApi.credentials';
import { Assembla } from '../../nodes/Assembla/Assembla.node';
import { Capillary } from '../../nodes/Capillary/Capillary.node';
import { HelloId } from '../../nodes/HelloId/HelloId.node';
import { InvisibleCollector } from '../../nodes/InvisibleCollector/InvisibleCollector.node';
import { TaleoLearn } from '../../nodes/TaleoLearn/TaleoLearn.node';
import { runWorkflow } from '../harness';
import type { CredentialStore, NodeTypeInput, OnErrorSetting, RunResult } from '../harness';
import type { RecordedRequest, Sandbox, VendorName } from '../sandbox/types';
import {
	ASSEMBLA_API_KEY,
	ASSEMBLA_API_SECRET,
	ASSEMBLA_CLIENT_ID,
	ASSEMBLA_CLIENT_SECRET,
	ASSEMBLA_PORTFOLIO,
} from '../sandbox/vendors/assembla';
import { CAP_CLIENT_KEY, CAP_CLIENT_SECRET, CAP_PASSWORD, CAP_USERNAME } from '../sandbox/vendors/capillary';
import { HELLOID_API_KEY, HELLOID_API_SECRET, HELLOID_COMPANY } from '../sandbox/vendors/helloId';
import { TALEO_LEARN_CENTERS, TALEO_PASSWORD, TALEO_USERNAME } from '../sandbox/vendors/taleoLearn';
import { OAuth2ApiParent } from '../support/oauth2-parent';

export const LEARN_CENTER = TALEO_LEARN_CENTERS[0].id;

/** Token of an extra Invisible Collector account, so the secret is one this suite chose. */
export const IC_HARDENING_TOKEN = 'IC-HARDENING-TOKEN-3f9a1c77e0b24d6d8c5e9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b';

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** One credential type of a vendor, with a working and a refused set of distinctive secrets. */
export interface CredentialCase {
	/** Credential type name. */
	type: string;
	/** Node parameters that pick this credential type (`authentication`). */
	parameters: INodeParameters;
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
	node: NodeTypeInput;
	credentialTypes: ICredentialType[];
	/** Node parameters every run of this row starts from (the name maps `$json.name`). */
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
	return await runWorkflow({
		node: {
			type: vendorCase.node,
			parameters: {
				...vendorCase.parameters,
				...credential.parameters,
				...run.parameters,
				options: { ...vendorCase.options, ...run.options } as INodeParameters,
			},
			credentials: { [credential.type]: `${vendorCase.displayName} hardening` },
			onError: run.onError,
		},
		items: run.items,
		credentialTypes: vendorCase.credentialTypes,
		credentials: run.credentials ?? credential.working(sandbox),
	});
}

const posts = (sandbox: Sandbox, vendor: VendorName, path: string): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.vendor === vendor && request.method === 'POST' && request.path === path);

const common = { resource: 'group', operation: 'create', name: '={{ $json.name }}' };

// ---- Invisible Collector ------------------------------------------------------------------------

const invisibleCollector: VendorCase = {
	label: 'Invisible Collector',
	vendor: 'invisibleCollector',
	displayName: 'Invisible Collector',
	node: InvisibleCollector,
	credentialTypes: [new InvisibleCollectorApi()],
	parameters: { ...common },
	options: {},
	credentials: [
		{
			type: 'invisibleCollectorApi',
			parameters: {},
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
	createRequests: (sandbox) => posts(sandbox, 'invisibleCollector', '/groups'),
	sentEntries: (sandbox) => posts(sandbox, 'invisibleCollector', '/groups').length,
	countGroups: (sandbox, name) => sandbox.vendors.invisibleCollector.countGroups(name, IC_HARDENING_TOKEN),
	groupNames: (sandbox) => sandbox.vendors.invisibleCollector.groupsOf(IC_HARDENING_TOKEN).map((group) => group.name),
	groupId: (sandbox, name) =>
		sandbox.vendors.invisibleCollector.groupsOf(IC_HARDENING_TOKEN).find((group) => group.name === name)?.id,
};

// ---- Assembla -----------------------------------------------------------------------------------

const assemblaApiKey = (apiSecret: string) => (sandbox: Sandbox): CredentialStore => ({
	assemblaApi: { apiKey: ASSEMBLA_API_KEY, apiSecret, baseUrl: sandbox.baseUrl('assembla') },
});

const assemblaOAuth2 = (refused: boolean) => (sandbox: Sandbox): CredentialStore => {
	const tokens = refused
		? { access_token: 'ASSEMBLA-REFUSED-ACCESS-8c1f', refresh_token: 'ASSEMBLA-REFUSED-REFRESH-2b7e', token_type: 'bearer' }
		: sandbox.vendors.assembla.issueTokens();
	return {
		assemblaOAuth2Api: {
			clientId: ASSEMBLA_CLIENT_ID,
			clientSecret: ASSEMBLA_CLIENT_SECRET,
			baseUrl: sandbox.baseUrl('assembla'),
			oauthTokenData: { ...tokens },
		},
	};
};

function oauthTokens(store: CredentialStore, type: string): string[] {
	const data = store[type]?.oauthTokenData;
	if (typeof data !== 'object' || data === null) return [];
	const { access_token: access, refresh_token: refresh } = data as IDataObject;
	return [access, refresh].filter((token): token is string => typeof token === 'string');
}

const assemblaCredentials: CredentialCase[] = [
	{
		type: 'assemblaApi',
		parameters: { authentication: 'apiKey' },
		working: assemblaApiKey(ASSEMBLA_API_SECRET),
		refused: assemblaApiKey('ASSEMBLA-REFUSED-SECRET-61e0c9d4a7'),
		secretForms: (store) => {
			const { apiKey, apiSecret } = store.assemblaApi as Record<string, string>;
			return [apiKey, apiSecret, base64(apiKey), base64(apiSecret)];
		},
	},
	{
		type: 'assemblaOAuth2Api',
		parameters: { authentication: 'oAuth2' },
		working: assemblaOAuth2(false),
		refused: assemblaOAuth2(true),
		secretForms: (store) => {
			const { clientId, clientSecret } = store.assemblaOAuth2Api as Record<string, string>;
			const tokens = oauthTokens(store, 'assemblaOAuth2Api');
			return [clientSecret, base64(clientSecret), base64(`${clientId}:${clientSecret}`), ...tokens, ...tokens.map(base64)];
		},
	},
];

const assemblaCase = (label: string, bodyFormat: string): VendorCase => ({
	label,
	vendor: 'assembla',
	displayName: 'Assembla',
	node: Assembla,
	credentialTypes: [new AssemblaApi(), new AssemblaOAuth2Api(), new OAuth2ApiParent()],
	parameters: { ...common, portfolio: ASSEMBLA_PORTFOLIO, type: 'space' },
	options: { bodyFormat },
	credentials: assemblaCredentials,
	create: { method: 'POST', path: '/v1/groups' },
	batch: false,
	successStatus: 201,
	retries500: false,
	refusesRepeatedCreate: true,
	createRequests: (sandbox) =>
		sandbox.requests.filter((r) => r.vendor === 'assembla' && r.method === 'POST' && r.path.startsWith('/v1/groups')),
	sentEntries: (sandbox) =>
		sandbox.requests.filter((r) => r.vendor === 'assembla' && r.method === 'POST' && r.path.startsWith('/v1/groups')).length,
	countGroups: (sandbox, name) => sandbox.vendors.assembla.countGroups(name),
	groupNames: (sandbox) => sandbox.vendors.assembla.groupsOf().map((group) => group.name),
	groupId: (sandbox, name) => {
		const group = sandbox.vendors.assembla.groupsOf().find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
		return group === undefined ? undefined : String(group.id);
	},
});

// ---- HelloID ------------------------------------------------------------------------------------

const helloIdStore = (apiSecret: string) => (sandbox: Sandbox): CredentialStore => ({
	helloIdApi: { companyName: HELLOID_COMPANY, apiKey: HELLOID_API_KEY, apiSecret, baseUrl: sandbox.baseUrl('helloId') },
});

const helloIdCredentials: CredentialCase[] = [
	{
		type: 'helloIdApi',
		parameters: {},
		working: helloIdStore(HELLOID_API_SECRET),
		refused: helloIdStore('HELLOID-REFUSED-SECRET-0d3b9e72'),
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
		vendor: 'helloId',
		displayName: 'HelloID',
		node: HelloId,
		credentialTypes: [new HelloIdApi()],
		parameters: { ...common },
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

const capillaryHost = (sandbox: Sandbox) => ({ region: 'custom', customHost: sandbox.baseUrl('capillary') });

const capillaryCredentials: CredentialCase[] = [
	{
		type: 'capillaryApi',
		parameters: { authentication: 'basic' },
		working: (sandbox) => ({ capillaryApi: { ...capillaryHost(sandbox), username: CAP_USERNAME, password: CAP_PASSWORD } }),
		refused: (sandbox) => ({
			capillaryApi: { ...capillaryHost(sandbox), username: CAP_USERNAME, password: 'CAPILLARY-REFUSED-PASSWORD-5e8d' },
		}),
		secretForms: (store) => {
			const { username, password } = store.capillaryApi as Record<string, string>;
			const hash = md5(password);
			return [password, base64(password), hash, `${username}:${hash}`, base64(`${username}:${hash}`)];
		},
	},
	{
		type: 'capillaryOAuthApi',
		parameters: { authentication: 'oAuth' },
		working: (sandbox) => ({
			capillaryOAuthApi: { ...capillaryHost(sandbox), clientKey: CAP_CLIENT_KEY, clientSecret: CAP_CLIENT_SECRET },
		}),
		refused: (sandbox) => ({
			capillaryOAuthApi: {
				...capillaryHost(sandbox),
				clientKey: CAP_CLIENT_KEY,
				clientSecret: 'CAPILLARY-REFUSED-CLIENT-SECRET-77aa',
			},
		}),
		secretForms: (store) => {
			const { clientKey, clientSecret, accessToken } = store.capillaryOAuthApi as Record<string, string | undefined>;
			const typed = [clientKey, clientSecret].filter((value): value is string => typeof value === 'string');
			const token = typeof accessToken === 'string' && accessToken ? [accessToken] : [];
			return [...typed, ...typed.map(base64), ...token];
		},
	},
];

const CAPILLARY_CREATE = '/api_gateway/core/v1/group/create';

const capillaryCase = (label: string, credentials: CredentialCase[]): VendorCase => ({
	label,
	vendor: 'capillary',
	displayName: 'Capillary',
	node: Capillary,
	credentialTypes: [new CapillaryApi(), new CapillaryOAuthApi()],
	parameters: { ...common },
	options: {},
	credentials,
	create: { method: 'POST', path: '/group/create' },
	batch: false,
	successStatus: 200,
	retries500: false,
	refusesRepeatedCreate: true,
	createRequests: (sandbox) => posts(sandbox, 'capillary', CAPILLARY_CREATE),
	sentEntries: (sandbox) => posts(sandbox, 'capillary', CAPILLARY_CREATE).length,
	countGroups: (sandbox, name) => sandbox.vendors.capillary.countGroups(name),
	groupNames: (sandbox) => sandbox.vendors.capillary.groups().map((group) => group.name),
	groupId: (sandbox, name) => {
		const group = sandbox.vendors.capillary.groups().find((candidate) => candidate.name === name);
		return group === undefined ? undefined : String(group.id);
	},
});

// ---- Taleo Learn --------------------------------------------------------------------------------

const taleoStore = (password: string) => (sandbox: Sandbox): CredentialStore => ({
	taleoLearnApi: { instanceUrl: sandbox.baseUrl('taleoLearn'), username: TALEO_USERNAME, password },
});

const TALEO_CREATE = `/learn.rest/v1/learnCenters/${LEARN_CENTER}/groups`;

const taleoLearn: VendorCase = {
	label: 'Taleo Learn',
	vendor: 'taleoLearn',
	displayName: 'Taleo Learn',
	node: TaleoLearn,
	credentialTypes: [new TaleoLearnApi()],
	parameters: { ...common, learnCenterId: LEARN_CENTER },
	options: {},
	credentials: [
		{
			type: 'taleoLearnApi',
			parameters: {},
			working: taleoStore(TALEO_PASSWORD),
			refused: taleoStore('TALEO-REFUSED-PASSWORD-94c2ab'),
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

// ---- the table ----------------------------------------------------------------------------------

export const INVISIBLE_COLLECTOR = invisibleCollector;
export const ASSEMBLA = assemblaCase('Assembla', 'json');
export const ASSEMBLA_XML = assemblaCase('Assembla (XML)', 'xml');
export const HELLOID_BATCH_MODE = helloIdCase('HelloID (batch)', 'batch');
export const HELLOID_SINGLE_MODE = helloIdCase('HelloID (single)', 'single');
export const CAPILLARY = capillaryCase('Capillary', capillaryCredentials);
export const CAPILLARY_OAUTH = capillaryCase('Capillary (OAuth)', [capillaryCredentials[1]]);
export const TALEO_LEARN = taleoLearn;

/** Every vendor once, in its default request mode: the rows the fault and input suites run. */
export const VENDOR_CASES: readonly VendorCase[] = [
	INVISIBLE_COLLECTOR,
	ASSEMBLA,
	HELLOID_BATCH_MODE,
	HELLOID_SINGLE_MODE,
	CAPILLARY,
	TALEO_LEARN,
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
].flatMap((vendorCase) => vendorCase.credentials.map((credential) => ({ vendorCase, credential })));

export function credentialRow(type: string): { vendorCase: VendorCase; credential: CredentialCase } {
	const row = CREDENTIAL_ROWS.find((candidate) => candidate.credential.type === type);
	if (!row) throw new Error(`no credential row for ${type}`);
	return row;
}
