/** Capillary's reward-group API as the shared engine sees it (docs/vendors/capillary.md). */
import type { GroupApi } from '../shared/types';
import { interpret } from './answers';
import { connection, credentialType, derivedSecrets, DISPLAY_NAME, TOKEN_CREDENTIAL_TYPES } from './connection';
import { findExisting, listGroups, type CapillaryListQuery } from './lookup';
import { NAME_POLICY, nameKey, readListQuery, readParams, type CapillaryParams } from './params';
import { createRequest } from './request';

export const capillaryApi: GroupApi<CapillaryParams, CapillaryListQuery> = {
	vendor: 'capillary',
	displayName: DISPLAY_NAME,
	// A repeated create is refused as a duplicate: error 12012 "Group name must be unique".
	repeatedCreateRefused: true,
	credentialType,
	tokenCredentialTypes: TOKEN_CREDENTIAL_TYPES,
	connection,
	readParams,
	nameKey,
	createRequest,
	interpret,
	derivedSecrets,
	findExisting,
	list: { readQuery: readListQuery, pages: listGroups, namePolicy: NAME_POLICY },
};
