/** Runs the Taleo Learn node through the harness against the sandbox, configured as a user would. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { TaleoLearnApi } from '../../credentials/TaleoLearnApi.credentials';
import { TaleoLearn } from '../../nodes/TaleoLearn/TaleoLearn.node';
import { runLoadOptions, runWorkflow } from '../harness';
import type { OnErrorSetting, RunResult } from '../harness';
import type { RecordedRequest, Sandbox } from '../sandbox/types';
import { TALEO_API_ROOT, TALEO_PASSWORD, TALEO_USERNAME } from '../sandbox/vendors/taleoLearn';

export const BASIC_AUTH = `Basic ${Buffer.from(`${TALEO_USERNAME}:${TALEO_PASSWORD}`).toString('base64')}`;
export const LEARN_CENTER = 178409;
export const OTHER_LEARN_CENTER = 178410;

export interface TaleoRun {
	items: IDataObject[];
	/** Node parameters besides resource, operation, name (`$json.name`) and learnCenterId (`$json.learnCenter` or LEARN_CENTER). */
	parameters?: INodeParameters;
	additionalFields?: INodeParameters;
	options?: INodeParameters;
	onError?: OnErrorSetting;
	/** Replaces fields of the sandbox's credential. */
	credential?: ICredentialDataDecryptedObject;
}

function credentialOf(sandbox: Sandbox, replacements: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return { instanceUrl: sandbox.baseUrl('taleoLearn'), username: TALEO_USERNAME, password: TALEO_PASSWORD, ...replacements };
}

export async function runTaleo(sandbox: Sandbox, run: TaleoRun): Promise<RunResult> {
	return await runWorkflow({
		node: {
			type: TaleoLearn,
			parameters: {
				resource: 'group',
				operation: 'create',
				learnCenterId: `={{ $json.learnCenter ?? ${LEARN_CENTER} }}`,
				name: '={{ $json.name }}',
				...run.parameters,
				additionalFields: run.additionalFields ?? {},
				options: run.options ?? {},
			},
			credentials: { taleoLearnApi: 'Taleo Learn sandbox' },
			onError: run.onError,
		},
		items: run.items,
		credentialTypes: [new TaleoLearnApi()],
		credentials: { taleoLearnApi: credentialOf(sandbox, run.credential) },
	});
}

export async function loadLearnCenters(sandbox: Sandbox, credential?: ICredentialDataDecryptedObject) {
	return await runLoadOptions({
		node: {
			type: TaleoLearn,
			parameters: { resource: 'group', operation: 'create' },
			credentials: { taleoLearnApi: 'Taleo Learn sandbox' },
		},
		method: 'getLearnCenters',
		credentialTypes: [new TaleoLearnApi()],
		credentials: { taleoLearnApi: credentialOf(sandbox, credential) },
	});
}

const groupsPath = (learnCenterId: number) => `${TALEO_API_ROOT}/learnCenters/${learnCenterId}/groups`;

export const createRequests = (sandbox: Sandbox, learnCenterId = LEARN_CENTER): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === groupsPath(learnCenterId));

export const listRequests = (sandbox: Sandbox, learnCenterId = LEARN_CENTER): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'GET' && request.path === groupsPath(learnCenterId));

export const bodyOf = (request: RecordedRequest): IDataObject => JSON.parse(request.body) as IDataObject;

/** The input row each item of an output came from. */
/** Everything a run left behind that a secret could leak into. */
export const everythingOf = (result: RunResult): string =>
	JSON.stringify({ outputs: result.outputs, error: result.error, runData: result.runData, logs: result.logs });

export { rows, jsonOf, pairedRows } from '../support/items';
