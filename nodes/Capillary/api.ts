/** Capillary's reward-group API as the shared engine sees it (docs/vendors/capillary.md). */
import type { GroupApi } from '../shared/types';
import { interpret } from './answers';
import { connection, credentialType, derivedSecrets, DISPLAY_NAME, TOKEN_CREDENTIAL_TYPES } from './connection';
import { findExisting } from './lookup';
import { nameKey, readParams, type CapillaryParams } from './params';
import { createRequest } from './request';

export const capillaryApi: GroupApi<CapillaryParams> = {
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
};
