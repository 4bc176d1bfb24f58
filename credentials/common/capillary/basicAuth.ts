/**
 * Capillary's Basic authentication: `Authorization: Basic base64(username:md5(password))`, the
 * password md5-hashed in lower-case hex. The user types the plain password; these forms are derived.
 */
import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { InputError } from '../../../nodes/shared/validate';

export function md5Hex(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

function requireCredentialText(credentials: ICredentialDataDecryptedObject, key: string, field: string): string {
	const value = credentials[key];
	if (typeof value !== 'string' || value === '') throw new InputError(field, `"${field}" is empty`);
	return value;
}

/** `username:md5(password)`, the pair Capillary expects inside the Basic header. */
function hashedPair(credentials: ICredentialDataDecryptedObject): string {
	const username = requireCredentialText(credentials, 'username', 'Username');
	if (username.includes(':')) throw new InputError('Username', '"Username" must not contain ":"');
	return `${username}:${md5Hex(requireCredentialText(credentials, 'password', 'Password'))}`;
}

export function basicAuthorization(credentials: ICredentialDataDecryptedObject): string {
	return `Basic ${Buffer.from(hashedPair(credentials), 'utf8').toString('base64')}`;
}

/** The derived secrets to scrub from outputs: the md5 and the Base64 of `username:md5` (the redactor adds Base64 forms). */
export function basicDerivedSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const { password, username } = credentials;
	if (typeof password !== 'string' || password === '') return [];
	const md5 = md5Hex(password);
	return typeof username === 'string' ? [md5, `${username}:${md5}`] : [md5];
}
