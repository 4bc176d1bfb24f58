/**
 * Hostile values for node fields (fast-check arbitraries) and, per kind of field, the rule that
 * says which values the node must take. The rules are written from the fields' documented contract
 * (descriptions and README), so a value the rule refuses must never reach the vendor.
 */
import fc from 'fast-check';

/** Control characters as Unicode defines them (C0, DEL and C1, category Cc) and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Text of every kind: ASCII, any Unicode, control characters, blank, very long. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
	fc.string({ maxLength: 20 }),
	fc.string({ unit: 'grapheme', maxLength: 12 }),
	fc.string({ unit: 'binary', maxLength: 12 }),
	fc.string({ unit: 'binary-ascii', maxLength: 12 }),
	fc.constantFrom('', ' ', '   ', '\t', '\n', 'a\nb', 'x\u0000y', 'tab\tinside', '\u007f', '\u00a0\u2003', ' padded '),
	fc.constantFrom('next\u0085line', 'csi\u009b31m', 'line\u2028separator', 'para\u2029graph', '\u0080'),
	fc.constantFrom('Ünïcödé', '名前', 'emoji 🐱‍👤', 'ﷺ', 'e\u0301', 'rtl \u202e txet'),
	fc.string({ minLength: 240, maxLength: 300 }),
	fc.nat(400).map((length) => 'x'.repeat(length)),
);

/** What an expression can put where text belongs: text, numbers, booleans, null, objects, lists. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
	{ arbitrary: hostileText, weight: 4 },
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.object({ maxDepth: 1, maxKeys: 3 }),
	fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
);

/** List fields: comma-separated text, or lists with junk entries. */
export const hostileList: fc.Arbitrary<unknown> = fc.oneof(
	hostileText,
	fc.array(hostileText, { maxLength: 4 }),
	fc.array(fc.oneof(hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.object({ maxDepth: 0 })), {
		maxLength: 4,
	}),
	fc.object({ maxDepth: 1, maxKeys: 2 }),
	fc.integer(),
);

// ---- rules ----------------------------------------------------------------------------------------

/** A number is taken as its text; the text, trimmed, is not blank, has no control character and is short enough. */
export function isValidText(value: unknown, maxLength: number): boolean {
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof text !== 'string') return false;
	const trimmed = text.trim();
	return trimmed !== '' && !CONTROL.test(trimmed) && [...trimmed].length <= maxLength;
}

/** Blank or absent is fine; anything else as `isValidText`. */
export function isValidOptionalText(value: unknown, maxLength: number): boolean {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return true;
	return isValidText(value, maxLength);
}

/** Comma-separated text or a list; every entry text or a finite number, without control characters. */
export function listEntries(value: unknown): string[] | undefined {
	if (value === undefined || value === null || value === '') return [];
	const entries: unknown = typeof value === 'string' ? value.split(',') : value;
	if (!Array.isArray(entries)) return undefined;
	const texts: string[] = [];
	for (const entry of entries as unknown[]) {
		if (typeof entry === 'number' && Number.isFinite(entry)) texts.push(String(entry));
		else if (typeof entry === 'string' && !CONTROL.test(entry)) texts.push(entry.trim());
		else return undefined;
	}
	return texts.filter((text) => text !== '');
}

export const isValidList = (value: unknown): boolean => listEntries(value) !== undefined;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isValidGuidList = (value: unknown): boolean => listEntries(value)?.every((entry) => GUID.test(entry)) ?? false;
/** Blank or absent, or a GUID (a number is taken as its text, which is never one). */
export function isValidOptionalGuid(value: unknown): boolean {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return true;
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	return typeof text === 'string' && isValidText(text, 36) && GUID.test(text.trim());
}

/** One DNS label: letters, digits, inner hyphens, at most 63 characters. */
export const isDnsLabel = (value: unknown): boolean =>
	typeof value === 'string' && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(value.trim());

/** A whole number (or digits as text) within the range; blank or absent is fine. */
export function isValidOptionalInteger(value: unknown, min: number, max: number): boolean {
	if (value === undefined || value === null || value === '') return true;
	const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
	return Number.isSafeInteger(number) && number >= min && number <= max;
}

/** A positive id: digits only (as text or as a number). */
export function isPositiveId(value: unknown): boolean {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	return text !== undefined && /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) && Number(text) >= 1;
}

export const isValidIdList = (value: unknown): boolean => listEntries(value)?.every(isPositiveId) ?? false;

export const isBoolean = (value: unknown): boolean => typeof value === 'boolean' || value === 'true' || value === 'false';

/** One of the options, compared as given (`caseInsensitive`: trimmed and in any letter case). */
export function isOneOf(value: unknown, options: readonly string[], { optional = false, caseInsensitive = false } = {}): boolean {
	if (optional && (value === undefined || value === null || value === '')) return true;
	if (typeof value !== 'string') return false;
	if (!caseInsensitive) return options.includes(value);
	return options.some((option) => option.toLowerCase() === value.trim().toLowerCase());
}
