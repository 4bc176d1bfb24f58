/** Reads and checks one item's parameters; how names are compared. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { API_PATHS, DEFAULT_API_PATH, type ApiPath } from '../../credentials/common/capillary/paths';
import { groupFields, type GroupFields } from '../shared/fields';
import { caseFoldedName, type NamePolicy } from '../shared/names';
import type { GroupParams } from '../shared/types';
import { oneOf, optionalInteger, requireText } from '../shared/validate';

/** No limit is documented; this keeps a mistaken mapping (a whole document) from being sent as a name. */
export const MAX_NAME_LENGTH = 255;

const API_PATH_CHOICES = Object.keys(API_PATHS) as ApiPath[];

/** Rank is a Java int at Capillary. */
const RANK_RANGE = { min: -2_147_483_648, max: 2_147_483_647 };

export interface CapillaryParams extends GroupParams {
	rank?: number;
	apiPath: ApiPath;
}

/**
 * Group names are compared without regard to case (docs/vendors/capillary.md). A lookup prefers the
 * exact spelling, else the first group in Capillary's list order that is equal under the fold.
 */
export const NAME_POLICY: NamePolicy = { fold: caseFoldedName, ties: 'exactSpellingFirst' };

function readRank(fields: GroupFields): number | undefined {
	const additional = fields.collection('additionalFields', ['rank']) as Record<string, unknown>;
	return optionalInteger('Rank', additional.rank, RANK_RANGE);
}

function readApiPath(ctx: IExecuteFunctions, itemIndex: number): ApiPath {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	return oneOf('API Path', options.apiPath ?? DEFAULT_API_PATH, API_PATH_CHOICES);
}

/** The list filter of Group → Get and Group → Get Many: the path family (the API Path option). */
export function readListQuery(ctx: IExecuteFunctions, itemIndex: number): { apiPath: ApiPath } {
	return { apiPath: readApiPath(ctx, itemIndex) };
}

export function readParams(ctx: IExecuteFunctions, itemIndex: number): CapillaryParams {
	const fields = groupFields(ctx, itemIndex);
	return {
		name: requireText('Name', fields.field('name'), MAX_NAME_LENGTH),
		rank: readRank(fields),
		apiPath: readApiPath(ctx, itemIndex),
	};
}

export function nameKey({ name }: CapillaryParams): string {
	return NAME_POLICY.fold(name);
}
