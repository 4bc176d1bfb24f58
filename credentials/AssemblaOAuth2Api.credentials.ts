import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Assembla's endpoints hang off the Base URL, so a test server can stand in for all of them. */
const base = '{{ $self["baseUrl"].replace(/\\/+$/, "") }}';

export class AssemblaOAuth2Api implements ICredentialType {
	name = 'assemblaOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Assembla OAuth2 API';

	icon: Icon = { light: 'file:assembla.svg', dark: 'file:assembla.dark.svg' };

	documentationUrl = 'https://api-docs.assembla.cc/content/authentication.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.assembla.com',
			description:
				'Change only for a test server: the authorization page, the token endpoint and the API all live under it',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `=${base}/authorization`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `=${base}/token`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// Assembla wants the client id and secret as Basic auth on the token endpoint.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
	];
}
