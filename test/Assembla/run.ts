/** Runs the Assembla node through the harness against the sandbox, configured as a user would. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AssemblaApi } from '../../credentials/AssemblaApi.credentials';
import { AssemblaOAuth2Api } from '../../credentials/AssemblaOAuth2Api.credentials';
import { Assembla } from '../../nodes/Assembla/Assembla.node';
import { runWorkflow } from '../harness';
import { OAuth2ApiParent } from '../support/oauth2-parent';
import type { CredentialStore, OnErrorSetting, RunResult } from '../harness';
import type { RecordedRequest, Sandbox } from '../sandbox/types';
import {
	ASSEMBLA_API_KEY,
	ASSEMBLA_API_SECRET,
	ASSEMBLA_CLIENT_ID,
	ASSEMBLA_CLIENT_SECRET,
	ASSEMBLA_PORTFOLIO,
} from '../sandbox/vendors/assembla';

export interface AssemblaRun {
	items: IDataObject[];
	/** Node parameters besides resource, operation and name (which maps `$json.name`); portfolio defaults to the sandbox's. */
	parameters?: INodeParameters;
	options?: IDataObject;
	onError?: OnErrorSetting;
	/** `oAuth2` uses the OAuth2 credential of `credentials`. */
	authentication?: 'apiKey' | 'oAuth2';
	/** Replaces the credential store (keep one across runs to see a refreshed token stay). */
	credentials?: CredentialStore;
}

export function apiKeyCredentials(sandbox: Sandbox, fields: IDataObject = {}): CredentialStore {
	return {
		assemblaApi: {
			apiKey: ASSEMBLA_API_KEY,
			apiSecret: ASSEMBLA_API_SECRET,
			baseUrl: sandbox.baseUrl('assembla'),
			...(fields as Record<string, string>),
		},
	};
}

/** An OAuth2 credential as n8n stores it after the user connected it: client, base URL and token data. */
export function oAuth2Credentials(sandbox: Sandbox): CredentialStore {
	const tokens = sandbox.vendors.assembla.issueTokens();
	return {
		assemblaOAuth2Api: {
			clientId: ASSEMBLA_CLIENT_ID,
			clientSecret: ASSEMBLA_CLIENT_SECRET,
			baseUrl: sandbox.baseUrl('assembla'),
			oauthTokenData: { ...tokens },
		},
	};
}

export async function runAssembla(sandbox: Sandbox, run: AssemblaRun): Promise<RunResult> {
	const authentication = run.authentication ?? 'apiKey';
	const credentialType = authentication === 'oAuth2' ? 'assemblaOAuth2Api' : 'assemblaApi';
	return await runWorkflow({
		node: {
			type: Assembla,
			parameters: {
				authentication,
				resource: 'group',
				operation: 'create',
				portfolio: ASSEMBLA_PORTFOLIO,
				name: '={{ $json.name }}',
				...run.parameters,
				options: (run.options ?? {}) as INodeParameters,
			},
			credentials: { [credentialType]: 'Assembla sandbox' },
			onError: run.onError,
		},
		items: run.items,
		credentialTypes: [new AssemblaApi(), new AssemblaOAuth2Api(), new OAuth2ApiParent()],
		credentials: run.credentials ?? (authentication === 'oAuth2' ? oAuth2Credentials(sandbox) : apiKeyCredentials(sandbox)),
	});
}

export const createRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/groups'));

export const listRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'GET' && request.path === '/v1/groups.json');

export const tokenRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.path === '/token');

/** The input row each item of an output came from. */

export { rows, jsonOf, pairedRows } from '../support/items';
