/** HelloID's group API as the shared engine sees it (docs/vendors/helloid.md). */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { commonFailure, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type { Connection, GroupApi, HttpResponse, Interpretation } from '../shared/types';
import { requireBaseUrl, requireDnsLabel } from '../shared/validate';
import { DISPLAY_NAME, helloIdBatch, UNAUTHORIZED_HINT } from './batch';

export { UNAUTHORIZED_HINT };
import { groupBody, readHelloIdParams, type HelloIdParams } from './fields';
import { nameKey, normalizeGroup, saysNameTaken } from './group';
import { findExistingGroup } from './lookup';

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

/** Single mode: a duplicate's status is not documented, so 409 and any 4xx in the batch answer's words for a taken name count. */
function isDuplicate(response: HttpResponse): boolean {
	if (response.statusCode === 409) return true;
	const { statusCode } = response;
	return statusCode >= 400 && statusCode < 500 && statusCode !== 401 && saysNameTaken(messageFrom(response.body) ?? '');
}

export const helloIdApi: GroupApi<HelloIdParams> = {
	vendor: 'helloId',
	displayName: DISPLAY_NAME,
	// A repeated create is refused as a duplicate: "A group with this name already exists".
	repeatedCreateRefused: true,

	credentialType: () => 'helloIdApi',

	connection: helloIdConnection,

	readParams: readHelloIdParams,

	nameKey: ({ name }) => nameKey(name),

	createRequest: (params, { baseUrl }) => ({ method: 'POST', url: `${baseUrl}/groups`, body: groupBody(params), json: true }),

	interpret(response): Interpretation {
		if (response.statusCode >= 200 && response.statusCode < 300) {
			const group = normalizeGroup(parsedBody(response.body));
			return group ? { kind: 'created', group } : unexpectedSuccessBody(response, DISPLAY_NAME);
		}
		if (isDuplicate(response)) {
			return { kind: 'conflict', message: messageFrom(response.body) ?? 'A group with this name already exists.' };
		}
		return commonFailure(response, DISPLAY_NAME, { unauthorizedHint: UNAUTHORIZED_HINT });
	},

	// n8n sends `Authorization: Basic base64(key:secret)`; that form must not leak either.
	derivedSecrets: (credentials) => [`${String(credentials.apiKey ?? '')}:${String(credentials.apiSecret ?? '')}`],

	findExisting: findExistingGroup,

	batch: helloIdBatch,
};
