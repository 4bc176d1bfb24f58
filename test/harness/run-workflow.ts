/** Runs the node under test through n8n-core's WorkflowExecute, as n8n runs a saved workflow. */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type { INodeExecutionData, IRun } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { CredentialTypeRegistry } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import { prepareEngine } from './environment';
import type { RunOptions, RunResult } from './types';
import { NODE_UNDER_TEST, buildWorkflow } from './workflow';

let executions = 0;

function outputsOf(run: IRun): INodeExecutionData[][] {
	const task = run.data.resultData.runData[NODE_UNDER_TEST]?.[0];
	return (task?.data?.main ?? []).map((items) => items ?? []);
}

/**
 * One execution of the two-node workflow. Credentials persist across runs only through the
 * `credentials` record: pass the same one again to reuse a token preAuthentication fetched.
 */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const engine = prepareEngine();
	const logs: string[] = [];
	engine.logSinks.add(logs);
	try {
		const built = buildWorkflow(options.node, options.items);
		const credentialsHelper = new HarnessCredentialsHelper(
			new CredentialTypeRegistry(options.credentialTypes),
			options.credentials,
			{ workflow: built.workflow, node: built.nodeUnderTest },
		);
		const executionId = `harness-${++executions}`;
		const hooks = new ExecutionLifecycleHooks('manual', executionId, built.workflowData);
		const finished = new Promise<IRun>((resolve) => {
			hooks.addHandler('workflowExecuteAfter', (run) => resolve(run));
		});
		const additionalData = buildAdditionalData(credentialsHelper, executionId, hooks);
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: built.source, data: { main: [[{ json: {} }]] }, source: null }],
			},
		});
		const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
		const [run] = await Promise.all([finished, execution.processRunExecutionData(built.workflow)]);

		const task = run.data.resultData.runData[NODE_UNDER_TEST]?.[0];
		return {
			outputs: outputsOf(run),
			error: task?.error ?? run.data.resultData.error,
			runData: run.data,
			logs,
			preAuthentications: { ...credentialsHelper.preAuthentications },
		};
	} finally {
		engine.logSinks.delete(logs);
	}
}
