/**
 * Finds the group that holds a name: pages through the learn center's groups (there is no name
 * filter), matching names under `NAME_POLICY`. Resolves null only after the whole list was read;
 * throws (a LookupFailedError) when it could not be.
 */
import { pickByName } from '../shared/names';
import { guardedPages, mapPages } from '../shared/paging';
import type { Connection, NormalizedGroup, SendRequest } from '../shared/types';
import { normalizeGroup } from './answers';
import { learnCenterPath } from './learnCenters';
import { listPlan } from './paging';
import { NAME_POLICY, type TaleoParams } from './params';

/** 50,000 groups in one learn center; a longer list fails the lookup (the engine says so in the Conflict). */
const MAX_LOOKUP_PAGES = 1000;

export async function findExisting(params: TaleoParams, { baseUrl }: Connection, send: SendRequest): Promise<NormalizedGroup | null> {
	const url = `${baseUrl}${learnCenterPath(params.learnCenterId)}/groups`;
	const pages = guardedPages(listPlan(send, url, MAX_LOOKUP_PAGES));
	return await pickByName(mapPages(pages, normalizeGroup), params.name, NAME_POLICY);
}
