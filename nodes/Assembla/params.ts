/** Reads and checks one item's parameters before anything is sent. */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { GroupParams } from '../shared/types';
import { InputError, requireDnsLabel, requireText, textList } from '../shared/validate';
import { bodyFormats, groupTypes, type BodyFormat, type GroupType } from './fields';

/** Assembla documents no limit; 255 is the usual Rails string column, and keeps a stray document out. */
export const MAX_NAME_LENGTH = 255;

export interface AssemblaParams extends GroupParams {
	/** Lower-cased subdomain, a single DNS label. */
	portfolio: string;
	type: GroupType;
	items: string[];
	bodyFormat: BodyFormat;
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
	const text = typeof value === 'string' ? value.trim() : value;
	const match = allowed.find((option) => typeof text === 'string' && option.toLowerCase() === text.toLowerCase());
	if (match === undefined) {
		throw new InputError(field, `"${field}" must be one of ${allowed.map((option) => `"${option}"`).join(', ')}`);
	}
	return match;
}

export function readParams(ctx: IExecuteFunctions, itemIndex: number): AssemblaParams {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	return {
		name: requireText('Name', ctx.getNodeParameter('name', itemIndex), MAX_NAME_LENGTH),
		portfolio: requireDnsLabel('Portfolio', ctx.getNodeParameter('portfolio', itemIndex)),
		type: oneOf('Type', ctx.getNodeParameter('type', itemIndex, 'space'), groupTypes),
		items: textList('Items', ctx.getNodeParameter('items', itemIndex, '')),
		bodyFormat: oneOf('Body Format', options.bodyFormat ?? 'json', bodyFormats),
	};
}

/** How Assembla compares group names: unique per portfolio, without regard to case (docs/vendors/assembla.md). */
export function foldName(name: string): string {
	return name.trim().toLowerCase();
}

export function sameName(a: string, b: string): boolean {
	return foldName(a) === foldName(b);
}

/** The ordering key: the portfolio and the folded name, the comparison the lookup matches with. */
export function nameKey({ portfolio, name }: AssemblaParams): string {
	return `${portfolio}:${foldName(name)}`;
}
