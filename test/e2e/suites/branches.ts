/** The three ways out of a vendor node: output 0 (Created), 1 (Conflict), and n8n's error output (2). */
import { sourceRow, type OutputItem } from '../n8n/run-record';

export type Branch = 'created' | 'conflict' | 'error';

export const BRANCHES: readonly Branch[] = ['created', 'conflict', 'error'];

export interface RoutedRow {
	/** Index of the input row (its `pairedItem`). */
	readonly row: number;
	readonly branch: Branch;
	readonly json: Readonly<Record<string, unknown>>;
}

/** Every output item with its branch and input row, ordered by input row. */
export function routedRows(outputs: readonly (readonly OutputItem[])[]): RoutedRow[] {
	const rows: RoutedRow[] = [];
	outputs.forEach((items, index) => {
		const branch = BRANCHES[index];
		if (branch === undefined) throw new Error(`unexpected output ${index} with ${items.length} item(s)`);
		for (const item of items) {
			const row = sourceRow(item);
			if (row === undefined) throw new Error(`an item on the ${branch} output has no pairedItem`);
			rows.push({ row, branch, json: item.json });
		}
	});
	return rows.sort((a, b) => a.row - b.row);
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value));

/** One line per item, for people reading the demo's output. */
export function describeRow({ row, branch, json }: RoutedRow): string {
	switch (branch) {
		case 'created':
			return `row ${row + 1}: "${text(json.name)}" → id ${text(json.id)}`;
		case 'conflict':
			return `row ${row + 1}: "${text(json.name)}" already existed → id ${text(json.id)} (${json.httpCode === null ? '' : `HTTP ${text(json.httpCode)}: `}${text(json.message)})`;
		case 'error':
			return `row ${row + 1}: ${text(json.error)}`;
	}
}

export function formatBranches(title: string, rows: readonly RoutedRow[]): string {
	const labels: Record<Branch, string> = { created: 'Created ', conflict: 'Conflict', error: 'Error   ' };
	const lines = [title];
	for (const branch of BRANCHES) {
		const onBranch = rows.filter((row) => row.branch === branch);
		lines.push(`  ${labels[branch]} (${onBranch.length})${onBranch.length === 0 ? '' : ':'}`);
		for (const row of onBranch) lines.push(`      ${describeRow(row)}`);
	}
	return lines.join('\n');
}
