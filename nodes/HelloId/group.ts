/**
 * Reading HelloID's group objects. Answers are camelCase (`groupGuid`, `name`), but HelloID reads
 * field names case-insensitively, so keys are read the same way to stay tolerant.
 */
import type { IDataObject } from 'n8n-workflow';

import { idString, isObject } from '../shared/outcome';
import type { NormalizedGroup } from '../shared/types';

/** The value under `name` in any letter case (`groupGuid`, `GroupGuid`, `groupGUID`). */
export function field(object: IDataObject, name: string): unknown {
	if (name in object) return object[name];
	const wanted = name.toLowerCase();
	const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === wanted);
	return key === undefined ? undefined : object[key];
}

/**
 * The name as HelloID compares it. HelloID is a .NET service on SQL Server, whose default collation
 * is case-insensitive, and Tools4ever's own group connector correlates names through a PowerShell
 * hashtable (case-insensitive too). Folding is also the safe side if that is ever wrong: two names
 * that differ only in case are merely sent in separate requests.
 */
export function nameKey(name: string): string {
	return name.trim().toLowerCase();
}

/** A HelloID group (`groupGuid` as its id), or undefined when the object has no GUID. */
export function normalizeGroup(value: unknown): NormalizedGroup | undefined {
	if (!isObject(value)) return undefined;
	const id = idString(field(value, 'groupGuid'));
	if (!id) return undefined;
	const name = field(value, 'name');
	return { id, name: typeof name === 'string' ? name : '', group: value };
}

/**
 * HelloID's words for a taken name: "A group with this name already exists." (the vendor page's batch answer).
 * Only a sentence about a group's name counts; "An application with this name already exists." or
 * "User X already exists in group Y" are other failures (docs/vendors/helloid.md).
 */
const NAME_TAKEN = /\bgroup\b[^.;,]*\bname\b[^.;,]*\balready exists?\b/i;

export function saysNameTaken(text: string): boolean {
	return NAME_TAKEN.test(text);
}
