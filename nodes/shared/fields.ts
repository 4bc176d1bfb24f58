/**
 * Where one item's group fields come from: the node's parameters ("Map Each Field Below"), or with
 * "Auto-Map Input Data to Fields" the input item's columns named like the fields (`name`, `code`,
 * `parentGroupId`, ...), as n8n's database and sheet nodes offer it. Columns that name no field are
 * ignored; a column of the wrong type fails the item naming the field, as a mapped value would.
 * Where a group is created or looked in (Assembla's portfolio, Taleo Learn's learn center) and the
 * Options stay node parameters in both modes.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

export const DATA_MODE = 'dataMode';
export const AUTO_MAP = 'autoMapInputData';
export const DEFINE_BELOW = 'defineBelow';

export interface GroupFields {
	/** A top-level field: its parameter, or the input column of the same name (`fallback` when absent). */
	field(name: string, fallback?: unknown): unknown;
	/** A collection of optional fields (Additional Fields): the ones set, or the input columns named like `keys`. */
	collection(name: string, keys: readonly string[]): unknown;
}

/**
 * Mapping Mode takes no expression (`noDataExpression`), so it is the same for every item: read once
 * per run (one context per node run) rather than once per item, on the path every item takes.
 */
const modeOfRun = new WeakMap<IExecuteFunctions, unknown>();

function mappingMode(ctx: IExecuteFunctions): unknown {
	if (!modeOfRun.has(ctx)) modeOfRun.set(ctx, ctx.getNodeParameter(DATA_MODE, 0, DEFINE_BELOW));
	return modeOfRun.get(ctx);
}

export function groupFields(ctx: IExecuteFunctions, itemIndex: number): GroupFields {
	const mode = mappingMode(ctx);
	if (mode !== AUTO_MAP) {
		return {
			field: (name, fallback) => ctx.getNodeParameter(name, itemIndex, fallback) as unknown,
			collection: (name) => ctx.getNodeParameter(name, itemIndex, {}) as unknown,
		};
	}
	const row: IDataObject = ctx.getInputData()[itemIndex]?.json ?? {};
	const column = (name: string): unknown => (Object.prototype.hasOwnProperty.call(row, name) ? row[name] : undefined);
	return {
		field: (name, fallback) => column(name) ?? fallback,
		collection: (_name, keys) =>
			Object.fromEntries(keys.map((key) => [key, column(key)]).filter(([, value]) => value !== undefined && value !== null && value !== '')),
	};
}
