/** Assembla's group API as the shared engine sees it (docs/vendors/assembla.md). */
import type { GroupApi } from '../shared/types';
import { interpret } from './answers';
import { connection, credentialType, derivedSecrets, DISPLAY_NAME, TOKEN_CREDENTIAL_TYPES } from './connection';
import { findExisting, listGroups, type AssemblaListQuery } from './lookup';
import { NAME_POLICY, nameKey, readListQuery, readParams, type AssemblaParams } from './params';
import { createRequest } from './request';

export const assemblaApi: GroupApi<AssemblaParams, AssemblaListQuery> = {
	vendor: 'assembla',
	displayName: DISPLAY_NAME,
	// A repeated create is refused as a duplicate: names are unique per portfolio: 422 "has already been taken".
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
