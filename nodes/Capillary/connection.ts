/** Who Capillary is to the engine: its two credential types, where they point, the secret forms they derive. */
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { basicDerivedSecrets } from '../../credentials/common/capillary/basicAuth';
import { capillaryBaseUrl } from '../../credentials/common/capillary/hosts';
import type { Connection } from '../shared/types';
import { oneOf } from '../shared/validate';

export const DISPLAY_NAME = 'Capillary';

/** `authentication` values → credential types. */
export const CREDENTIAL_TYPES = { basic: 'capillaryApi', oAuth: 'capillaryOAuthApi' } as const;

const AUTHENTICATIONS = Object.keys(CREDENTIAL_TYPES) as Array<keyof typeof CREDENTIAL_TYPES>;

/** The key/secret credential's token (pre-authentication) is fetched again on a 401. */
export const TOKEN_CREDENTIAL_TYPES = [CREDENTIAL_TYPES.oAuth] as const;

export function credentialType(ctx: IExecuteFunctions): string {
	const authentication = oneOf('Authentication', ctx.getNodeParameter('authentication', 0, 'basic'), AUTHENTICATIONS);
	return CREDENTIAL_TYPES[authentication];
}

export function connection(credentials: ICredentialDataDecryptedObject): Connection {
	return { baseUrl: capillaryBaseUrl(credentials) };
}

/** The md5 of the password and the `username:md5` pair the Basic header carries. */
export const derivedSecrets = basicDerivedSecrets;
