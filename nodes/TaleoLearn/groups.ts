/** Taleo Learn groups as the engine reports them, and the lookup of an existing one by name. */
import type { IDataObject } from 'n8n-workflow';

import { idString, isObject } from '../shared/outcome';
import type { Connection, NormalizedGroup, SendRequest } from '../shared/types';
import type { TaleoParams } from './fields';
import { learnCenterPath } from './learnCenters';
import { listEntries } from './paging';

/** 50,000 groups in one learn center; a longer list fails the lookup (the engine says so in the Conflict). */
const MAX_LOOKUP_PAGES = 1000;

/** The group's name under either spelling (answers may echo the schema's `groupname`). */
function nameOf(group: IDataObject): string {
	const name = group.name ?? group.groupname;
	return typeof name === 'string' ? name : '';
}

/** The vendor's group object (links included) with its id as a string, or undefined without an id. */
export function normalizeGroup(body: unknown): NormalizedGroup | undefined {
	if (!isObject(body)) return undefined;
	const id = idString(body.id);
	return id ? { id, name: nameOf(body), group: body } : undefined;
}

/** How names are compared when items are ordered and groups are looked up (see `nameKey` in api.ts). */
export function foldName(name: string): string {
	return name.trim().normalize('NFC').toLowerCase();
}

/**
 * Pages through the learn center's groups (there is no name filter). An exact match wins; otherwise the
 * first match (in the vendor's list order) that equals it under `foldName`, the comparison `nameKey` uses.
 * Resolves null only after the whole list was read; throws when it could not be.
 */
export async function findGroupByName(
	params: TaleoParams,
	{ baseUrl }: Connection,
	send: SendRequest,
): Promise<NormalizedGroup | null> {
	const url = `${baseUrl}${learnCenterPath(params.learnCenterId)}/groups`;
	const wanted = foldName(params.name);
	let lookalike: NormalizedGroup | null = null;
	// Throws a LookupFailedError (ListPageError for an answer that is not a page) when it cannot read on.
	for await (const entry of listEntries(send, url, MAX_LOOKUP_PAGES)) {
		const group = normalizeGroup(entry);
		if (!group) continue;
		if (group.name === params.name) return group;
		if (!lookalike && foldName(group.name) === wanted) lookalike = group;
	}
	return lookalike;
}
