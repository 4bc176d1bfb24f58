/** The create request: `POST /groups` with `{ name }`. */
import type { IHttpRequestOptions } from 'n8n-workflow';

import type { Connection, GroupParams } from '../shared/types';

export function createRequest({ name }: GroupParams, { baseUrl }: Connection): IHttpRequestOptions {
	return { method: 'POST', url: `${baseUrl}/groups`, body: { name }, json: true };
}
