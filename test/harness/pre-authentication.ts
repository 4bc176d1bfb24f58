/**
 * The pieces of n8n's CLI `preAuthentication` rules that do not need the credential store: which
 * property expires, what the hook may reach, and what of its output gets saved.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { UserError, getCredentialOwnRequestAllowedDomains, isExpression } from 'n8n-workflow';

/**
 * The property whose emptiness means "fetch a new token". n8n looks only at the type's own
 * properties and only at `hidden` ones: an expirable field of another type never triggers the hook.
 */
export function findExpirableProperty(type: ICredentialType): INodeProperties | undefined {
	return type.properties.find(
		(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
	);
}

/**
 * What the hook gets as `this`: only `helpers.httpRequest`, held to the credential's allowed domains
 * when it has any (n8n's `restrictToCredentialDomains`).
 */
export function restrictToCredentialDomains(
	helpers: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): IHttpRequestHelper {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

/**
 * The stored data with the hook's output merged in, except over fields the user stored as
 * expressions (those would otherwise be frozen to this run's value); the expiring field always wins.
 */
export function mergeForStorage(
	stored: ICredentialDataDecryptedObject,
	output: ICredentialDataDecryptedObject,
	expirableName: string,
): ICredentialDataDecryptedObject {
	const merged = { ...stored };
	for (const [key, value] of Object.entries(output)) {
		if (key === expirableName || !isExpression(stored[key])) merged[key] = value;
	}
	return merged;
}
