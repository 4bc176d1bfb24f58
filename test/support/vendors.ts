/**
 * The five vendors as the tests wire them, in one table: node class, credential types and the fields
 * that point them at the sandbox's default account, the create and list requests, the example file.
 * Unit, hardening, e2e and bench suites read it. It holds wiring only: what a suite checks (statuses,
 * counts, messages, which vendor retries what) stays written in that suite.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, INodeParameters } from 'n8n-workflow';

import { AssemblaApi } from '../../credentials/AssemblaApi.credentials';
import { AssemblaOAuth2Api } from '../../credentials/AssemblaOAuth2Api.credentials';
import { CapillaryApi } from '../../credentials/CapillaryApi.credentials';
import { CapillaryOAuthApi } from '../../credentials/CapillaryOAuthApi.credentials';
import { HelloIdApi } from '../../credentials/HelloIdApi.credentials';
import { InvisibleCollectorApi } from '../../credentials/InvisibleCollectorApi.credentials';
import { ScimApi } from '../../credentials/ScimApi.credentials';
import { TaleoLearnApi } from '../../credentials/TaleoLearnApi.credentials';
import { Assembla } from '../../nodes/Assembla/Assembla.node';
import { Capillary } from '../../nodes/Capillary/Capillary.node';
import { HelloId } from '../../nodes/HelloId/HelloId.node';
import { InvisibleCollector } from '../../nodes/InvisibleCollector/InvisibleCollector.node';
import { Scim } from '../../nodes/Scim/Scim.node';
import { TaleoLearn } from '../../nodes/TaleoLearn/TaleoLearn.node';
import type { CredentialStore, NodeTypeInput } from '../harness';
import type { RecordedRequest, Sandbox, SandboxSummary, VendorName } from '../sandbox/types';
import { ASSEMBLA_PORTFOLIO } from '../sandbox/vendors/assembla';
import { OAuth2ApiParent } from './oauth2-parent';

/** What the sandbox gives for one vendor (`sandbox.summary()`, or the CLI's print): base URL and default secrets. */
export type SandboxAccount = SandboxSummary['vendors'][VendorName];

export interface CredentialWiring {
	/** Credential type name. */
	readonly type: string;
	/** Node parameters that pick this credential type (`authentication`); empty where the node has one type. */
	readonly authentication: INodeParameters;
	/** 16 characters: the id the example workflow references this credential by. */
	readonly id: string;
	/** Its name in n8n when imported for a real-n8n run. */
	readonly name: string;
	/** The credential's fields, pointing at the sandbox's default account. */
	data(account: SandboxAccount): ICredentialDataDecryptedObject;
	/**
	 * What n8n stores besides the typed fields once the user connected it (OAuth2 token data). Runs
	 * through the harness add it; a real n8n gets it from its own OAuth2 flow.
	 */
	connected?(sandbox: Sandbox): ICredentialDataDecryptedObject;
}

export interface VendorWiring {
	readonly vendor: VendorName;
	readonly displayName: string;
	readonly node: NodeTypeInput;
	/** Node type without the package prefix. */
	readonly nodeType: string;
	/** Every credential class the node's credentials need (OAuth2 types with their parent). */
	readonly credentialTypes: readonly ICredentialType[];
	/** The first one is the node's default. */
	readonly credentials: readonly CredentialWiring[];
	/**
	 * The node's parameters for "Group → Create" into the sandbox's place, as a user maps them: the name
	 * from `$json.name` (Taleo Learn's learn center from `$json.learnCenter`, else the sandbox's).
	 */
	readonly parameters: INodeParameters;
	/** A create request of this vendor (any request mode and path variant). */
	isCreate(request: RecordedRequest): boolean;
	/** A list request (the lookup of existing groups). */
	isList(request: RecordedRequest): boolean;
	/** File in `examples/`. */
	readonly example: string;
}

/** The learn center Taleo Learn runs create groups in (the sandbox's "Corporate Academy"). */
export const TALEO_LEARN_CENTER = 178409;

const group = { resource: 'group', operation: 'create', name: '={{ $json.name }}' };

const post = (vendor: VendorName, test: (path: string) => boolean) => (request: RecordedRequest) =>
	request.vendor === vendor && request.method === 'POST' && test(request.path);
const get = (vendor: VendorName, test: (path: string) => boolean) => (request: RecordedRequest) =>
	request.vendor === vendor && request.method === 'GET' && test(request.path);

const CAPILLARY_CREATE = ['/api_gateway/core/v1/group/create', '/api_gateway/rewards/core/v1/group/create'];
const CAPILLARY_LIST = ['/api_gateway/core/v1/group', '/api_gateway/rewards/core/v1/group'];
const TALEO_GROUPS = /^\/learn\.rest\/v1\/learnCenters\/\d+\/groups$/;

export const VENDORS: { readonly [N in VendorName]: VendorWiring } = {
	invisibleCollector: {
		vendor: 'invisibleCollector',
		displayName: 'Invisible Collector',
		node: InvisibleCollector,
		nodeType: 'invisibleCollector',
		credentialTypes: [new InvisibleCollectorApi()],
		credentials: [
			{
				type: 'invisibleCollectorApi',
				authentication: {},
				id: 'icSandboxCred001',
				name: 'Invisible Collector (sandbox)',
				data: ({ apiToken, baseUrl }) => ({ apiToken, baseUrl }),
			},
		],
		parameters: { ...group },
		isCreate: post('invisibleCollector', (path) => path === '/groups'),
		isList: get('invisibleCollector', (path) => path === '/groups'),
		example: 'invisible-collector-groups.json',
	},
	assembla: {
		vendor: 'assembla',
		displayName: 'Assembla',
		node: Assembla,
		nodeType: 'assembla',
		credentialTypes: [new AssemblaApi(), new AssemblaOAuth2Api(), new OAuth2ApiParent()],
		credentials: [
			{
				type: 'assemblaApi',
				authentication: { authentication: 'apiKey' },
				id: 'asmSandboxCred01',
				name: 'Assembla API key (sandbox)',
				data: ({ apiKey, apiSecret, baseUrl }) => ({ apiKey, apiSecret, baseUrl }),
			},
			{
				type: 'assemblaOAuth2Api',
				authentication: { authentication: 'oAuth2' },
				id: 'asmOAuth2Cred001',
				name: 'Assembla OAuth2 (sandbox)',
				data: ({ clientId, clientSecret, baseUrl }) => ({ clientId, clientSecret, baseUrl }),
				connected: (sandbox) => ({ oauthTokenData: { ...sandbox.vendors.assembla.issueTokens() } }),
			},
		],
		parameters: { ...group, portfolio: ASSEMBLA_PORTFOLIO },
		isCreate: post('assembla', (path) => path.startsWith('/v1/groups')),
		isList: get('assembla', (path) => path === '/v1/groups.json'),
		example: 'assembla-groups.json',
	},
	helloId: {
		vendor: 'helloId',
		displayName: 'HelloID',
		node: HelloId,
		nodeType: 'helloId',
		credentialTypes: [new HelloIdApi()],
		credentials: [
			{
				type: 'helloIdApi',
				authentication: {},
				id: 'hidSandboxCred01',
				name: 'HelloID (sandbox)',
				data: ({ companyName, apiKey, apiSecret, baseUrl }) => ({ companyName, apiKey, apiSecret, baseUrl }),
			},
		],
		parameters: { ...group },
		isCreate: post('helloId', (path) => path === '/api/v1/groups' || path === '/api/v1/groups/batch'),
		isList: get('helloId', (path) => path === '/api/v1/groups'),
		example: 'helloid-groups.json',
	},
	capillary: {
		vendor: 'capillary',
		displayName: 'Capillary',
		node: Capillary,
		nodeType: 'capillary',
		credentialTypes: [new CapillaryApi(), new CapillaryOAuthApi()],
		credentials: [
			{
				type: 'capillaryApi',
				authentication: { authentication: 'basic' },
				id: 'capSandboxCred01',
				name: 'Capillary basic (sandbox)',
				data: ({ baseUrl, username, password }) => ({ region: 'custom', customHost: baseUrl, username, password }),
			},
			{
				type: 'capillaryOAuthApi',
				authentication: { authentication: 'oAuth' },
				id: 'capOAuthCred0001',
				name: 'Capillary OAuth (sandbox)',
				data: ({ baseUrl, clientKey, clientSecret }) => ({ region: 'custom', customHost: baseUrl, clientKey, clientSecret }),
			},
		],
		parameters: { ...group },
		isCreate: post('capillary', (path) => CAPILLARY_CREATE.includes(path)),
		isList: get('capillary', (path) => CAPILLARY_LIST.includes(path)),
		example: 'capillary-groups.json',
	},
	taleoLearn: {
		vendor: 'taleoLearn',
		displayName: 'Taleo Learn',
		node: TaleoLearn,
		nodeType: 'taleoLearn',
		credentialTypes: [new TaleoLearnApi()],
		credentials: [
			{
				type: 'taleoLearnApi',
				authentication: {},
				id: 'tlSandboxCred001',
				name: 'Taleo Learn (sandbox)',
				data: ({ baseUrl, username, password }) => ({ instanceUrl: baseUrl, username, password }),
			},
		],
		parameters: { ...group, learnCenterId: `={{ $json.learnCenter ?? ${TALEO_LEARN_CENTER} }}`, additionalFields: {} },
		isCreate: post('taleoLearn', (path) => TALEO_GROUPS.test(path)),
		isList: get('taleoLearn', (path) => TALEO_GROUPS.test(path)),
		example: 'taleo-learn-groups.json',
	},
	scim: {
		vendor: 'scim',
		displayName: 'SCIM 2.0',
		node: Scim,
		nodeType: 'scim',
		credentialTypes: [new ScimApi()],
		credentials: [
			{
				// One credential type with both schemes; the shared suites use the Bearer token (test/Scim covers Basic).
				type: 'scimApi',
				authentication: {},
				id: 'scimSandboxCred1',
				name: 'SCIM 2.0 (sandbox)',
				data: ({ baseUrl, token }) => ({ baseUrl, authentication: 'bearer', token }),
			},
		],
		parameters: { ...group },
		isCreate: post('scim', (path) => path === '/Groups'),
		isList: get('scim', (path) => path === '/Groups'),
		example: 'scim-groups.json',
	},
};

/** The five in the order the suites list them. */
export const VENDOR_LIST: readonly VendorWiring[] = Object.values(VENDORS);

export function credentialWiring(vendor: VendorName, type?: string): CredentialWiring {
	const { credentials } = VENDORS[vendor];
	const found = type === undefined ? credentials[0] : credentials.find((credential) => credential.type === type);
	if (!found) throw new Error(`${vendor} has no credential type ${type}`);
	return found;
}

/** A credential store of one credential type pointing at the sandbox's default account, as n8n holds it. */
export function sandboxCredential(
	sandbox: Sandbox,
	vendor: VendorName,
	type?: string,
	fields: ICredentialDataDecryptedObject = {},
): CredentialStore {
	const credential = credentialWiring(vendor, type);
	const account = sandbox.summary().vendors[vendor];
	return { [credential.type]: { ...credential.data(account), ...credential.connected?.(sandbox), ...fields } };
}

/** Every credential type of the vendor in one store (as a user who set up each of them), `fields` replacing fields of each. */
export function everySandboxCredential(
	sandbox: Sandbox,
	vendor: VendorName,
	fields: ICredentialDataDecryptedObject = {},
): CredentialStore {
	return Object.assign(
		{},
		...VENDORS[vendor].credentials.map((credential) => sandboxCredential(sandbox, vendor, credential.type, fields)),
	) as CredentialStore;
}
