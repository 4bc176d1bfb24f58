/**
 * SCIM filter text (RFC 7644 §3.4.2.2). A comparison value is a JSON string (`compValue = ... / string`,
 * with `string` from RFC 7159), so JSON's escaping is the filter's: a `"` or `\` in a name becomes `\"`
 * or `\\` and can neither end the value early nor add an `or`/`pr` clause of its own. Letters outside
 * ASCII stay as they are (the query string is percent-encoded as UTF-8 by the HTTP client).
 */

/** `attribute eq "value"` with the value escaped as a JSON string. */
export function equalsFilter(attribute: 'displayName' | 'externalId', value: string): string {
	return `${attribute} eq ${JSON.stringify(value)}`;
}
