/**
 * The two create paths in use: the vendor page's and the current docs' (docs/vendors/capillary.md).
 * Each family has its list endpoint beside it (`.../group`), used by the lookup and the credential Test.
 */
export const API_PATHS = {
	core: '/api_gateway/core/v1/group',
	rewardsCore: '/api_gateway/rewards/core/v1/group',
} as const;

export type ApiPath = keyof typeof API_PATHS;

/** The node's default API Path option, which the credential Test follows. */
export const DEFAULT_API_PATH: ApiPath = 'core';
