/** Runs the HelloID node through the harness against the sandbox, configured as a user would. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { HelloIdApi } from '../../credentials/HelloIdApi.credentials';
import { HelloId } from '../../nodes/HelloId/HelloId.node';
import { runWorkflow } from '../harness';
import type { OnErrorSetting, RunResult } from '../harness';
import type { RecordedRequest, Sandbox } from '../sandbox/types';
import { HELLOID_API_KEY, HELLOID_API_SECRET } from '../sandbox/vendors/helloId';

export const BASIC_AUTH = `Basic ${Buffer.from(`${HELLOID_API_KEY}:${HELLOID_API_SECRET}`).toString('base64')}`;

export interface HelloIdRun {
	items: IDataObject[];
	/** Node parameters besides resource, operation and name (which maps `$json.name`). */
	parameters?: INodeParameters;
	options?: INodeParameters;
	onError?: OnErrorSetting;
	/** Replaces fields of the sandbox's credential. */
	credential?: ICredentialDataDecryptedObject;
}

export async function runHelloId(sandbox: Sandbox, run: HelloIdRun): Promise<RunResult> {
	return await runWorkflow({
		node: {
			type: HelloId,
			parameters: {
				resource: 'group',
				operation: 'create',
				name: '={{ $json.name }}',
				...run.parameters,
				options: run.options ?? {},
			},
			credentials: { helloIdApi: 'HelloID sandbox' },
			onError: run.onError,
		},
		items: run.items,
		credentialTypes: [new HelloIdApi()],
		credentials: {
			helloIdApi: {
				companyName: 'sandbox',
				apiKey: HELLOID_API_KEY,
				apiSecret: HELLOID_API_SECRET,
				baseUrl: sandbox.baseUrl('helloId'),
				...run.credential,
			},
		},
	});
}

export const batchRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/groups/batch');

export const singleRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/groups');

export const listRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'GET' && request.path === '/api/v1/groups');

/** The names each batch request carried, in request order. */
export const batchNames = (request: RecordedRequest): string[] =>
	(JSON.parse(request.body) as Array<{ Name: string }>).map((group) => group.Name);

/** The input row each item of an output came from. */

export { rows, jsonOf, pairedRows } from '../support/items';
