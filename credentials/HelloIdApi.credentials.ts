import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { basicAuthFromFields } from './common/authenticate';

/**
 * The portal the Test button calls: the override, or `https://{company}.helloid.com` when the company
 * name is a single DNS label. Any other company name points at a reserved, unresolvable host
 * (RFC 6761 `.invalid`), so a crafted name cannot send the key elsewhere; the node itself refuses it.
 */
const PORTAL_URL =
	'={{ /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(String($credentials.companyName).trim()) ? ' +
	'(String($credentials.baseUrl || "").trim() ? String($credentials.baseUrl).trim().replace(/\\/+$/, "").replace(/\\/api\\/v1$/i, "") : ' +
	'"https://" + String($credentials.companyName).trim().toLowerCase() + ".helloid.com") : ' +
	'"https://company-name-is-not-a-dns-label.invalid" }}';

export class HelloIdApi implements ICredentialType {
	name = 'helloIdApi';

	displayName = 'HelloID API';

	icon: Icon = { light: 'file:helloId.svg', dark: 'file:helloId.dark.svg' };

	documentationUrl = 'https://docs.helloid.com/hc/en-us/articles/115002955233-POST-Create-groups';

	properties: INodeProperties[] = [
		{
			displayName: 'Company Name',
			name: 'companyName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. acme',
			description:
				'The first part of your portal address: acme for https://acme.helloid.com. Letters, digits and hyphens only.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'An API key from the HelloID portal (Settings → API). Keys can be restricted to IP addresses.',
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
			default: '',
			placeholder: 'https://acme.helloid.com',
			description:
				'Leave empty to use https://{company}.helloid.com. Set only for a private deployment or a test server; https:// is required except for localhost.',
		},
	];

	authenticate = basicAuthFromFields('apiKey', 'apiSecret');

	test: ICredentialTestRequest = {
		request: {
			baseURL: PORTAL_URL,
			url: '/api/v1/groups',
			qs: { take: 1, skip: 0 },
		},
	};
}
