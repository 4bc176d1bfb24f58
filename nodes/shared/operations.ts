/** The one dispatch every node's `execute()` makes: Create to the item loop of `execute.ts`, Get and Get Many to `list.ts`. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createGroups } from './execute';
import { operationOf, readGroups } from './list';
import type { GroupApi, GroupParams, ListQuery } from './types';

/** Runs the node's operation through `api`; `maxNameLength` is the vendor's limit of a name (Get checks it). */
export async function runOperation<P extends GroupParams, Q extends ListQuery>(
	this: IExecuteFunctions,
	api: GroupApi<P, Q>,
	maxNameLength: number,
): Promise<INodeExecutionData[][]> {
	const operation = operationOf(this);
	if (operation === 'create') return await createGroups.call(this, api);
	return await readGroups.call(this, api, operation, maxNameLength);
}
