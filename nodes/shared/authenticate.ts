/**
 * Credential `authenticate` functions for the common schemes. n8n evaluates the generic form
 * (`'=Bearer {{$credentials.apiToken}}'`) as an expression on every request, which costs about as much
 * as the request itself in a bulk run; these read the fields directly and send the same thing.
 */
import type { IAuthenticate, ICredentialDataDecryptedObject } from 'n8n-workflow';

const text = (credentials: ICredentialDataDecryptedObject, field: string): string => {
	const value = credentials[field];
	return value === undefined || value === null ? '' : String(value);
};

/** Headers whose values come from credential fields, with an optional prefix (`Bearer `). */
export function headersFromFields(headers: Record<string, { field: string; prefix?: string }>): IAuthenticate {
	return async (credentials, requestOptions) => ({
		...requestOptions,
		headers: {
			...requestOptions.headers,
			...Object.fromEntries(
				Object.entries(headers).map(([name, { field, prefix = '' }]) => [name, `${prefix}${text(credentials, field)}`]),
			),
		},
	});
}

/** HTTP Basic from two credential fields, sent by n8n's HTTP client as with the generic `auth` form. */
export function basicAuthFromFields(usernameField: string, passwordField: string): IAuthenticate {
	return async (credentials, requestOptions) => ({
		...requestOptions,
		auth: { username: text(credentials, usernameField), password: text(credentials, passwordField) },
	});
}
