/**
 * What the real-n8n runs cover, per vendor. Adding a vendor = an example workflow in `examples/`
 * (list → vendor node → Created / Conflict / error output) plus one entry here.
 */
import type { Sandbox, SandboxSummary, VendorName } from '../sandbox/types';
import type { Branch } from './branches';

/** What the sandbox CLI prints for one vendor: its base URL and default credentials. */
export type SandboxAccount = SandboxSummary['vendors'][VendorName];

export type CredentialData = Readonly<Record<string, string | number | boolean>>;

export interface CredentialCase {
	readonly type: string;
	/** 16 characters; the examples reference the credential by this id. */
	readonly id: string;
	readonly name: string;
	/**
	 * The field the failing credential test replaces with a wrong value; null for a type n8n offers
	 * no Test button for (OAuth2 with an authorization code: the editor's Connect button instead).
	 */
	readonly secretField: string | null;
	/**
	 * Fields n8n fills in itself (a pre-authentication token). The wrong-secret test empties them, as in
	 * a credential never used yet: n8n keeps using a cached token that is still valid, whatever the secret.
	 */
	readonly cachedFields?: readonly string[];
	/** Credential fields that point at the sandbox's default account. */
	data(account: SandboxAccount): CredentialData;
}

export interface ExpectedRow {
	/** The row's group name ('' for the row that must fail validation). */
	readonly name: string;
	readonly branch: Branch;
}

export interface VendorCase {
	readonly vendor: VendorName;
	readonly displayName: string;
	/** Node type without the package prefix. */
	readonly nodeType: string;
	/** File in `examples/`. */
	readonly example: string;
	/** One entry per row of the example's list, in order: where each row must come out. */
	readonly expected: readonly ExpectedRow[];
	readonly credentials: readonly CredentialCase[];
	/** Group names the sandbox holds for the default account, to check what really got created. */
	groupNames(sandbox: Sandbox): readonly string[];
}

const ROWS: readonly ExpectedRow[] = [
	{ name: 'Sales', branch: 'created' },
	{ name: 'Support', branch: 'created' },
	{ name: 'Sales', branch: 'conflict' }, // the same name again in one run
	{ name: '', branch: 'error' }, // blank: refused before anything is sent
];

/** The learn center the Taleo Learn example creates groups in (the sandbox's "Corporate Academy"). */
const TALEO_LEARN_CENTER = 178409;

export const VENDOR_CASES: readonly VendorCase[] = [
	{
		vendor: 'invisibleCollector',
		displayName: 'Invisible Collector',
		nodeType: 'invisibleCollector',
		example: 'invisible-collector-groups.json',
		expected: ROWS,
		credentials: [
			{
				type: 'invisibleCollectorApi',
				id: 'icSandboxCred001',
				name: 'Invisible Collector (sandbox)',
				secretField: 'apiToken',
				data: (account) => ({ apiToken: account.apiToken, baseUrl: account.baseUrl }),
			},
		],
		groupNames: (sandbox) => sandbox.vendors.invisibleCollector.groupsOf().map((group) => group.name),
	},
	{
		vendor: 'helloId',
		displayName: 'HelloID',
		nodeType: 'helloId',
		example: 'helloid-groups.json',
		expected: ROWS,
		credentials: [
			{
				type: 'helloIdApi',
				id: 'hidSandboxCred01',
				name: 'HelloID (sandbox)',
				secretField: 'apiSecret',
				data: ({ companyName, apiKey, apiSecret, baseUrl }) => ({ companyName, apiKey, apiSecret, baseUrl }),
			},
		],
		groupNames: (sandbox) => sandbox.vendors.helloId.groups().map((group) => group.name),
	},
	{
		vendor: 'assembla',
		displayName: 'Assembla',
		nodeType: 'assembla',
		example: 'assembla-groups.json',
		expected: ROWS,
		credentials: [
			{
				type: 'assemblaApi',
				id: 'asmSandboxCred01',
				name: 'Assembla API key (sandbox)',
				secretField: 'apiSecret',
				data: ({ apiKey, apiSecret, baseUrl }) => ({ apiKey, apiSecret, baseUrl }),
			},
			{
				type: 'assemblaOAuth2Api',
				id: 'asmOAuth2Cred001',
				name: 'Assembla OAuth2 (sandbox)',
				secretField: null,
				data: ({ clientId, clientSecret, baseUrl }) => ({ clientId, clientSecret, baseUrl }),
			},
		],
		groupNames: (sandbox) => sandbox.vendors.assembla.groupsOf().map((group) => group.name),
	},
	{
		vendor: 'capillary',
		displayName: 'Capillary',
		nodeType: 'capillary',
		example: 'capillary-groups.json',
		expected: ROWS,
		credentials: [
			{
				type: 'capillaryApi',
				id: 'capSandboxCred01',
				name: 'Capillary basic (sandbox)',
				secretField: 'password',
				data: ({ baseUrl, username, password }) => ({ region: 'custom', customHost: baseUrl, username, password }),
			},
			{
				type: 'capillaryOAuthApi',
				id: 'capOAuthCred0001',
				name: 'Capillary OAuth (sandbox)',
				secretField: 'clientSecret',
				cachedFields: ['accessToken'],
				data: ({ baseUrl, clientKey, clientSecret }) => ({ region: 'custom', customHost: baseUrl, clientKey, clientSecret }),
			},
		],
		groupNames: (sandbox) => sandbox.vendors.capillary.groups().map((group) => group.name),
	},
	{
		vendor: 'taleoLearn',
		displayName: 'Taleo Learn',
		nodeType: 'taleoLearn',
		example: 'taleo-learn-groups.json',
		expected: ROWS,
		credentials: [
			{
				type: 'taleoLearnApi',
				id: 'tlSandboxCred001',
				name: 'Taleo Learn (sandbox)',
				secretField: 'password',
				data: ({ baseUrl, username, password }) => ({ instanceUrl: baseUrl, username, password }),
			},
		],
		groupNames: (sandbox) => sandbox.vendors.taleoLearn.groupsOf(TALEO_LEARN_CENTER).map((group) => group.name),
	},
];
