import type {
	IAuthenticate,
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { basicAuthFromFields, headersFromFields } from './common/authenticate';

type Authenticate = (credentials: ICredentialDataDecryptedObject, request: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

// The common helpers return the function form of IAuthenticate.
const bearer = headersFromFields({ Authorization: { field: 'token', prefix: 'Bearer ' } }) as Authenticate;
const basic = basicAuthFromFields('username', 'password') as Authenticate;

/**
 * SCIM 2.0 (RFC 7644 §2: HTTP authentication of the service's choice; Bearer tokens and Basic are
 * what services offer). Both are in one credential, chosen by `authentication`.
 */
export class ScimApi implements ICredentialType {
	name = 'scimApi';

	displayName = 'SCIM 2.0 API';

	icon: Icon = { light: 'file:scim.svg', dark: 'file:scim.dark.svg' };

	documentationUrl = 'https://datatracker.ietf.org/doc/html/rfc7644';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://api.example.com/scim/v2',
			description:
				"The service's SCIM endpoint, the part before /Groups. https:// is required except for localhost.",
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Bearer Token', value: 'bearer' },
				{ name: 'Basic Auth', value: 'basic' },
			],
			default: 'bearer',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['bearer'] } },
			description: 'The SCIM token the service issued for provisioning',
		},
		{
			displayName: 'User',
			name: 'username',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['basic'] } },
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) =>
		credentials.authentication === 'basic'
			? await basic(credentials, requestOptions)
			: await bearer(credentials, requestOptions);

	/**
	 * RFC 7644 §4: `/ServiceProviderConfig` is the endpoint every service has. A declarative test is one
	 * request, so the fallback (`/Groups?count=1`) is not tried; see docs/vendors/scim.md.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{String($credentials.baseUrl).trim().replace(/\\/+$/, "")}}',
			url: '/ServiceProviderConfig',
		},
	};
}
