/**
 * The items a node emits, in the shapes of the output contract, and their routing:
 * output 0 Created, output 1 Conflict; failed items go on output 0 as `{ error, details }`, which n8n
 * moves to its error output under "Continue (using error output)".
 */
import type { IDataObject, INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ItemOutcome } from './types';

export const CREATED_OUTPUT = 0;
export const CONFLICT_OUTPUT = 1;

export interface ItemReport {
	itemIndex: number;
	name: string | undefined;
	outcome: ItemOutcome;
}

export const MAY_BE_OWN_ATTEMPT =
	'An earlier attempt of this item got no clear answer, so this group may have been created by that attempt.';

function createdJson(vendor: string, { outcome, name }: ItemReport & { outcome: { kind: 'created' } }): IDataObject {
	const json: IDataObject = {
		vendor,
		outcome: 'created',
		id: outcome.group.id,
		name: outcome.group.name || name,
		group: outcome.group.group,
		attempts: outcome.attempts,
	};
	if (outcome.raw !== undefined) json.rawResponse = outcome.raw as IDataObject;
	return json;
}

function conflictJson(vendor: string, { outcome, name }: ItemReport & { outcome: { kind: 'conflict' } }): IDataObject {
	const json: IDataObject = {
		vendor,
		outcome: 'conflict',
		name,
		id: outcome.existing?.id ?? outcome.existingId,
		existing: outcome.existing?.group ?? null,
		message: outcome.mayBeOwnEarlierAttempt ? `${outcome.message.replace(/[\s.]+$/, '')}. ${MAY_BE_OWN_ATTEMPT}` : outcome.message,
		httpCode: outcome.httpCode,
		attempts: outcome.attempts,
	};
	if (outcome.mayBeOwnEarlierAttempt) json.mayHaveBeenCreatedByEarlierAttempt = true;
	// `id: null` alone means the vendor has no group of that name (or no lookup was asked for).
	if (outcome.lookupError !== undefined) json.lookupError = outcome.lookupError;
	if (outcome.raw !== undefined) json.rawResponse = outcome.raw as IDataObject;
	return json;
}

/** The json of a failed item: nothing but `error` and `details`, so that n8n recognises it as an error item. */
export function errorJson(vendor: string, { outcome, name }: ItemReport & { outcome: { kind: 'error' } }): IDataObject {
	return {
		error: outcome.message,
		details: {
			description: outcome.description,
			httpCode: outcome.httpCode,
			vendor,
			name: name ?? null,
			attempts: outcome.attempts,
			...(outcome.field ? { field: outcome.field } : {}),
		},
	};
}

/**
 * Splits the reports (in input order) into the node's two outputs; error items stay on output 0.
 * `errorOf` gives failed items an `error` property too, for engines that route only on it (n8n 1.x).
 */
export function route(
	vendor: string,
	reports: ItemReport[],
	errorOf?: (report: ItemReport) => NodeApiError | NodeOperationError,
): INodeExecutionData[][] {
	const created: INodeExecutionData[] = [];
	const conflicts: INodeExecutionData[] = [];
	for (const report of reports) {
		const pairedItem = { item: report.itemIndex };
		const { outcome } = report;
		if (outcome.kind === 'created') created.push({ json: createdJson(vendor, { ...report, outcome }), pairedItem });
		else if (outcome.kind === 'conflict') conflicts.push({ json: conflictJson(vendor, { ...report, outcome }), pairedItem });
		else {
			const item: INodeExecutionData = { json: errorJson(vendor, { ...report, outcome }), pairedItem };
			if (errorOf) item.error = errorOf(report);
			created.push(item);
		}
	}
	return [created, conflicts];
}

/**
 * Whether n8n moves an item to the error output only when it has an `error` property. n8n 1.x does
 * (besides json that is exactly `{ error }` or `{ error, message }`); n8n 2.x also takes
 * `{ error, details }` and, for items with an `error` property, keeps nothing of their json but the
 * message. The execution context n8n 2.x hands to nodes is told apart by `isToolExecution`; should a
 * later n8n drop it, failed items still reach the error output, with less data.
 */
export function engineRoutesOnErrorProperty(ctx: object): boolean {
	return typeof (ctx as { isToolExecution?: unknown }).isToolExecution !== 'function';
}
