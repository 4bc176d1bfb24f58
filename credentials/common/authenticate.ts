/**
 * Credential `authenticate` functions for the common schemes. n8n evaluates the generic form
 * (`'=Bearer {{$credentials.apiToken}}'`) as an expression on every request, which costs about as much
 * as the request itself in a bulk run; these read the fields directly and send the same thing.
 *
 * They also refuse to put a secret on a request that would carry it in clear text to another machine
 * (plain http other than to this machine). The nodes check their base URLs before any request; this
 * covers the credential's Test button too, whose URL comes straight from what the user typed.
 */
import type { IAuthenticate, ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { isLoopbackHttp } from '../../nodes/shared/validate';

function assertSafeDestination({ url, baseURL }: IHttpRequestOptions): void {
	let target: URL | undefined;
	try {
		target = baseURL ? new URL(`${baseURL.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`) : new URL(url);
	} catch {
		target = undefined;
	}
	const safe =
		target !== undefined &&
		(target.protocol === 'https:' || isLoopbackHttp(target));
	if (!safe) {
		throw new UserError('The credential is sent only to an https:// address (plain http:// only to localhost)');
	}
}

const text = (credentials: ICredentialDataDecryptedObject, field: string): string => {
	const value = credentials[field];
	return value === undefined || value === null ? '' : String(value);
};

/** Headers whose values come from credential fields, with an optional prefix (`Bearer `). */
export function headersFromFields(headers: Record<string, { field: string; prefix?: string }>): IAuthenticate {
	return async (credentials, requestOptions) => {
		assertSafeDestination(requestOptions);
		const added = Object.entries(headers).map(([name, { field, prefix = '' }]) => [name, `${prefix}${text(credentials, field)}`]);
		return { ...requestOptions, headers: { ...requestOptions.headers, ...Object.fromEntries(added) } };
	};
}

/** HTTP Basic from two credential fields, sent by n8n's HTTP client as with the generic `auth` form. */
export function basicAuthFromFields(usernameField: string, passwordField: string): IAuthenticate {
	return async (credentials, requestOptions) => {
		assertSafeDestination(requestOptions);
		return {
			...requestOptions,
			auth: { username: text(credentials, usernameField), password: text(credentials, passwordField) },
		};
	};
}
