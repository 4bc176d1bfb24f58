/** Assembla's group API as the shared engine sees it (docs/vendors/assembla.md). */
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import type { GroupApi } from '../shared/types';
import { requireBaseUrl } from '../shared/validate';
import { DISPLAY_NAME, interpret } from './answers';
import { createRequest } from './encodings';
import { findExisting } from './lookup';
import { nameKey, readParams, type AssemblaParams } from './params';

/** The credential type the node's Authentication parameter picks (see `credentials` in the node). */
function credentialType(ctx: IExecuteFunctions): string {
	return ctx.getNodeParameter('authentication', 0, 'apiKey') === 'oAuth2' ? 'assemblaOAuth2Api' : 'assemblaApi';
}

/** The Basic header n8n sends to the token endpoint carries `clientId:clientSecret` in Base64. */
function derivedSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const { clientId, clientSecret } = credentials;
	return typeof clientId === 'string' && typeof clientSecret === 'string' && clientSecret
		? [`${clientId}:${clientSecret}`]
		: [];
}

export const assemblaApi: GroupApi<AssemblaParams> = {
	vendor: 'assembla',
	displayName: DISPLAY_NAME,
	// A repeated create is refused as a duplicate: names are unique per portfolio: 422 "has already been taken".
	repeatedCreateRefused: true,
	credentialType,
	// Access tokens last 15 minutes; n8n's OAuth2 helper refreshes them on a 401.
	tokenCredentialTypes: ['assemblaOAuth2Api'],
	// Keys and tokens travel in headers: plain http only towards this machine (a test server).
	connection: (credentials) => ({ baseUrl: requireBaseUrl('Base URL', credentials.baseUrl, 'https-or-loopback') }),
	readParams,
	nameKey,
	createRequest,
	interpret,
	derivedSecrets,
	findExisting,
};
