/**
 * A `SendRequest` straight to the sandbox (no engine, no retries), for calling a vendor's `findExisting`
 * on its own: the lookup contract (null only for "the vendor has no such group", a throw when it could
 * not look) is checked where it is made, besides what the engine makes of it. Not a vendor module.
 */
import type { HttpResponse, SendRequest } from '../../../nodes/shared/types';

/** Sends with fixed headers (the credential's), reads JSON bodies as n8n's `json: true` does. */
export function directSend(headers: Record<string, string>): SendRequest {
	return async (request) => {
		const url = new URL(String(request.url));
		for (const [key, value] of Object.entries(request.qs ?? {})) url.searchParams.set(key, String(value));
		const response = await fetch(url, { method: request.method ?? 'GET', headers });
		const text = await response.text();
		let body: unknown = text;
		try {
			body = text ? (JSON.parse(text) as unknown) : text;
		} catch {
			// not JSON: kept as text, as n8n keeps it
		}
		const answer: HttpResponse = { statusCode: response.status, headers: Object.fromEntries(response.headers), body };
		return answer;
	};
}

export const basicAuth = (user: string, password: string): Record<string, string> => ({
	authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});
