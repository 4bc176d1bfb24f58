/**
 * Field checks that run before any request. Each failure names the field; the engine adds the item.
 */

/** Bad input in one field of one item (or of the credential). Becomes a NodeOperationError. */
export class InputError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

/** What a value is, in a builder's words: "a list", "an object", "true/false", "a number". */
function describe(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'boolean') return 'true/false';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Undefined or null: the field (or the input's column) is not there at all. */
const missing = (value: unknown): boolean => value === undefined || value === null;

/** A required text field: a string (numbers are taken as text), trimmed, not blank, within `maxLength`. */
export function requireText(field: string, value: unknown, maxLength: number): string {
	if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
	if (missing(value)) throw new InputError(field, `"${field}" is missing`);
	if (typeof value !== 'string') {
		throw new InputError(field, `"${field}" must be text, but it is ${describe(value)}`);
	}
	const text = value.trim();
	if (text === '') throw new InputError(field, `"${field}" is empty`);
	if (CONTROL_CHARACTERS.test(text)) {
		throw new InputError(field, `"${field}" contains control characters (such as line breaks or tabs)`);
	}
	if ([...text].length > maxLength) {
		throw new InputError(field, `"${field}" is longer than ${maxLength} characters`);
	}
	return text;
}

/** An optional text field: undefined, null or blank gives undefined; otherwise as `requireText`. */
export function optionalText(field: string, value: unknown, maxLength: number): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string' && value.trim() === '') return undefined;
	return requireText(field, value, maxLength);
}

/** An optional whole number: undefined, null or '' gives undefined; digits in a string are accepted. */
export function optionalInteger(
	field: string,
	value: unknown,
	{ min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {},
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let number: number = NaN;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) number = Number(value);
	if (!Number.isSafeInteger(number)) {
		throw new InputError(field, `"${field}" must be a whole number, but it is ${JSON.stringify(value) ?? describe(value)}`);
	}
	if (number < min || number > max) {
		throw new InputError(field, `"${field}" must be between ${min} and ${max}`);
	}
	return number;
}

/** A yes/no field: booleans, or the strings "true"/"false" that expressions often produce. */
export function requireBoolean(field: string, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	if (missing(value)) throw new InputError(field, `"${field}" is missing`);
	throw new InputError(field, `"${field}" must be true or false, but it is ${describe(value)}`);
}

/**
 * A list field: an array from an expression, or a comma-separated string from a text box.
 * Blank entries are dropped; every entry must be text or a number.
 */
export function textList(field: string, value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const entries = typeof value === 'string' ? value.split(',') : value;
	if (!Array.isArray(entries)) {
		throw new InputError(field, `"${field}" must be a list or comma-separated text, but it is ${describe(value)}`);
	}
	return entries
		.map((entry, position) => {
			if (typeof entry === 'number' && Number.isFinite(entry)) return String(entry);
			if (typeof entry !== 'string') {
				throw new InputError(field, `"${field}" entry ${position + 1} must be text, but it is ${describe(entry)}`);
			}
			if (CONTROL_CHARACTERS.test(entry)) {
				throw new InputError(field, `"${field}" entry ${position + 1} contains control characters`);
			}
			return entry.trim();
		})
		.filter((entry) => entry !== '');
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A single DNS label (letters, digits, hyphens): a company or portfolio name that becomes part of a host. */
export function requireDnsLabel(field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text !== 'string' || !DNS_LABEL.test(text)) {
		throw new InputError(
			field,
			`"${field}" may hold only letters, digits and hyphens (no spaces or dots), at most 63 characters`,
		);
	}
	return text.toLowerCase();
}

/** A host name made of DNS labels separated by dots (no scheme, port, path or credentials). */
export function requireHostname(field: string, value: unknown): string {
	const text = typeof value === 'string' ? value.trim().replace(/\.$/, '') : value;
	if (typeof text !== 'string' || text.length > 253 || !text.split('.').every((label) => DNS_LABEL.test(label))) {
		throw new InputError(field, `"${field}" must be a host name such as api.example.com, without https://, port or path`);
	}
	return text.toLowerCase();
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain http towards this machine (a test server), where a secret does not cross a network. */
export function isLoopbackHttp(url: URL): boolean {
	return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * A base URL from a credential: http(s), no user info, query or fragment; plain http only where allowed
 * (`https-or-loopback` keeps secrets off the wire except towards this machine, e.g. a test server).
 * Returns it without a trailing slash.
 */
export function requireBaseUrl(
	field: string,
	value: unknown,
	scheme: 'http-or-https' | 'https-or-loopback' = 'http-or-https',
): string {
	let url: URL | undefined;
	try {
		url = typeof value === 'string' ? new URL(value.trim()) : undefined;
	} catch {
		url = undefined;
	}
	const problem = !url
		? 'is not a web address such as https://api.example.com'
		: !['http:', 'https:'].includes(url.protocol)
			? 'must start with https://'
			: url.username || url.password
				? 'must not contain a user name or password'
				: url.search || url.hash
					? 'must not contain ? or #'
					: scheme === 'https-or-loopback' && url.protocol === 'http:' && !isLoopbackHttp(url)
						? 'must use https:// (http:// is only allowed for localhost)'
						: undefined;
	if (problem || !url) throw new InputError(field, `"${field}" ${problem ?? 'is not a web address'}`);
	return url.toString().replace(/\/+$/, '');
}

/** How `oneOf` reads a choice: each vendor declares what its field allows. */
export interface ChoiceRule {
	/** Undefined, null or '' gives undefined (the field was left out); otherwise it is refused like any other value. */
	optional?: boolean;
	/** Letter case and surrounding spaces are ignored, and the choice is returned as it is spelled in `allowed`. */
	ignoreCase?: boolean;
	/**
	 * How the refusal shows the choices: `quoted` (`"a", "b"`), or `plainWithValue` (`a, b, not "x"`),
	 * naming the value too. Both wordings are in use and checked by the vendors' tests.
	 */
	wording?: 'quoted' | 'plainWithValue';
}

/** A value that must be one of `allowed` (a dropdown fed by an expression, an option from a collection). */
export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], rule: ChoiceRule & { optional: true }): T | undefined;
export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], rule?: ChoiceRule): T;
export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], rule: ChoiceRule = {}): T | undefined {
	if (rule.optional && (value === undefined || value === null || value === '')) return undefined;
	const fold = (text: string) => (rule.ignoreCase ? text.trim().toLowerCase() : text);
	const match = typeof value === 'string' ? allowed.find((choice) => fold(choice) === fold(value)) : undefined;
	if (match !== undefined) return match;
	const choices =
		rule.wording === 'plainWithValue'
			? `${allowed.join(', ')}, not ${JSON.stringify(value)}`
			: allowed.map((choice) => `"${choice}"`).join(', ');
	throw new InputError(field, `"${field}" must be one of ${choices}`);
}
