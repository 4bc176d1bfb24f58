import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { headersFromFields } from './common/authenticate';

export class InvisibleCollectorApi implements ICredentialType {
	name = 'invisibleCollectorApi';

	displayName = 'Invisible Collector API';

	icon: Icon = { light: 'file:invisibleCollector.svg', dark: 'file:invisibleCollector.dark.svg' };

	documentationUrl = 'https://www.invisiblecollector.com/docs/api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: "Your company's API token, from Invisible Collector's settings",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.invisiblecollector.com',
			description: 'Change only for a private deployment or a test server',
		},
	];

	authenticate = headersFromFields({ Authorization: { field: 'apiToken', prefix: 'Bearer ' } });

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/companies',
		},
	};
}
