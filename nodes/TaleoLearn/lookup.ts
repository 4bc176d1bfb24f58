/**
 * Lists a learn center's groups (Group → Get Many, Group → Get) and finds the group that holds a name
 * (the conflict lookup), through one reader that pages through the learn center's groups (there is
 * no name filter). The lookup resolves null only after the whole list was read; both throw (a
 * LookupFailedError) when it could not be.
 */
import { pickByName } from '../shared/names';
import { guardedPages, mapPages } from '../shared/paging';
import type { Connection, ListQuery, NormalizedGroup, SendRequest } from '../shared/types';
import { normalizeGroup } from './answers';
import { learnCenterPath } from './learnCenters';
import { listPlan } from './paging';
import { NAME_POLICY, type TaleoParams } from './params';

/** 50,000 groups in one learn center; a longer list fails the lookup (the engine says so in the Conflict). */
const MAX_LOOKUP_PAGES = 1000;

/** The list filter: the learn center. */
export interface TaleoListQuery extends ListQuery {
	learnCenterId: number;
}

/** The learn center's groups, page by page in Taleo's order. */
export function listGroups({ learnCenterId }: TaleoListQuery, { baseUrl }: Connection, send: SendRequest): AsyncGenerator<NormalizedGroup[]> {
	const url = `${baseUrl}${learnCenterPath(learnCenterId)}/groups`;
	return mapPages(guardedPages(listPlan(send, url, MAX_LOOKUP_PAGES)), normalizeGroup);
}

export async function findExisting(params: TaleoParams, connection: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	const query = { learnCenterId: params.learnCenterId, name: params.name };
	return await pickByName(listGroups(query, connection, send), params.name, NAME_POLICY);
}
