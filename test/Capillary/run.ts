/** Runs the Capillary node through the harness against the sandbox, configured as a user would. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CapillaryApi } from '../../credentials/CapillaryApi.credentials';
import { CapillaryOAuthApi } from '../../credentials/CapillaryOAuthApi.credentials';
import { Capillary } from '../../nodes/Capillary/Capillary.node';
import { runWorkflow } from '../harness';
import type { CredentialStore, OnErrorSetting, RunResult } from '../harness';
import type { RecordedRequest, Sandbox } from '../sandbox/types';
import {
	CAP_CLIENT_KEY,
	CAP_CLIENT_SECRET,
	CAP_PASSWORD,
	CAP_TOKEN_PATH,
	CAP_USERNAME,
} from '../sandbox/vendors/capillary';

export type Authentication = 'basic' | 'oAuth';

export interface CapillaryRun {
	items: IDataObject[];
	authentication?: Authentication;
	/** Node parameters besides authentication, resource, operation and name (which maps `$json.name`). */
	parameters?: INodeParameters;
	options?: IDataObject;
	onError?: OnErrorSetting;
	/** The credential record to use (pass the same one to several runs to keep a token). */
	credentials?: CredentialStore;
}

/** Both credentials, pointing at the sandbox through the Custom Host field; `overrides` replace fields of both. */
export function sandboxCredentials(sandbox: Sandbox, overrides: IDataObject = {}): CredentialStore {
	const where = { region: 'custom', customHost: sandbox.baseUrl('capillary') };
	return {
		capillaryApi: { ...where, username: CAP_USERNAME, password: CAP_PASSWORD, ...overrides } as CredentialStore[string],
		capillaryOAuthApi: {
			...where,
			clientKey: CAP_CLIENT_KEY,
			clientSecret: CAP_CLIENT_SECRET,
			...overrides,
		} as CredentialStore[string],
	};
}

export async function runCapillary(sandbox: Sandbox, run: CapillaryRun): Promise<RunResult> {
	const authentication = run.authentication ?? 'basic';
	const credentialType = authentication === 'basic' ? 'capillaryApi' : 'capillaryOAuthApi';
	return await runWorkflow({
		node: {
			type: Capillary,
			parameters: {
				authentication,
				resource: 'group',
				operation: 'create',
				name: '={{ $json.name }}',
				...run.parameters,
				options: (run.options ?? {}) as INodeParameters,
			},
			credentials: { [credentialType]: 'Capillary sandbox' },
			onError: run.onError,
		},
		items: run.items,
		credentialTypes: [new CapillaryApi(), new CapillaryOAuthApi()],
		credentials: run.credentials ?? sandboxCredentials(sandbox),
	});
}

const CREATE_PATHS = ['/api_gateway/core/v1/group/create', '/api_gateway/rewards/core/v1/group/create'];
const LIST_PATHS = ['/api_gateway/core/v1/group', '/api_gateway/rewards/core/v1/group'];

export const createRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'POST' && CREATE_PATHS.includes(request.path));

export const listRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'GET' && LIST_PATHS.includes(request.path));

export const tokenRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.path === CAP_TOKEN_PATH);

/** The input row each item of an output came from. */
export const bodyOf = (request: RecordedRequest): unknown => JSON.parse(request.body);

export { rows, jsonOf, pairedRows } from '../support/items';
