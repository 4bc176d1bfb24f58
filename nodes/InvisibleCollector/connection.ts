/** Who Invisible Collector is to the engine and where its credential points. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Connection } from '../shared/types';
import { requireBaseUrl } from '../shared/validate';

export const DISPLAY_NAME = 'Invisible Collector';
export const CREDENTIAL_TYPE = 'invisibleCollectorApi';

/** The token travels in a header: plain http only towards this machine (a test server). */
export function connection(credentials: ICredentialDataDecryptedObject): Connection {
	return { baseUrl: requireBaseUrl('Base URL', credentials.baseUrl, 'https-or-loopback') };
}
