/** Finds the group that holds a name: one unpaged list, `GET /groups` (no paging is documented). */
import { onePage, pickByName } from '../shared/names';
import { parsedBody } from '../shared/outcome';
import { pageAnswerFailure } from '../shared/paging';
import type { Connection, GroupParams, NormalizedGroup, SendRequest } from '../shared/types';
import { normalizeGroup } from './answers';
import { DISPLAY_NAME } from './connection';
import { NAME_POLICY } from './params';

export async function findExisting({ name }: GroupParams, { baseUrl }: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	const response = await send({ method: 'GET', url: `${baseUrl}/groups`, json: true });
	const body = parsedBody(response.body);
	if (response.statusCode !== 200 || !Array.isArray(body)) throw pageAnswerFailure(DISPLAY_NAME, response);
	const groups = body.map(normalizeGroup).filter((group) => group !== undefined);
	return await pickByName(onePage(groups), name, NAME_POLICY);
}
