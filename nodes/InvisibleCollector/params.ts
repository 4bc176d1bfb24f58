/** Reads and checks one item's parameters; how names are compared. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { groupFields } from '../shared/fields';
import { exactName, type NamePolicy } from '../shared/names';
import type { GroupParams } from '../shared/types';
import { requireText } from '../shared/validate';

/** No limit is documented; this keeps a mistaken mapping (a whole document) from being sent as a name. */
export const MAX_NAME_LENGTH = 255;

/** Names are compared exactly (the docs say "the same name"; no folding is documented); the first listed wins. */
export const NAME_POLICY: NamePolicy = { fold: exactName, ties: 'firstListed' };

export function readParams(ctx: IExecuteFunctions, itemIndex: number): GroupParams {
	return { name: requireText('Name', groupFields(ctx, itemIndex).field('name'), MAX_NAME_LENGTH) };
}

export function nameKey({ name }: GroupParams): string {
	return NAME_POLICY.fold(name);
}
