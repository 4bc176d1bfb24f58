import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { headersFromFields } from './common/authenticate';

export class AssemblaApi implements ICredentialType {
	name = 'assemblaApi';

	displayName = 'Assembla API';

	icon: Icon = { light: 'file:assembla.svg', dark: 'file:assembla.dark.svg' };

	documentationUrl = 'https://api-docs.assembla.cc/content/authentication.html';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your API key, from the Applications page of your Assembla profile',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The secret that belongs to the API key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.assembla.com',
			description: 'Change only for a test server; requests go to <Base URL>/v1/...',
		},
	];

	authenticate = headersFromFields({ 'X-Api-Key': { field: 'apiKey' }, 'X-Api-Secret': { field: 'apiSecret' } });

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/user.json',
		},
	};
}
