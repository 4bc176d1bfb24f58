/** The Capillary node's own UI properties: authentication, Rank, and which create path to call. */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_API_PATH } from '../../credentials/common/capillary/paths';
import { additionalFieldsCollection, forCreate } from '../shared/descriptions';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Basic (Username and Password)', value: 'basic' },
		{ name: 'OAuth (Client Key and Secret)', value: 'oAuth' },
	],
	default: 'basic',
};

export const additionalFields: INodeProperties[] = forCreate([
	additionalFieldsCollection([
		{
			displayName: 'Rank',
			name: 'rank',
			type: 'number',
			default: 0,
			description: 'The rank of the group, a whole number. An empty value (or null from an expression) sends no rank.',
		},
	]),
]);

export const apiPathOption: INodeProperties = {
	displayName: 'API Path',
	name: 'apiPath',
	type: 'options',
	options: [
		{
			name: 'Core (Reference Page)',
			value: 'core',
			description: 'POST /api_gateway/core/v1/group/create, the path on the reference page this node was built from',
		},
		{
			name: 'Rewards Core (Current Docs)',
			value: 'rewardsCore',
			description: "POST /api_gateway/rewards/core/v1/group/create, the path in Capillary's current documentation",
		},
	],
	default: DEFAULT_API_PATH,
	description: 'Which of the two create paths in use to call; the lookup uses the list path beside it',
};
