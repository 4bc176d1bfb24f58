import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { basicAuthorization } from './common/capillary/basicAuth';
import { capillaryCredentialTest } from './common/capillary/credentialTest';
import { capillaryBaseUrl, hostProperties } from './common/capillary/hosts';

export class CapillaryApi implements ICredentialType {
	name = 'capillaryApi';

	displayName = 'Capillary API';

	icon: Icon = { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' };

	documentationUrl = 'https://docs.capillarytech.com/';

	properties: INodeProperties[] = [
		...hostProperties,
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			description: 'The till or API user name',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The plain password; the node sends its md5 hash, as Capillary requires',
		},
	];

	/** Basic with the password md5-hashed, which the generic (expression) form cannot compute. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// Refuses a host that is not allowed before the user's password hash goes anywhere.
		capillaryBaseUrl(credentials);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: basicAuthorization(credentials) },
		};
	}

	/** The list beside the node's default create path; a failure names the path it tried (see common/capillary/credentialTest.ts). */
	test: ICredentialTestRequest = capillaryCredentialTest;
}
