/**
 * The workflows and extra credentials of the scale scenarios. The default credentials (tenant A)
 * are the e2e suite's sandbox credentials; tenant B's are a second Capillary key/secret, a second
 * HelloID company key and a second Invisible Collector account.
 */
import type { SandboxSummary } from '../../sandbox/types';
import type { CredentialImport } from '../n8n/n8n-cli';
import { rowsWorkflow, type VendorStep, type WorkflowFixture } from './fixtures';

const IC = { example: 'invisible-collector-groups.json', nodeType: 'invisibleCollector' };
const HELLOID = { example: 'helloid-groups.json', nodeType: 'helloId' };
const CAPILLARY = { example: 'capillary-groups.json', nodeType: 'capillary' };
const ASSEMBLA = { example: 'assembla-groups.json', nodeType: 'assembla' };
const TALEO = { example: 'taleo-learn-groups.json', nodeType: 'taleoLearn' };

const CAP_OAUTH_A = { capillaryOAuthApi: { id: 'capOAuthCred0001', name: 'Capillary OAuth (sandbox)' } };

/** Tenant B's secrets: test-only values the sandbox is told to accept (scenario 4). */
export const TENANT_B = {
	icToken: 'tenant-b-ic-token-5c2e',
	capClientKey: 'tenant-b-client-key-31aa',
	capClientSecret: 'tenant-b-client-secret-8d07',
	hidCompany: 'tenant-b',
	hidApiKey: 'tenant-b-hid-key-0e4b',
	hidApiSecret: 'tenant-b-hid-secret-77c9',
} as const;

const TENANT_B_CREDENTIALS = {
	ic: { invisibleCollectorApi: { id: 'icTenantBCred001', name: 'Invisible Collector (tenant B)' } },
	cap: { capillaryOAuthApi: { id: 'capTenantBCred01', name: 'Capillary OAuth (tenant B)' } },
	hid: { helloIdApi: { id: 'hidTenantBCred01', name: 'HelloID (tenant B)' } },
} as const;

export function tenantBCredentials(summary: SandboxSummary): CredentialImport[] {
	const { invisibleCollector, capillary, helloId } = summary.vendors;
	return [
		{ ...TENANT_B_CREDENTIALS.ic.invisibleCollectorApi, type: 'invisibleCollectorApi', data: { apiToken: TENANT_B.icToken, baseUrl: invisibleCollector.baseUrl } },
		{
			...TENANT_B_CREDENTIALS.cap.capillaryOAuthApi,
			type: 'capillaryOAuthApi',
			data: { region: 'custom', customHost: capillary.baseUrl, clientKey: TENANT_B.capClientKey, clientSecret: TENANT_B.capClientSecret },
		},
		{
			...TENANT_B_CREDENTIALS.hid.helloIdApi,
			type: 'helloIdApi',
			data: { companyName: TENANT_B.hidCompany, apiKey: TENANT_B.hidApiKey, apiSecret: TENANT_B.hidApiSecret, baseUrl: helloId.baseUrl },
		},
	];
}

/** Each step's group name gets a prefix, so steps of one run on the same vendor never share a name. */
const named = (prefix: string) => ({ name: `={{ '${prefix}' + $json.group }}` });

/** Steps of the "all five nodes" run: both Capillary credential types, lookups on (the default). */
const ALL_FIVE: readonly VendorStep[] = [
	{ ...IC, name: 'Invisible Collector' },
	{ ...ASSEMBLA, name: 'Assembla' },
	{ ...HELLOID, name: 'HelloID' },
	{ ...CAPILLARY, name: 'Capillary basic', parameters: named('basic-') },
	{ ...CAPILLARY, name: 'Capillary key', parameters: { authentication: 'oAuth', ...named('key-') }, credentials: CAP_OAUTH_A },
	{ ...TALEO, name: 'Taleo Learn' },
];

const tenantSteps = (tenant: 'A' | 'B'): VendorStep[] => [
	{ ...IC, name: 'Invisible Collector', credentials: tenant === 'B' ? TENANT_B_CREDENTIALS.ic : undefined },
	{ ...CAPILLARY, name: 'Capillary key', parameters: { authentication: 'oAuth' }, credentials: tenant === 'B' ? TENANT_B_CREDENTIALS.cap : CAP_OAUTH_A },
	{ ...HELLOID, name: 'HelloID', credentials: tenant === 'B' ? TENANT_B_CREDENTIALS.hid : undefined },
];

export interface ScaleWorkflow {
	readonly fixture: WorkflowFixture;
	/** Webhook path. */
	readonly path: string;
}

const workflow = (id: string, path: string, steps: readonly VendorStep[]): ScaleWorkflow => ({ fixture: rowsWorkflow(id, path, steps), path });

export const SCALE_WORKFLOWS = {
	/** Scenario 1: the bulk run next to the webhook calls; one request per row, so ~5% of the rows meet a fault. */
	bulk: workflow('scaleBulkHelloId', 'scale-bulk', [{ ...HELLOID, name: 'HelloID', parameters: { options: { mode: 'single' } } }]),
	/** Scenario 2: the run whose worker is killed; Invisible Collector's duplicate answer names the existing group. */
	killed: workflow('scaleKilledRun01', 'scale-killed', [{ ...IC, name: 'Invisible Collector' }]),
	/** Scenario 3: every node, both Capillary credential types. */
	allFive: workflow('scaleAllFiveNode', 'scale-all-five', ALL_FIVE),
	/** Scenario 4: the same nodes with tenant A's and tenant B's credentials. */
	tenantA: workflow('scaleTenantA0001', 'scale-tenant-a', tenantSteps('A')),
	tenantB: workflow('scaleTenantB0001', 'scale-tenant-b', tenantSteps('B')),
} as const;
