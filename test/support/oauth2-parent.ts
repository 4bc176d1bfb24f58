import type { ICredentialType } from 'n8n-workflow';

/**
 * The fields of n8n's own `oAuth2Api` credential type (n8n-nodes-base, not installed here) that
 * `assemblaOAuth2Api` extends: without the parent the harness, like n8n, would drop the client id
 * and secret as undeclared fields.
 */
export class OAuth2ApiParent implements ICredentialType {
	name = 'oAuth2Api';

	displayName = 'OAuth2 API (stand-in for n8n-nodes-base)';

	properties: ICredentialType['properties'] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'string', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'string', default: 'header' },
	];
}
