/** Reads and checks one item's parameters before anything is sent; how names are compared. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { groupFields } from '../shared/fields';
import { caseFoldedName, type NamePolicy } from '../shared/names';
import type { GroupParams } from '../shared/types';
import { oneOf, requireDnsLabel, requireText, textList } from '../shared/validate';

/** Assembla documents no limit; 255 is the usual Rails string column, and keeps a stray document out. */
export const MAX_NAME_LENGTH = 255;

export const groupTypes = ['space', 'user'] as const;
export type GroupType = (typeof groupTypes)[number];

export const bodyFormats = ['json', 'xml', 'queryString'] as const;
export type BodyFormat = (typeof bodyFormats)[number];

export interface AssemblaParams extends GroupParams {
	/** Lower-cased subdomain, a single DNS label. */
	portfolio: string;
	type: GroupType;
	items: string[];
	bodyFormat: BodyFormat;
}

/**
 * Group names are unique per portfolio without regard to case (docs/vendors/assembla.md). Of several
 * listed groups equal under that, the first in Assembla's order wins: the exact spelling cannot be
 * told apart, since two such groups cannot both exist.
 */
export const NAME_POLICY: NamePolicy = { fold: caseFoldedName, ties: 'firstListed' };

/** Choices from a dropdown or an expression: case and surrounding spaces do not matter. */
const choice = { ignoreCase: true } as const;

/** The list filter of Group → Get and Group → Get Many: the portfolio. */
export function readListQuery(ctx: IExecuteFunctions, itemIndex: number): { portfolio: string } {
	return { portfolio: requireDnsLabel('Portfolio', ctx.getNodeParameter('portfolio', itemIndex)) };
}

export function readParams(ctx: IExecuteFunctions, itemIndex: number): AssemblaParams {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const fields = groupFields(ctx, itemIndex);
	return {
		name: requireText('Name', fields.field('name'), MAX_NAME_LENGTH),
		portfolio: requireDnsLabel('Portfolio', ctx.getNodeParameter('portfolio', itemIndex)),
		type: oneOf('Type', fields.field('type', 'space'), groupTypes, choice),
		items: textList('Items', fields.field('items', '')),
		bodyFormat: oneOf('Body Format', options.bodyFormat ?? 'json', bodyFormats, choice),
	};
}

/** The ordering key: the portfolio and the folded name, the comparison the lookup matches with. */
export function nameKey({ portfolio, name }: AssemblaParams): string {
	return `${portfolio}:${NAME_POLICY.fold(name)}`;
}
