/** The create request: `POST {base}/Groups` with the core Group schema (RFC 7643 §4.2, RFC 7644 §3.3). */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Connection } from '../shared/types';
import type { ScimParams } from './params';

export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
/** RFC 7644 §3.1 / §8.1: SCIM's media type, and plain JSON, which every service must accept. */
export const ACCEPT = 'application/scim+json, application/json';

export function createRequest({ name, externalId, members }: ScimParams, { baseUrl }: Connection): IHttpRequestOptions {
	const body: IDataObject = { schemas: [GROUP_SCHEMA], displayName: name };
	if (externalId !== undefined) body.externalId = externalId;
	if (members.length > 0) body.members = members.map((value) => ({ value }));
	return { method: 'POST', url: `${baseUrl}/Groups`, headers: { Accept: ACCEPT }, body, json: true };
}
