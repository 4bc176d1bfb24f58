/**
 * Picking the group that holds a name from a vendor's list, with each vendor's comparison and tie
 * policy declared as a value (`NamePolicy`) instead of written into its lookup.
 */
import type { NormalizedGroup } from './types';

export interface NamePolicy {
	/** The vendor's comparison: names equal under `fold` are the same group (the engine orders items by it too). */
	fold(name: string): string;
	/**
	 * Which group wins when several are equal under `fold`:
	 * - `firstListed`: the first in the vendor's list order;
	 * - `exactSpellingFirst`: a group spelled exactly as asked, wherever it is listed; else the first listed.
	 */
	ties: 'firstListed' | 'exactSpellingFirst';
	/** With `exactSpellingFirst`: the listed name is trimmed before the exact comparison. */
	trimListedName?: boolean;
}

/** The names as they are: equal only when spelled the same. */
export const exactName = (name: string): string => name;

/** Without regard to surrounding spaces and letter case. */
export const caseFoldedName = (name: string): string => name.trim().toLowerCase();

/**
 * The group named `name` under `policy`, reading pages only until the answer is sure; null when
 * the whole list was read without a match. Errors of the pages (a failed lookup) pass through.
 */
export async function pickByName(
	pages: AsyncIterable<NormalizedGroup[]>,
	name: string,
	policy: NamePolicy,
): Promise<NormalizedGroup | null> {
	const wanted = policy.fold(name);
	const exact = (group: NormalizedGroup) => (policy.trimListedName ? group.name.trim() : group.name) === name;
	let firstEqual: NormalizedGroup | null = null;
	for await (const groups of pages) {
		if (policy.ties === 'exactSpellingFirst') {
			const spelled = groups.find(exact);
			if (spelled) return spelled;
		}
		firstEqual ??= groups.find((group) => policy.fold(group.name) === wanted) ?? null;
		if (firstEqual && policy.ties === 'firstListed') return firstEqual;
	}
	return firstEqual;
}

/** One list read whole (a vendor that does not page), as the single page `pickByName` reads. */
export async function* onePage(groups: NormalizedGroup[]): AsyncGenerator<NormalizedGroup[]> {
	yield groups;
}
