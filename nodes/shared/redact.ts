/**
 * Keeps secrets out of outputs and errors: whatever a vendor echoes back (an Authorization header in
 * an error page, a key in a message) is replaced before it leaves the node.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const SECRET_KEY = /(secret|password|token|key)$/i;
/** Shorter values are too likely to occur in ordinary text to be replaced blindly. */
const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[redacted]';

/** Every string under a key that names a secret (apiKey, apiSecret, password, access_token, ...), at any depth. */
export function secretsIn(credentials: unknown, depth = 0): string[] {
	if (depth > 4 || typeof credentials !== 'object' || credentials === null) return [];
	return Object.entries(credentials as Record<string, unknown>).flatMap(([key, value]) => {
		if (typeof value === 'string') return SECRET_KEY.test(key) ? [value] : [];
		return secretsIn(value, depth + 1);
	});
}

export type Redactor = <T>(value: T) => T;

/** A function that replaces each secret (and its Base64 form) in strings, deeply in objects and arrays. */
export function redactor(credentials: ICredentialDataDecryptedObject[], derived: string[] = []): Redactor {
	const secrets = [...new Set([...credentials.flatMap((data) => secretsIn(data)), ...derived])]
		.filter((secret) => secret.length >= MIN_SECRET_LENGTH)
		.flatMap((secret) => [secret, Buffer.from(secret).toString('base64')])
		.sort((a, b) => b.length - a.length);
	if (!secrets.length) return <T>(value: T) => value;

	const scrubText = (text: string) =>
		secrets.reduce((result, secret) => (result.includes(secret) ? result.split(secret).join(REDACTED) : result), text);
	const scrub = (value: unknown, depth: number): unknown => {
		if (typeof value === 'string') return scrubText(value);
		if (depth > 20 || typeof value !== 'object' || value === null) return value;
		if (Array.isArray(value)) return value.map((entry) => scrub(entry, depth + 1));
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, scrub(entry, depth + 1)]));
	};
	return <T>(value: T) => scrub(value, 0) as T;
}
