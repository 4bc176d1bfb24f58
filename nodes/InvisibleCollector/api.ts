/** Invisible Collector's group API as the shared engine sees it (docs/vendors/invisible-collector.md). */
import type { GroupApi, GroupParams } from '../shared/types';
import { interpret } from './answers';
import { connection, CREDENTIAL_TYPE, DISPLAY_NAME } from './connection';
import { findExisting, listGroups } from './lookup';
import { NAME_POLICY, nameKey, readParams } from './params';
import { createRequest } from './request';

export const invisibleCollectorApi: GroupApi<GroupParams> = {
	vendor: 'invisibleCollector',
	displayName: DISPLAY_NAME,
	// A repeated create is refused as a duplicate: 409 for a duplicate name.
	repeatedCreateRefused: true,
	credentialType: () => CREDENTIAL_TYPE,
	connection,
	readParams,
	nameKey,
	createRequest,
	interpret,
	findExisting,
	// The list has no filters and no documented paging: one request reads it whole.
	list: { readQuery: () => ({}), pages: listGroups, namePolicy: NAME_POLICY },
};
