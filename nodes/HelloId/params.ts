/** Reads and checks one item's parameters (docs/vendors/helloid.md); how names are compared. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { groupFields } from '../shared/fields';
import { caseFoldedName, type NamePolicy } from '../shared/names';
import type { GroupParams } from '../shared/types';
import { InputError, optionalText, requireBoolean, requireText, textList } from '../shared/validate';
import { ADDITIONAL_FIELD_NAMES } from './properties';

/** No limit is documented; this keeps a mistaken mapping (a whole document) from being sent as a name. */
export const MAX_NAME_LENGTH = 255;

export interface HelloIdParams extends GroupParams {
	isEnabled: boolean;
	isDefault: boolean;
	isQrEnabled: boolean;
	managedByUserGuid?: string;
	userNames: string[];
	userGuids: string[];
	applicationNames: string[];
	applicationGuids: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireGuid(field: string, value: string, position?: number): string {
	if (!GUID.test(value)) {
		const where = position === undefined ? `"${field}"` : `"${field}" entry ${position + 1}`;
		throw new InputError(field, `${where} is not a GUID (like 7DF48871-E9DA-4FB2-9251-00035AD8483B)`);
	}
	return value;
}

function guidList(field: string, value: unknown): string[] {
	return textList(field, value).map((guid, position) => requireGuid(field, guid, position));
}

export function readParams(ctx: IExecuteFunctions, itemIndex: number): HelloIdParams {
	const fields = groupFields(ctx, itemIndex);
	// The name first: when several fields are wrong, the error names the one users look at first.
	const name = requireText('Name', fields.field('name'), MAX_NAME_LENGTH);
	const extra = fields.collection('additionalFields', ADDITIONAL_FIELD_NAMES) as Record<string, unknown>;
	// A field that was added is read as it is (an expression giving null is refused, not defaulted).
	const parameter = (key: string, fallback: unknown): unknown => (Object.prototype.hasOwnProperty.call(extra, key) ? extra[key] : fallback);
	const managedBy = optionalText('Managed By User GUID', parameter('managedByUserGuid', ''), MAX_NAME_LENGTH);
	return {
		name,
		isEnabled: requireBoolean('Is Enabled', parameter('isEnabled', true)),
		isDefault: requireBoolean('Is Default', parameter('isDefault', false)),
		isQrEnabled: requireBoolean('Is QR Enabled', parameter('isQrEnabled', false)),
		managedByUserGuid: managedBy === undefined ? undefined : requireGuid('Managed By User GUID', managedBy),
		userNames: textList('User Names', parameter('userNames', '')),
		userGuids: guidList('User GUIDs', parameter('userGuids', '')),
		applicationNames: textList('Application Names', parameter('applicationNames', '')),
		applicationGuids: guidList('Application GUIDs', parameter('applicationGuids', '')),
	};
}

/**
 * HelloID is a .NET service on SQL Server, whose default collation is case-insensitive, and
 * Tools4ever's own group connector correlates names through a PowerShell hashtable (case-insensitive
 * too). Folding is also the safe side if that is ever wrong: two names that differ only in case are
 * merely sent in separate requests. A lookup prefers the exact spelling (the listed name trimmed),
 * else the first listed group equal under the fold.
 */
export const NAME_POLICY: NamePolicy = { fold: caseFoldedName, ties: 'exactSpellingFirst', trimListedName: true };

/** The name as HelloID compares it (also how batch answers are matched to items). */
export function foldName(name: string): string {
	return NAME_POLICY.fold(name);
}

export function nameKey({ name }: HelloIdParams): string {
	return foldName(name);
}
