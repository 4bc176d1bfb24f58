import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { basicAuthFromFields } from './common/authenticate';

export class TaleoLearnApi implements ICredentialType {
	name = 'taleoLearnApi';

	displayName = 'Taleo Learn API';

	icon: Icon = { light: 'file:taleoLearn.svg', dark: 'file:taleoLearn.dark.svg' };

	documentationUrl = 'https://docs.oracle.com/en/cloud/saas/taleo-enterprise/otrst/index.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Instance URL',
			name: 'instanceUrl',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'https://your-tenant.learn.taleo.net',
			description: 'Address of your Taleo Learn instance (https)',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			required: true,
			default: '',
			description: 'User name of the API user of the instance',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
	];

	authenticate = basicAuthFromFields('username', 'password');

	test: ICredentialTestRequest = {
		request: {
			// The node takes the URL with or without the API root and trailing slashes; so does the test.
			baseURL: '={{$credentials.instanceUrl.trim().replace(/\\/+$/, "").replace(/\\/learn\\.rest\\/v1$/, "")}}/learn.rest/v1',
			url: '/learnCenters',
			qs: { limit: 1 },
		},
	};
}
