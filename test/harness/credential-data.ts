/**
 * What a node gets from `getCredentials`: the stored data with the credential type's defaults filled
 * in and expressions (`={{ ... }}`) resolved, as n8n's CLI CredentialsHelper builds it.
 */
import { getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	INode,
	INodeParameters,
	INodeProperties,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, deepCopy, isExpression } from 'n8n-workflow';

// n8n keeps credential data and node parameters in two index-signature types whose value unions
// differ on paper only; its own CredentialsHelper converts between them with casts, as these do.
const asParameters = (data: ICredentialDataDecryptedObject) => data as unknown as INodeParameters;
const asCredentialData = (value: unknown) => value as ICredentialDataDecryptedObject;

export interface ResolveContext {
	additionalData: IWorkflowExecuteAdditionalData;
	mode: WorkflowExecuteMode;
	executeData?: IExecuteData;
	/** Present when a node asks during its execution (item data available to expressions). */
	expressionResolveValues?: ICredentialsExpressionResolveValues;
	/** Used when the request comes without execution data (load options, say). */
	workflow: Workflow;
	node: INode;
}

export function withDefaults(
	stored: ICredentialDataDecryptedObject,
	properties: INodeProperties[],
): ICredentialDataDecryptedObject {
	const data = asCredentialData(
		NodeHelpers.getNodeParameters(properties, asParameters(deepCopy(stored)), true, false, null, null) ?? {},
	);
	// Not a declared property of most types, so n8n puts it back after filling defaults.
	if (stored.oauthTokenData !== undefined) data.oauthTokenData = deepCopy(stored.oauthTokenData);
	return data;
}

export function resolveExpressions(
	data: ICredentialDataDecryptedObject,
	context: ResolveContext,
): ICredentialDataDecryptedObject {
	const { additionalData, mode, executeData, expressionResolveValues: values } = context;
	const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
	if (values !== undefined) {
		try {
			return asCredentialData(
				values.workflow.expression.getParameterValue(
					asParameters(data),
					values.runExecutionData,
					values.runIndex,
					values.itemIndex,
					values.node.name,
					values.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					data,
				),
			);
		} catch (error) {
			if (error instanceof Error) error.message += ' [Error resolving credentials]';
			throw error;
		}
	}
	if (!Object.values(data).some(isExpression)) return data;
	return asCredentialData(
		context.workflow.expression.getComplexParameterValue(
			context.node,
			asParameters(data),
			mode,
			additionalKeys,
			undefined,
			undefined,
			data,
		),
	);
}
