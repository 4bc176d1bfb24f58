/** The Capillary node's own parameters: authentication, Rank, and which create path to call. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forCreate } from '../shared/descriptions';
import { InputError, optionalInteger } from '../shared/validate';

/** `authentication` values → credential types. */
export const CREDENTIAL_TYPES = { basic: 'capillaryApi', oAuth: 'capillaryOAuthApi' } as const;

/** Rank is a Java int at Capillary. */
const RANK_RANGE = { min: -2_147_483_648, max: 2_147_483_647 };

/**
 * The two create paths in use: the vendor page's and the current docs' (docs/vendors/capillary.md). Each family has its list
 * endpoint beside it (`.../group`), used for the lookup.
 */
export const API_PATHS = {
	core: '/api_gateway/core/v1/group',
	rewardsCore: '/api_gateway/rewards/core/v1/group',
} as const;

export type ApiPath = keyof typeof API_PATHS;

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
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Rank',
				name: 'rank',
				type: 'number',
				default: 0,
				description: 'The rank of the group, a whole number. An empty value (or null from an expression) sends no rank.',
			},
		],
	},
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
	default: 'core',
	description: 'Which of the two create paths in use to call; the lookup uses the list path beside it',
};

export function readCredentialType(ctx: IExecuteFunctions): string {
	const authentication = ctx.getNodeParameter('authentication', 0, 'basic');
	if (authentication !== 'basic' && authentication !== 'oAuth') {
		throw new InputError('Authentication', '"Authentication" must be "basic" or "oAuth"');
	}
	return CREDENTIAL_TYPES[authentication];
}

export function readRank(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as Record<string, unknown>;
	return optionalInteger('Rank', fields.rank, RANK_RANGE);
}

export function readApiPath(ctx: IExecuteFunctions, itemIndex: number): ApiPath {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const path = options.apiPath ?? 'core';
	if (path !== 'core' && path !== 'rewardsCore') {
		throw new InputError('API Path', '"API Path" must be "core" or "rewardsCore"');
	}
	return path;
}
