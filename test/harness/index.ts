/**
 * Runs our nodes through n8n's real engine (n8n-core's WorkflowExecute and LoadOptionsContext) with
 * real credential resolution and real HTTP. See types.ts for what goes in and comes out.
 */
import { prepareEngine } from './environment';

// Set up when a test file imports the harness, so the temporary n8n folder is removed after its tests.
prepareEngine();

export { runWorkflow } from './run-workflow';
export { runLoadOptions } from './load-options';
export { HarnessCredentialsHelper } from './credentials-helper';
export { NODE_UNDER_TEST } from './workflow';
export { SOURCE_NODE_NAME, SOURCE_NODE_TYPE } from './source-node';
export type {
	CredentialStore,
	HarnessNode,
	LoadOptionsRequest,
	NodeTypeInput,
	OnErrorSetting,
	RunOptions,
	RunResult,
} from './types';
