/** A SCIM 2.0 service's Groups endpoint as the shared engine sees it (docs/vendors/scim.md). */
import type { GroupApi } from '../shared/types';
import { interpret } from './answers';
import { connection, CREDENTIAL_TYPE, DISPLAY_NAME } from './connection';
import { findExisting, groupPages } from './lookup';
import { NAME_POLICY, nameKey, readParams, uniqueKeys, type ScimParams } from './params';
import { createRequest } from './request';

export const scimApi: GroupApi<ScimParams> = {
	vendor: 'scim',
	displayName: DISPLAY_NAME,
	/**
	 * RFC 7643 §4.2 and §8.7.1 give `displayName` `uniqueness: "none"`: a service may well accept a
	 * second group of the same name. So a create that may have reached the service is not sent again
	 * before the group is looked up (by externalId when set, else by name).
	 */
	repeatedCreateRefused: false,
	credentialType: () => CREDENTIAL_TYPE,
	connection,
	readParams,
	nameKey,
	uniqueKeys,
	createRequest,
	interpret,
	findExisting,
	// A SCIM Groups list has no filter a user picks beyond the name (Get); Get Many lists them all.
	list: { readQuery: () => ({}), pages: groupPages, namePolicy: NAME_POLICY },
};
