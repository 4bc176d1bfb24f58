/** Reading a run's outputs: where each input item ended, once and only once. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RunResult } from '../harness';

export type Place = 'created' | 'conflict' | 'error';

export interface Landing {
	place: Place;
	json: IDataObject;
}

export function pairedIndex(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	if (typeof paired !== 'object' || paired === null || Array.isArray(paired)) {
		throw new Error(`pairedItem is not { item }: ${JSON.stringify(paired)}`);
	}
	return paired.item;
}

const isErrorItem = (item: INodeExecutionData): boolean => typeof item.json.error === 'string';

/**
 * Where each input item ended, by input index. Works under continueRegularOutput (failed items on
 * output 0) and continueErrorOutput (a third output). Throws when an item is missing or appears twice.
 */
export function landings(result: RunResult, itemCount: number): Landing[] {
	const found: Array<Landing | undefined> = new Array<Landing | undefined>(itemCount);
	const place = (item: INodeExecutionData, where: Place) => {
		const index = pairedIndex(item);
		if (index < 0 || index >= itemCount) throw new Error(`pairedItem ${index} is not an input index`);
		if (found[index]) throw new Error(`input item ${index} appears twice in the outputs`);
		found[index] = { place: where, json: item.json };
	};
	const [first = [], conflicts = [], errors = []] = result.outputs;
	for (const item of first) place(item, isErrorItem(item) ? 'error' : 'created');
	for (const item of conflicts) place(item, 'conflict');
	for (const item of errors) place(item, 'error');
	const missing = found.findIndex((landing) => landing === undefined);
	if (missing !== -1) throw new Error(`input item ${missing} is in no output`);
	return found as Landing[];
}

export const places = (result: RunResult, itemCount: number): Place[] =>
	landings(result, itemCount).map((landing) => landing.place);

/** A name no earlier test used. */
let counter = 0;
export const uniqueName = (prefix = 'group'): string => `${prefix}-${process.pid}-${++counter}`;
