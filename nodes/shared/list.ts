/**
 * The item loop of the read operations, Group → Get and Group → Get Many: for each input item, read
 * the vendor's list (its `ListSupport`, paged through `guardedPages`, each page through the
 * transport's retries) and emit the groups on the node's one output, `{ vendor, id, name, group }`,
 * each paired with its input item. A failed item follows the node's On Error setting the way Create's
 * do (`execute.ts`): thrown with its item index, or an error item under the "Continue" modes.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ReadOperation } from './descriptions';
import { errorToThrow, inputError, prepare, secretScrubber } from './execute';
import { pickByName } from './names';
import { engineRoutesOnErrorProperty, errorJson, type ItemReport } from './output';
import { LookupFailedError } from './paging';
import { RateGate, retryingSender } from './transport';
import type { Connection, GroupApi, GroupParams, ItemOutcome, ListQuery, ListSupport, NormalizedGroup, SendRequest } from './types';
import { InputError, optionalInteger, requireBoolean, requireText } from './validate';

/** What one item asks for. */
type ReadRequest<Q extends ListQuery> =
	| { operation: 'get'; query: Q & { name: string } }
	| { operation: 'getAll'; query: Q; limit: number | null };

/** What one item got: the groups, or why none could be read. */
type ReadResult = { groups: NormalizedGroup[] } | { failure: ItemOutcome };

const MAX_NAME_LENGTH = 1024;

function readRequest<Q extends ListQuery>(
	ctx: IExecuteFunctions,
	list: ListSupport<Q>,
	operation: ReadOperation,
	itemIndex: number,
	maxNameLength: number,
): ReadRequest<Q> {
	const filters = list.readQuery(ctx, itemIndex);
	if (operation === 'get') {
		const name = requireText('Name', ctx.getNodeParameter('name', itemIndex), maxNameLength);
		return { operation, query: { ...filters, name } };
	}
	const returnAll = requireBoolean('Return All', ctx.getNodeParameter('returnAll', itemIndex, false));
	if (returnAll) return { operation, query: filters, limit: null };
	const limit = optionalInteger('Limit', ctx.getNodeParameter('limit', itemIndex, 50));
	if (limit === undefined || limit < 1) throw new InputError('Limit', '"Limit" must be a whole number of at least 1');
	return { operation, query: filters, limit };
}

/** The first `limit` groups (all with null), reading no page beyond the one that reaches the limit. */
async function firstGroups(pages: AsyncIterable<NormalizedGroup[]>, limit: number | null): Promise<NormalizedGroup[]> {
	const groups: NormalizedGroup[] = [];
	for await (const page of pages) {
		groups.push(...page);
		if (limit !== null && groups.length >= limit) return groups.slice(0, limit);
	}
	return groups;
}

function apiFailure(message: string, description: string, httpCode: number | null = null): { failure: ItemOutcome } {
	return { failure: { kind: 'error', message, description, httpCode, attempts: 0, source: 'api' } };
}

async function readOne<Q extends ListQuery>(
	displayName: string,
	list: ListSupport<Q>,
	request: ReadRequest<Q>,
	connection: Connection,
	send: SendRequest,
): Promise<ReadResult> {
	try {
		const pages = list.pages(request.query, connection, send);
		if (request.operation === 'getAll') return { groups: await firstGroups(pages, request.limit) };
		const { name } = request.query;
		const found = await pickByName(pages, name, list.namePolicy);
		if (found) return { groups: [found] };
		return apiFailure(`No group named "${name}"`, `${displayName} lists no group of that name.`);
	} catch (error) {
		if (error instanceof LookupFailedError) {
			return apiFailure(`${displayName} could not list groups: ${error.reason}`, '', error.httpCode);
		}
		// A transport failure (no answer after the retries) or anything unexpected; its message holds no secret.
		return apiFailure(error instanceof Error ? error.message : String(error), '');
	}
}

/**
 * Runs Group → Get or Group → Get Many for every input item and returns the node's one output.
 * `maxNameLength` is the vendor's limit of a name (Get refuses longer ones before asking).
 */
export async function readGroups<P extends GroupParams, Q extends ListQuery>(
	this: IExecuteFunctions,
	api: GroupApi<P, Q>,
	operation: ReadOperation,
	maxNameLength = MAX_NAME_LENGTH,
): Promise<INodeExecutionData[][]> {
	return await readAll(this, api, operation, maxNameLength);
}

async function readAll<P extends GroupParams, Q extends ListQuery>(
	ctx: IExecuteFunctions,
	api: GroupApi<P, Q>,
	operation: ReadOperation,
	maxNameLength: number,
): Promise<INodeExecutionData[][]> {
	const { list } = api;
	if (!list) throw new NodeOperationError(ctx.getNode(), `${api.displayName} offers no documented way to list groups`);
	const itemCount = ctx.getInputData().length;
	const continueOnFail = ctx.continueOnFail();
	const errorOf = engineRoutesOnErrorProperty(ctx) ? (report: ItemReport) => errorToThrow(ctx, report) : undefined;
	const output: INodeExecutionData[] = [];
	const fail = (report: ItemReport) => {
		if (!continueOnFail) throw errorToThrow(ctx, report);
		if (report.outcome.kind !== 'error') return;
		const item: INodeExecutionData = { json: errorJson(api.vendor, { ...report, outcome: report.outcome }), pairedItem: { item: report.itemIndex } };
		if (errorOf) item.error = errorOf(report);
		output.push(item);
	};

	let setup: Awaited<ReturnType<typeof prepare<P>>>;
	try {
		setup = await prepare(ctx, api);
	} catch (error) {
		// Options or credential unusable: every item fails the same way, nothing is sent.
		const outcome = inputError(error);
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) fail({ itemIndex, name: undefined, outcome });
		return [output];
	}
	const send = retryingSender(setup.send, setup.options, new RateGate(), api.extraRetryStatuses);
	const redact = await secretScrubber(ctx, api, setup);

	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		let request: ReadRequest<Q>;
		try {
			request = readRequest(ctx, list, operation, itemIndex, maxNameLength);
		} catch (error) {
			fail({ itemIndex, name: undefined, outcome: inputError(error) });
			continue;
		}
		const name = request.operation === 'get' ? request.query.name : undefined;
		const result = await readOne(api.displayName, list, request, setup.connection, send);
		if ('failure' in result) {
			fail(redact({ itemIndex, name, outcome: result.failure }));
			continue;
		}
		for (const group of result.groups) {
			const json: IDataObject = { vendor: api.vendor, id: group.id, name: group.name, group: group.group };
			output.push({ json: redact(json), pairedItem: { item: itemIndex } });
		}
	}
	return [output];
}

/** The operation the node runs (the same for every item: n8n shows it without expressions). */
export function operationOf(ctx: IExecuteFunctions): 'create' | ReadOperation {
	const operation = ctx.getNodeParameter('operation', 0, 'create');
	if (operation === 'create' || operation === 'get' || operation === 'getAll') return operation;
	throw new NodeOperationError(ctx.getNode(), `The operation "${String(operation)}" is not known to this node`);
}
