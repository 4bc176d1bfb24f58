/** Who the SCIM service is to the engine and where its credential points. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Connection } from '../shared/types';
import { requireBaseUrl } from '../shared/validate';

export const DISPLAY_NAME = 'SCIM 2.0';
export const CREDENTIAL_TYPE = 'scimApi';

/** The token or password travels in a header: plain http only towards this machine (a test server). */
export function connection(credentials: ICredentialDataDecryptedObject): Connection {
	return { baseUrl: requireBaseUrl('Base URL', credentials.baseUrl, 'https-or-loopback') };
}
