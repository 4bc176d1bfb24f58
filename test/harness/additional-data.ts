/** `additionalData`: what the n8n server hands the engine for one execution. */
import type { ExecutionLifecycleHooks } from 'n8n-core';
import { ExternalSecretsProxy } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

/** Nothing listens here: the URLs only have to parse (`getNodeParameter` builds resume URLs from them). */
const BASE_URL = 'http://localhost:5678';

function unsupported(what: string): never {
	throw new UnexpectedError(`The harness does not support ${what}`);
}

export function buildAdditionalData(
	credentialsHelper: ICredentialsHelper,
	executionId: string,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		executionId,
		workflowId: 'harness-workflow',
		userId: 'harness-user',
		currentNodeExecutionIndex: 0,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		instanceBaseUrl: `${BASE_URL}/`,
		restApiUrl: `${BASE_URL}/rest`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		logAiEvent: () => undefined,
		executeWorkflow: async () => unsupported('sub-workflows'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		startRunnerTask: async () => unsupported('task runners (Code node)'),
	};
}
