/**
 * Lists the company's groups (Group → Get Many, Group → Get) and finds the group that holds a name
 * (the conflict lookup): one unpaged list, `GET /groups` (no paging is documented), read whole.
 */
import { onePage, pickByName } from '../shared/names';
import { parsedBody } from '../shared/outcome';
import { pageAnswerFailure } from '../shared/paging';
import type { Connection, GroupParams, ListQuery, NormalizedGroup, SendRequest } from '../shared/types';
import { normalizeGroup } from './answers';
import { DISPLAY_NAME } from './connection';
import { NAME_POLICY } from './params';

/** Every group of the token's company, as the one page of an unpaged list. */
export async function* listGroups(_query: ListQuery, { baseUrl }: Connection, send: SendRequest): AsyncGenerator<NormalizedGroup[]> {
	const response = await send({ method: 'GET', url: `${baseUrl}/groups`, json: true });
	const body = parsedBody(response.body);
	if (response.statusCode !== 200 || !Array.isArray(body)) throw pageAnswerFailure(DISPLAY_NAME, response);
	yield* onePage(body.map(normalizeGroup).filter((group) => group !== undefined));
}

export async function findExisting({ name }: GroupParams, connection: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	return await pickByName(listGroups({ name }, connection, send), name, NAME_POLICY);
}
