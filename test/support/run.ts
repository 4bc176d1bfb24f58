/** Runs one vendor's node through the harness against the sandbox, configured as a user would. */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runLoadOptions, runWorkflow } from '../harness';
import type { CredentialStore, OnErrorSetting, RunResult } from '../harness';
import type { Sandbox, VendorName } from '../sandbox/types';
import { credentialWiring, sandboxCredential, VENDORS } from './vendors';

export interface NodeRun {
	items: IDataObject[];
	/** Node parameters added to (and overriding) the vendor's "Group → Create" defaults. */
	parameters?: INodeParameters;
	/** The node's Options collection. */
	options?: IDataObject;
	onError?: OnErrorSetting;
	/** Which credential type (and so which `authentication`); the vendor's first by default. */
	credentialType?: string;
	/** Replaces fields of the sandbox's credential. */
	credential?: ICredentialDataDecryptedObject;
	/** Replaces the whole credential store (keep one across runs to see a fetched token stay). */
	credentials?: CredentialStore;
}

export async function runNode(sandbox: Sandbox, vendor: VendorName, run: NodeRun): Promise<RunResult> {
	const wiring = VENDORS[vendor];
	const credential = credentialWiring(vendor, run.credentialType);
	return await runWorkflow({
		node: {
			type: wiring.node,
			parameters: {
				...wiring.parameters,
				...credential.authentication,
				...run.parameters,
				options: (run.options ?? {}) as INodeParameters,
			},
			credentials: { [credential.type]: `${wiring.displayName} sandbox` },
			onError: run.onError,
		},
		items: run.items,
		credentialTypes: [...wiring.credentialTypes],
		credentials: run.credentials ?? sandboxCredential(sandbox, vendor, credential.type, run.credential),
	});
}

/** Calls one of the node's load-options methods (a dropdown's list) with the sandbox's credential, `credential` replacing fields. */
export async function loadOptions(
	sandbox: Sandbox,
	vendor: VendorName,
	method: string,
	credential?: ICredentialDataDecryptedObject,
): ReturnType<typeof runLoadOptions> {
	const wiring = VENDORS[vendor];
	const { type } = credentialWiring(vendor);
	return await runLoadOptions({
		node: {
			type: wiring.node,
			parameters: { resource: 'group', operation: 'create' },
			credentials: { [type]: `${wiring.displayName} sandbox` },
		},
		method,
		credentialTypes: [...wiring.credentialTypes],
		credentials: sandboxCredential(sandbox, vendor, type, credential),
	});
}
