/** Reads and checks one item's parameters (docs/vendors/scim.md); how names are compared. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { groupFields } from '../shared/fields';
import type { NamePolicy } from '../shared/names';
import type { GroupParams } from '../shared/types';
import { optionalText, requireText, textList } from '../shared/validate';
import { ADDITIONAL_FIELD_NAMES } from './properties';

/** RFC 7643 sets no limit; this keeps a mistaken mapping (a whole document) from being sent as a name. */
export const MAX_NAME_LENGTH = 255;
/** RFC 7643 §3.1 sets no limit on externalId either; the same bound for the same reason. */
export const MAX_EXTERNAL_ID_LENGTH = 255;

export interface ScimParams extends GroupParams {
	/** RFC 7643 §3.1: the provisioning client's own identifier; the lookup key when set. */
	externalId?: string;
	/** RFC 7643 §4.2: `members[].value`, the ids of the users (or groups) at the service. */
	members: string[];
}

/**
 * RFC 7643 §4.2 (and its schema in §8.7.1) declares the Group `displayName` with `caseExact: false`,
 * so a service compares names without regard to case and a `displayName eq` filter matches any case
 * (RFC 7644 §3.4.2.2). A lookup prefers the exact spelling, else the first listed group equal in any case.
 */
export const NAME_POLICY: NamePolicy = { fold: (name) => name.toLowerCase(), ties: 'exactSpellingFirst' };

export function readParams(ctx: IExecuteFunctions, itemIndex: number): ScimParams {
	const fields = groupFields(ctx, itemIndex);
	const name = requireText('Name', fields.field('name'), MAX_NAME_LENGTH);
	const extra = fields.collection('additionalFields', ADDITIONAL_FIELD_NAMES) as Record<string, unknown>;
	const externalId = optionalText('External ID', extra.externalId ?? '', MAX_EXTERNAL_ID_LENGTH);
	return { name, externalId, members: textList('Members', extra.members ?? '') };
}

export function nameKey({ name }: ScimParams): string {
	return NAME_POLICY.fold(name);
}

/** Items with one external id name one group too (RFC 7643 §3.1: the client's identifier for it). */
export function uniqueKeys({ externalId }: ScimParams): string[] {
	return externalId === undefined ? [] : [`externalId:${externalId}`];
}
