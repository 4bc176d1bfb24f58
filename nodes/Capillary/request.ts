/** The create request: `POST <API Path>/create` with `{ name, rank? }`. */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { API_PATHS } from '../../credentials/common/capillary/paths';
import type { Connection } from '../shared/types';
import type { CapillaryParams } from './params';

export function createRequest({ name, rank, apiPath }: CapillaryParams, { baseUrl }: Connection): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${baseUrl}${API_PATHS[apiPath]}/create`,
		body: rank === undefined ? { name } : { name, rank },
		json: true,
	};
}
