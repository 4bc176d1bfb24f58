/** HelloID's group API as the shared engine sees it (docs/vendors/helloid.md). */
import type { GroupApi } from '../shared/types';
import { interpret } from './answers';
import { helloIdBatch } from './batch';
import { CREDENTIAL_TYPE, derivedSecrets, DISPLAY_NAME, helloIdConnection } from './connection';
import { findExisting, listGroups } from './lookup';
import { NAME_POLICY, nameKey, readParams, type HelloIdParams } from './params';
import { createRequest } from './request';

export const helloIdApi: GroupApi<HelloIdParams> = {
	vendor: 'helloId',
	displayName: DISPLAY_NAME,
	// A repeated create is refused as a duplicate: "A group with this name already exists".
	repeatedCreateRefused: true,
	credentialType: () => CREDENTIAL_TYPE,
	connection: helloIdConnection,
	readParams,
	nameKey,
	createRequest,
	interpret,
	derivedSecrets,
	findExisting,
	// The list has no filters.
	list: { readQuery: () => ({}), pages: listGroups, namePolicy: NAME_POLICY },
	batch: helloIdBatch,
};
