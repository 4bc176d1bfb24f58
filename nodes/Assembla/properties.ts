/** The Assembla node's own UI properties: authentication, Portfolio, Type, Items and the Body Format option. */
import type { INodeProperties } from 'n8n-workflow';

import { forCreate, forEveryOperation } from '../shared/descriptions';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey', description: 'Your API key and secret (X-Api-Key / X-Api-Secret)' },
		{ name: 'OAuth2', value: 'oAuth2', description: 'An Assembla application, with access tokens n8n refreshes' },
	],
	default: 'apiKey',
};

export const [portfolioProperty] = forEveryOperation([
	{
		displayName: 'Portfolio',
		name: 'portfolio',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. acme',
		description: 'Subdomain of the portfolio that gets or holds the groups (acme for acme.assembla.com)',
	},
]);

/** Type and Items, shown after the Name. */
export const membershipProperties: INodeProperties[] = forCreate([
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Space', value: 'space', description: 'A group of spaces' },
			{ name: 'User', value: 'user', description: 'A group of users' },
		],
		default: 'space',
		description: 'What the group holds',
	},
	{
		displayName: 'Items',
		name: 'items',
		type: 'string',
		default: '',
		placeholder: 'e.g. dCDf9QDNyr4PMj5bfBjDYC, deug5QDNyr4PMj5bfBjDYC',
		description:
			'IDs of the spaces or users to put in the group: comma-separated, or a list from an expression. Leave empty for an empty group.',
	},
]);

export const bodyFormatOption: INodeProperties = {
	displayName: 'Body Format',
	name: 'bodyFormat',
	type: 'options',
	options: [
		{ name: 'JSON', value: 'json', description: 'A JSON body, answered in JSON' },
		{ name: 'XML', value: 'xml', description: 'An XML body, answered in XML' },
		{
			name: 'Query String',
			value: 'queryString',
			description: 'A form-style body (group[name]=...) without a Content-Type, answered in JSON',
		},
	],
	default: 'json',
	description: 'How the group is encoded in the request; Assembla accepts all three',
};
