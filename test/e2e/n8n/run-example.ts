/** Runs one vendor's example workflow with `n8n execute` and says where each input row came out. */
import { routedRows, type RoutedRow } from '../suites/branches';
import { loadExample, vendorNode } from '../suites/examples';
import { executeWorkflow } from './n8n-cli';
import type { N8nInstance } from './n8n-instance';
import { tail } from './run-command';
import { nodeOutputs } from './run-record';
import type { VendorCase } from '../suites/vendors';

export interface ExampleRun {
	readonly exitCode: number | null;
	/** What the run record says: the execution finished, with no error. */
	readonly finished: boolean;
	readonly rows: readonly RoutedRow[];
	/** The last lines n8n printed, to explain an unexpected exit. */
	readonly outputTail: string;
}

export async function runVendorExample(instance: N8nInstance, vendorCase: VendorCase): Promise<ExampleRun> {
	const example = loadExample(vendorCase.example);
	const node = vendorNode(example, vendorCase.nodeType);
	const { code, output, record } = await executeWorkflow(instance, example.id);
	if (record === undefined) throw new Error(`n8n execute printed no run record (exit ${code}):\n${tail(output)}`);
	const finished = record.data.resultData.error === undefined && (record.finished === true || record.status === 'success');
	return { exitCode: code, finished, rows: routedRows(nodeOutputs(record, node.name)), outputTail: tail(output, 5) };
}
