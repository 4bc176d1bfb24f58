/** Who HelloID is to the engine: its credential, where it points, the secret forms it derives. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Connection } from '../shared/types';
import { requireBaseUrl, requireDnsLabel } from '../shared/validate';

export const DISPLAY_NAME = 'HelloID';
export const CREDENTIAL_TYPE = 'helloIdApi';

const API_PATH = '/api/v1';

/**
 * `https://{company}.helloid.com/api/v1`, or the override. The company name is checked even when an
 * override is set: a name that is not a single DNS label never sends anything.
 */
export function helloIdConnection(credentials: ICredentialDataDecryptedObject): Connection {
	const company = requireDnsLabel('Company Name', credentials.companyName);
	const override = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	// Basic auth carries the secret itself: plain http only towards this machine.
	const portal = override ? requireBaseUrl('Base URL', override, 'https-or-loopback') : `https://${company}.helloid.com`;
	// Accept the override with or without the API path (Tools4ever's connectors are configured both ways).
	return { baseUrl: `${portal.replace(/\/api\/v1$/i, '')}${API_PATH}` };
}

/** n8n sends `Authorization: Basic base64(key:secret)`; that form must not leak either. */
export function derivedSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	return [`${String(credentials.apiKey ?? '')}:${String(credentials.apiSecret ?? '')}`];
}
