/**
 * The three ways Assembla takes a group (docs/vendors/assembla.md), each as the vendor's page shows it:
 * JSON (`/v1/groups.json`, Content-Type application/json) with the fields flat, `{"name","type","items"}`,
 * as both of the page's JSON examples send them (not wrapped in `group`, which the page never shows);
 * XML (`/v1/groups.xml`, application/xml) in a `<group>` element; and a query-string body
 * (`group[name]=...`) sent without a Content-Type, which Rails reads as a form.
 * The suffix picks the answer's format; answers.ts reads them back whatever they turn out to be.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import type { Connection } from '../shared/types';
import type { AssemblaParams } from './params';
import { toXml } from './xml';

/** The group's fields as every encoding sends them; an empty item list is left out. */
function groupFields({ name, type, items }: AssemblaParams): { name: string; type: string; items?: string[] } {
	return items.length ? { name, type, items } : { name, type };
}

/** `group[name]=..&group[type]=..&group[items][]=..`: brackets kept readable, everything else percent-encoded. */
export function queryStringBody(params: AssemblaParams): string {
	const { name, type, items } = groupFields(params);
	const pair = (key: string, value: string) => `${key}=${encodeURIComponent(value)}`;
	return [pair('group[name]', name), pair('group[type]', type), ...(items ?? []).map((id) => pair('group[items][]', id))].join(
		'&',
	);
}

export function groupXml(params: AssemblaParams): string {
	const { name, type, items } = groupFields(params);
	return toXml('group', { name, type, items: items ? { list: items, itemName: 'item' } : undefined });
}

export function createRequest(params: AssemblaParams, { baseUrl }: Connection): IHttpRequestOptions {
	const qs = { portfolio: params.portfolio };
	switch (params.bodyFormat) {
		case 'xml':
			return {
				method: 'POST',
				url: `${baseUrl}/v1/groups.xml`,
				qs,
				headers: { 'Content-Type': 'application/xml; charset=utf-8', Accept: 'application/xml' },
				body: groupXml(params),
			};
		case 'queryString':
			return {
				method: 'POST',
				url: `${baseUrl}/v1/groups.json`,
				qs,
				// The vendor page (docs/vendors/assembla.md) says to send no Content-Type for query-string data (Rack then reads a form).
				// `false` is how the HTTP client under n8n's helper is told to send none instead of its default.
				headers: { Accept: 'application/json', 'Content-Type': false },
				body: queryStringBody(params),
			};
		case 'json':
			return { method: 'POST', url: `${baseUrl}/v1/groups.json`, qs, body: groupFields(params), json: true };
	}
}
