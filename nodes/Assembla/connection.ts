/** Who Assembla is to the engine: its credential types, where they point, the secret forms they derive. */
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import type { Connection } from '../shared/types';
import { InputError, requireBaseUrl } from '../shared/validate';

export const DISPLAY_NAME = 'Assembla';

/** Access tokens last 15 minutes; n8n's OAuth2 helper refreshes them on a 401. */
export const TOKEN_CREDENTIAL_TYPES = ['assemblaOAuth2Api'] as const;

/** The credential type the node's Authentication parameter picks (see `credentials` in the node). */
export function credentialType(ctx: IExecuteFunctions): string {
	return ctx.getNodeParameter('authentication', 0, 'apiKey') === 'oAuth2' ? 'assemblaOAuth2Api' : 'assemblaApi';
}

export const NOT_CONNECTED =
	'The Assembla OAuth2 credential is not connected yet: open it and click Connect (n8n 1.x: "Connect my account"), or use an Assembla API key credential';

/**
 * An OAuth2 credential (it has a client id) holds an access token only once its Connect finished.
 * Without one n8n's OAuth2 helper fails each request with words a builder cannot act on ("OAuth
 * credentials not connected", or "Unable to sign without access token" with no description).
 */
function requireConnected(credentials: ICredentialDataDecryptedObject): void {
	if (!('clientId' in credentials)) return;
	const tokenData = credentials.oauthTokenData as { access_token?: unknown } | undefined;
	if (typeof tokenData?.access_token !== 'string' || tokenData.access_token === '') throw new InputError('Credential', NOT_CONNECTED);
}

/** Keys and tokens travel in headers: plain http only towards this machine (a test server). */
export function connection(credentials: ICredentialDataDecryptedObject): Connection {
	requireConnected(credentials);
	return { baseUrl: requireBaseUrl('Base URL', credentials.baseUrl, 'https-or-loopback') };
}

/** The Basic header n8n sends to the token endpoint carries `clientId:clientSecret` in Base64. */
export function derivedSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const { clientId, clientSecret } = credentials;
	return typeof clientId === 'string' && typeof clientSecret === 'string' && clientSecret
		? [`${clientId}:${clientSecret}`]
		: [];
}
