/** Calls a node's `methods.loadOptions` entry through n8n-core's LoadOptionsContext, as the editor does. */
import { LoadOptionsContext } from 'n8n-core';
import type { INodePropertyOptions, INodeType } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { buildAdditionalData } from './additional-data';
import { CredentialTypeRegistry } from './credential-types';
import { HarnessCredentialsHelper } from './credentials-helper';
import { prepareEngine } from './environment';
import { instantiate } from './node-types';
import type { LoadOptionsRequest } from './types';
import { buildWorkflow } from './workflow';

function parameterUsing(nodeType: INodeType, method: string): string {
	const property = nodeType.description.properties.find(
		(candidate) => candidate.typeOptions?.loadOptionsMethod === method,
	);
	return property?.name ?? method;
}

export async function runLoadOptions(request: LoadOptionsRequest): Promise<INodePropertyOptions[]> {
	prepareEngine();
	const nodeType = instantiate(request.node.type);
	const method = nodeType.methods?.loadOptions?.[request.method];
	if (method === undefined) {
		throw new UnexpectedError(`The node has no loadOptions method "${request.method}"`);
	}
	const { workflow, nodeUnderTest } = buildWorkflow({ ...request.node, type: nodeType }, []);
	const credentialsHelper = new HarnessCredentialsHelper(
		new CredentialTypeRegistry(request.credentialTypes),
		request.credentials,
		{ workflow, node: nodeUnderTest },
	);
	const additionalData = buildAdditionalData(credentialsHelper, 'harness-load-options');
	// The editor sends the node's current parameters along, and the path of the one being filled.
	additionalData.currentNodeParameters = nodeUnderTest.parameters;
	const parameter = request.parameter ?? parameterUsing(nodeType, request.method);
	const context = new LoadOptionsContext(workflow, nodeUnderTest, additionalData, `parameters.${parameter}`);
	return await method.call(context);
}
