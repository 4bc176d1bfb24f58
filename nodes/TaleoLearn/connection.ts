/** Who Taleo Learn is to the engine: its credential, where it points, the secret forms it derives. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Connection } from '../shared/types';
import { requireBaseUrl } from '../shared/validate';

export const CREDENTIAL_TYPE = 'taleoLearnApi';
export const DISPLAY_NAME = 'Taleo Learn';

/** The docs list 500 as an answer of create; it is retried like a 502/503/504 (which the transport retries anyway). */
export const TALEO_RETRY_STATUSES: readonly number[] = [500];

/** The REST API's root below the instance URL. */
const API_ROOT = '/learn.rest/v1';

/**
 * `https://{tenant}.learn.taleo.net` → `https://{tenant}.learn.taleo.net/learn.rest/v1`. A URL pasted
 * with the API root already on it is taken as well. Plain http only towards this machine.
 */
export function connection(credentials: ICredentialDataDecryptedObject): Connection {
	const instanceUrl = requireBaseUrl('Instance URL', credentials.instanceUrl, 'https-or-loopback');
	const withoutRoot = instanceUrl.endsWith(API_ROOT) ? instanceUrl.slice(0, -API_ROOT.length) : instanceUrl;
	return { baseUrl: `${withoutRoot}${API_ROOT}` };
}

/** HTTP Basic puts `user:password` on the wire as Base64: both forms are secrets in outputs and errors. */
export function derivedSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const username = typeof credentials.username === 'string' ? credentials.username : '';
	const password = typeof credentials.password === 'string' ? credentials.password : '';
	if (!password) return [];
	const pair = `${username}:${password}`;
	return [pair, Buffer.from(pair).toString('base64')];
}
