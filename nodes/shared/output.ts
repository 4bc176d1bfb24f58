/**
 * The items a node emits, in the shapes of the output contract, and their routing:
 * output 0 Created, output 1 Conflict; failed items go on output 0 as `{ error, details }`, which n8n
 * moves to its error output under "Continue (using error output)".
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

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

/** Splits the reports (in input order) into the node's two outputs; error items stay on output 0. */
export function route(vendor: string, reports: ItemReport[]): INodeExecutionData[][] {
	const created: INodeExecutionData[] = [];
	const conflicts: INodeExecutionData[] = [];
	for (const report of reports) {
		const pairedItem = { item: report.itemIndex };
		const { outcome } = report;
		if (outcome.kind === 'created') created.push({ json: createdJson(vendor, { ...report, outcome }), pairedItem });
		else if (outcome.kind === 'conflict') conflicts.push({ json: conflictJson(vendor, { ...report, outcome }), pairedItem });
		else created.push({ json: errorJson(vendor, { ...report, outcome }), pairedItem });
	}
	return [created, conflicts];
}
