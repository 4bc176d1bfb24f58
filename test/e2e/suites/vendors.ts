/**
 * What the real-n8n runs cover, per vendor: the wiring (node type, example file, credential ids and
 * fields) comes from the one table of the vendors (`test/support/vendors.ts`); what a run must show
 * (where each row lands, which field the failing credential test spoils) is written here.
 */
import type { Sandbox, VendorName } from '../../sandbox/types';
import { VENDORS, type CredentialWiring, type SandboxAccount, type VendorWiring } from '../../support/vendors';
import type { Branch } from './branches';

export type { SandboxAccount };

export type CredentialData = Readonly<Record<string, string | number | boolean>>;

/** A credential type as the examples reference it (type, id, name from the registry) and what the credential suite spoils. */
export interface CredentialCase extends Pick<CredentialWiring, 'type' | 'id' | 'name'> {
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

/** A vendor's wiring from the registry (node type, example file), with what its example run must show. */
export interface VendorCase extends Pick<VendorWiring, 'vendor' | 'displayName' | 'nodeType' | 'example'> {
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

/** What the credential suite spoils, per credential type. */
interface CredentialFacts {
	readonly secretField: string | null;
	readonly cachedFields?: readonly string[];
}

function vendorCase(
	vendor: VendorName,
	credentialFacts: Readonly<Record<string, CredentialFacts>>,
	groupNames: (sandbox: Sandbox) => readonly string[],
): VendorCase {
	const { displayName, nodeType, example, credentials } = VENDORS[vendor];
	return {
		vendor,
		displayName,
		nodeType,
		example,
		expected: ROWS,
		credentials: credentials.map(({ type, id, name, data }) => ({
			type,
			id,
			name,
			...credentialFacts[type],
			data: (account: SandboxAccount) => data(account) as CredentialData,
		})),
		groupNames,
	};
}

export const VENDOR_CASES: readonly VendorCase[] = [
	vendorCase('invisibleCollector', { invisibleCollectorApi: { secretField: 'apiToken' } }, (sandbox) =>
		sandbox.vendors.invisibleCollector.groupsOf().map((group) => group.name),
	),
	vendorCase('helloId', { helloIdApi: { secretField: 'apiSecret' } }, (sandbox) =>
		sandbox.vendors.helloId.groups().map((group) => group.name),
	),
	vendorCase('assembla', { assemblaApi: { secretField: 'apiSecret' }, assemblaOAuth2Api: { secretField: null } }, (sandbox) =>
		sandbox.vendors.assembla.groupsOf().map((group) => group.name),
	),
	vendorCase(
		'capillary',
		{ capillaryApi: { secretField: 'password' }, capillaryOAuthApi: { secretField: 'clientSecret', cachedFields: ['accessToken'] } },
		(sandbox) => sandbox.vendors.capillary.groups().map((group) => group.name),
	),
	vendorCase('taleoLearn', { taleoLearnApi: { secretField: 'password' } }, (sandbox) =>
		sandbox.vendors.taleoLearn.groupsOf(TALEO_LEARN_CENTER).map((group) => group.name),
	),
	vendorCase('scim', { scimApi: { secretField: 'token' } }, (sandbox) =>
		sandbox.vendors.scim.groups().map((group) => group.displayName),
	),
];
