/** Small node:http helpers shared by the server and vendor modules. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderMap, Query, VendorResponse } from './types';

export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** `a=1&b=2&b=3` → `{ a: '1', b: ['2', '3'] }`. */
export function parseQuery(search: string): Query {
	const query: Record<string, string | string[]> = {};
	if (search === '') return query;
	for (const [key, value] of new URLSearchParams(search)) {
		const previous = query[key];
		if (previous === undefined) query[key] = value;
		else if (typeof previous === 'string') query[key] = [previous, value];
		else previous.push(value);
	}
	return query;
}

/** Lower-case media type without parameters: `Application/JSON; charset=utf-8` → `application/json`. */
export function mediaType(req: { readonly headers: IncomingMessage['headers'] }): string {
	const value = req.headers['content-type'];
	if (value === undefined) return '';
	const semicolon = value.indexOf(';');
	return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

export function json(status: number, body: unknown, headers?: HeaderMap): VendorResponse {
	return { status, json: body, headers };
}

/** `{"code": N, "message": "..."}`, the error shape several vendors use. */
export function codeMessage(status: number, message: string, extra?: Readonly<Record<string, unknown>>): VendorResponse {
	return json(status, { code: status, message, ...extra });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers?: HeaderMap): void {
	sendText(res, status, JSON.stringify(body), 'application/json; charset=utf-8', headers);
}

/** Writes a complete answer with Content-Length. `headers` may override the content type. */
export function sendText(
	res: ServerResponse,
	status: number,
	body: string,
	contentType: string,
	headers?: HeaderMap,
): void {
	if (res.destroyed || res.headersSent) return; // client hung up during a delay; nothing to write to
	res.statusCode = status;
	const bodiless = status === 204 || status === 304 || (status >= 100 && status < 200);
	if (!bodiless) {
		res.setHeader('content-type', contentType);
		res.setHeader('content-length', Buffer.byteLength(body));
	}
	if (headers !== undefined) for (const name of Object.keys(headers)) res.setHeader(name, headers[name]);
	res.end(bodiless ? undefined : body);
}

export function send(res: ServerResponse, response: VendorResponse): void {
	if ('json' in response) sendJson(res, response.status, response.json, response.headers);
	else sendText(res, response.status, response.text ?? '', response.contentType ?? 'text/plain; charset=utf-8', response.headers);
}
