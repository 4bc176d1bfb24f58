/**
 * n8n's credential resolution for one run, in memory: what the CLI's CredentialsHelper does against
 * its database, done against the `credentials` record the test passed (see CredentialStore).
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, UnexpectedError, deepCopy } from 'n8n-workflow';

import { resolveExpressions, withDefaults } from './credential-data';
import type { CredentialTypeRegistry } from './credential-types';
import { applyGenericAuthentication } from './generic-authenticate';
import { MemoryCredentials } from './memory-credentials';
import { findExpirableProperty, mergeForStorage, restrictToCredentialDomains } from './pre-authentication';
import type { CredentialStore } from './types';

/** The workflow and node of the run, for expressions resolved outside an execution step. */
export interface RunScope {
	workflow: Workflow;
	node: INode;
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** Calls of each type's `preAuthentication` hook so far. */
	readonly preAuthentications: Record<string, number> = {};

	constructor(
		private readonly types: CredentialTypeRegistry,
		private readonly store: CredentialStore,
		private readonly scope: RunScope,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.types.getParentTypes(name);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const type = this.types.getByName(credentialType);
		if (type.restrictToSupportedNodes !== true) return true;
		// `supportedNodes` holds short names; `nodeType` is package-qualified.
		const shortName = nodeType.slice(nodeType.lastIndexOf('.') + 1);
		return (type.supportedNodes ?? []).some((name) => name === nodeType || name === shortName);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.types.getByName(typeName);
		// n8n-core only ever passes IHttpRequestOptions here (the union is for the legacy request
		// helper); n8n's own CredentialsHelper casts the same way.
		const options = requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (workflow === undefined || node === undefined) {
				throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
			}
			applyGenericAuthentication(authenticate, credentials, options, workflow, node);
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.getByName(typeName);
		const expirable = findExpirableProperty(type);
		if (expirable === undefined || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await this.callHook(helpers, credentials, typeName);
		// Output without the expiring field is not saved (n8n would not update its database either).
		if (output?.[expirable.name] === undefined) return undefined;
		const nodeCredentials = node.credentials?.[typeName];
		if (nodeCredentials === undefined) return undefined;

		const stored = await (await this.getCredentials(nodeCredentials, typeName)).getData();
		await this.updateCredentials(nodeCredentials, typeName, mergeForStorage(stored, output, expirable.name));
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return await this.callHook(helpers, credentials, typeName);
	}

	private async callHook(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.types.getByName(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		this.preAuthentications[typeName] = (this.preAuthentications[typeName] ?? 0) + 1;
		// IDataObject and ICredentialDataDecryptedObject differ only in their value unions on paper.
		return (await preAuthentication.call(
			restrictToCredentialDomains(helpers, credentials),
			credentials,
		)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		if (this.store[type] === undefined) {
			throw new UnexpectedError(`No credential data for "${type}": add it to the run's credentials`);
		}
		return new MemoryCredentials(nodeCredentials, type, this.store);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = await (await this.getCredentials(nodeCredentials, type)).getData();
		if (raw === true) return stored;
		return resolveExpressions(withDefaults(stored, this.getCredentialsProperties(type)), {
			additionalData,
			mode,
			executeData,
			expressionResolveValues,
			workflow: this.scope.workflow,
			node: executeData?.node ?? this.scope.node,
		});
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await (await this.getCredentials(nodeCredentials, type)).setData(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const credentials = await this.getCredentials(nodeCredentials, type);
		await credentials.updateData({ oauthTokenData: deepCopy(data.oauthTokenData) });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const properties = this.types.getProperties(type);
		if (!['oAuth1Api', 'oAuth2Api'].includes(type)) return properties;
		// Where n8n keeps access and refresh tokens; not a field of the credential form.
		return [...properties, { displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', default: {} }];
	}
}
