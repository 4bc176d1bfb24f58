import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { capillaryCredentialTest } from './common/capillary/credentialTest';
import { hostProperties } from './common/capillary/hosts';
import { accessTokenFor } from './common/capillary/token';
import { headersFromFields } from './common/authenticate';

/**
 * Capillary's key/secret authentication: a token fetched from `/v3/oauth/token/generate` and sent as
 * `X-CAP-API-OAUTH-TOKEN`. n8n keeps it in the hidden expirable field and calls `preAuthentication`
 * again when that field is empty or a request answers 401.
 */
export class CapillaryOAuthApi implements ICredentialType {
	name = 'capillaryOAuthApi';

	displayName = 'Capillary OAuth API';

	icon: Icon = { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' };

	documentationUrl = 'https://docs.capillarytech.com/';

	properties: INodeProperties[] = [
		...hostProperties,
		{
			displayName: 'Client Key',
			name: 'clientKey',
			type: 'string',
			required: true,
			default: '',
			description: 'The key of the OAuth client created in Capillary (Settings → Developer Console)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { accessToken: await accessTokenFor(this, credentials) };
	}

	authenticate = headersFromFields({ 'X-CAP-API-OAUTH-TOKEN': { field: 'accessToken' } });

	/** The list beside the node's default create path; a failure names the path it tried (see common/capillary/credentialTest.ts). */
	test: ICredentialTestRequest = capillaryCredentialTest;
}
