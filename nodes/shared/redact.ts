/**
 * Keeps secrets out of outputs and errors: whatever a vendor echoes back (an Authorization header in
 * an error page, a key in a message, a token in a URL it quotes) is replaced before it leaves the node.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

const SECRET_KEY = /(secret|password|token|key)$/i;
/** Fields that go before a secret in a `user:password` or `key:secret` pair (Basic auth, token endpoints). */
const IDENTITY_KEY = /(user|username|login|email|clientid|client_id|key|id)$/i;
/** Shorter values are too likely to occur in ordinary text to be replaced blindly. */
const MIN_SECRET_LENGTH = 4;
/** Objects nested deeper than this are replaced whole by TOO_DEEP: never walked, never returned unscrubbed. */
export const MAX_SCRUB_DEPTH = 20;
export const REDACTED = '[redacted]';
export const TOO_DEEP = '[too deep]';

/** Every string under a key that names a secret (apiKey, apiSecret, password, access_token, ...), at any depth. */
export function secretsIn(credentials: unknown, depth = 0): string[] {
	if (depth > 4 || typeof credentials !== 'object' || credentials === null) return [];
	return Object.entries(credentials as Record<string, unknown>).flatMap(([key, value]) => {
		if (typeof value === 'string') return SECRET_KEY.test(key) ? [value] : [];
		return secretsIn(value, depth + 1);
	});
}

/** `identity:secret` for each identity-like field and secret of one credential object (and nested ones). */
export function secretPairsIn(credentials: unknown, depth = 0): string[] {
	if (depth > 4 || typeof credentials !== 'object' || credentials === null) return [];
	const entries = Object.entries(credentials as Record<string, unknown>);
	const strings = entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
	const identities = strings.filter(([key]) => IDENTITY_KEY.test(key)).map(([, value]) => value);
	const secrets = strings.filter(([key]) => SECRET_KEY.test(key)).map(([, value]) => value);
	const pairs = identities.flatMap((identity) =>
		secrets.filter((secret) => secret !== identity).map((secret) => `${identity}:${secret}`),
	);
	return [...pairs, ...entries.flatMap(([, value]) => secretPairsIn(value, depth + 1))];
}

/**
 * The forms a secret travels in: as typed, Base64 and base64url (padded or not), percent-encoded as
 * in a URL path or query (upper- or lower-case hex) and form-encoded (`+` for spaces).
 */
export function secretForms(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const percent = encodeURIComponent(secret);
	return [
		secret,
		bytes.toString('base64'),
		bytes.toString('base64').replace(/=+$/, ''),
		bytes.toString('base64url'),
		percent,
		percent.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
		percent.replace(/%20/g, '+'),
		new URLSearchParams({ s: secret }).toString().slice(2),
	];
}

export type Redactor = <T>(value: T) => T;

/** A function that replaces each secret (in each of its forms) in strings, deeply in objects and arrays. */
export function redactor(credentials: ICredentialDataDecryptedObject[], derived: string[] = []): Redactor {
	const plain = [...credentials.flatMap((data) => [...secretsIn(data), ...secretPairsIn(data)]), ...derived];
	const secrets = [...new Set(plain.filter((secret) => secret.length >= MIN_SECRET_LENGTH).flatMap(secretForms))]
		.filter((form) => form.length >= MIN_SECRET_LENGTH)
		.sort((a, b) => b.length - a.length);

	const scrubText = (text: string) =>
		secrets.reduce((result, secret) => (result.includes(secret) ? result.split(secret).join(REDACTED) : result), text);
	const scrub = (value: unknown, depth: number): unknown => {
		if (typeof value === 'string') return secrets.length ? scrubText(value) : value;
		if (typeof value !== 'object' || value === null) return value;
		if (depth > MAX_SCRUB_DEPTH) return TOO_DEEP;
		if (Array.isArray(value)) return value.map((entry) => scrub(entry, depth + 1));
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, scrub(entry, depth + 1)]));
	};
	return <T>(value: T) => scrub(value, 0) as T;
}
