/** Runs the Invisible Collector node through the harness against the sandbox, configured as a user would. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { InvisibleCollectorApi } from '../../credentials/InvisibleCollectorApi.credentials';
import { InvisibleCollector } from '../../nodes/InvisibleCollector/InvisibleCollector.node';
import { runWorkflow } from '../harness';
import type { OnErrorSetting, RunResult } from '../harness';
import type { RecordedRequest, Sandbox } from '../sandbox/types';
import { IC_DEFAULT_TOKEN } from '../sandbox/vendors/invisibleCollector';

export interface IcRun {
	items: IDataObject[];
	options?: INodeParameters;
	onError?: OnErrorSetting;
	/** Replaces fields of the sandbox's credential. */
	credential?: IDataObject;
	/** The Name parameter; maps `$json.name` by default. */
	name?: string;
}

export async function runIc(sandbox: Sandbox, run: IcRun): Promise<RunResult> {
	return await runWorkflow({
		node: {
			type: InvisibleCollector,
			parameters: {
				resource: 'group',
				operation: 'create',
				name: run.name ?? '={{ $json.name }}',
				options: run.options ?? {},
			},
			credentials: { invisibleCollectorApi: 'Invisible Collector sandbox' },
			onError: run.onError,
		},
		items: run.items,
		credentialTypes: [new InvisibleCollectorApi()],
		credentials: {
			invisibleCollectorApi: {
				apiToken: IC_DEFAULT_TOKEN,
				baseUrl: sandbox.baseUrl('invisibleCollector'),
				...run.credential,
			},
		},
	});
}

export const posts = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/groups');

export const pairedOf = (items: INodeExecutionData[] | undefined): unknown[] => (items ?? []).map((item) => item.pairedItem);

export { rows, jsonOf } from '../support/items';
