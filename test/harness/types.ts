/** The shapes a test hands to the harness and gets back. */
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRunExecutionData,
} from 'n8n-workflow';

/** A node class (constructed with `new`) or an instance of one. */
export type NodeTypeInput = INodeType | (new () => INodeType);

export type OnErrorSetting = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

/** The node under test, as a user would configure it on the canvas. */
export interface HarnessNode {
	type: NodeTypeInput;
	parameters: INodeParameters;
	/** Credential type name → the credential's display name (as the node's credential picker stores it). */
	credentials?: Record<string, string>;
	/** The node's "On Error" setting; n8n's default is `stopWorkflow`. */
	onError?: OnErrorSetting;
	/** Defaults to the highest version the node describes. */
	typeVersion?: number;
}

/**
 * The credential store of one or more runs: credential type name → its decrypted data.
 * The harness writes into this very record (preAuthentication tokens, `updateCredentials`), the way
 * n8n writes to its database. Pass the same record to the next run to keep a fetched token; pass a
 * fresh one to start clean.
 */
export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

export interface CredentialSetup {
	/** Instances of the credential types the node (and their `extends` parents) use. */
	credentialTypes: ICredentialType[];
	credentials: CredentialStore;
}

export interface RunOptions extends CredentialSetup {
	node: HarnessNode;
	/** The rows the source node emits, one item each, in this order. */
	items: IDataObject[];
}

export interface RunResult {
	/** The node's main outputs by index, including the extra error output under `continueErrorOutput`. */
	outputs: INodeExecutionData[][];
	/**
	 * The node's error when the run failed (`stopWorkflow`, or an error n8n could not route). n8n keeps
	 * a plain copy (`{ ...error, message, stack }`), not the instance: match on `name`, not `instanceof`.
	 */
	error?: ExecutionError;
	/** Everything n8n recorded about the run: JSON.stringify it to look for leaked secrets. */
	runData: IRunExecutionData;
	/**
	 * Every message logged through n8n's LoggerProxy or its DI Logger (a node's `this.logger`) during
	 * the run, as JSON `{ level, message, scopes?, metadata? }`. Runs under way at the same time in one
	 * test file each get the other's messages too.
	 */
	logs: string[];
	/** How often each credential type's `preAuthentication` ran during this run. */
	preAuthentications: Record<string, number>;
}

export interface LoadOptionsRequest extends CredentialSetup {
	node: HarnessNode;
	/** The key of `nodeType.methods.loadOptions` to call. */
	method: string;
	/**
	 * Path of the parameter whose options are loaded, below `parameters` (e.g. `options.groupId`); what
	 * `getCurrentNodeParameter('&sibling')` is relative to. Defaults to the top-level property whose
	 * `typeOptions.loadOptionsMethod` is `method`.
	 */
	parameter?: string;
}
