/**
 * What `npm start` does to a prepared n8n before it starts the editor, shared with the browser test
 * (test/ui) so the test sees what a builder sees: run each vendor's example once with `n8n execute`
 * and print where its rows came out, then empty the sandbox's groups (tokens stay, so the imported
 * credentials keep working) so the editor's first run of an example shows all three branches again,
 * and activate the webhook example.
 */
import type { Sandbox } from '../../sandbox/types';
import { activateWorkflow } from '../n8n/n8n-cli';
import type { N8nInstance } from '../n8n/n8n-instance';
import { runVendorExample } from '../n8n/run-example';
import { WEBHOOK_EXAMPLE } from '../n8n/webhook';
import { formatBranches } from './branches';
import { loadExample } from './examples';
import { VENDOR_CASES } from './vendors';

async function printExampleRuns(instance: N8nInstance, log: (line: string) => void): Promise<void> {
	for (const vendorCase of VENDOR_CASES) {
		const example = loadExample(vendorCase.example);
		log(`Running "${example.name}" with n8n execute ...`);
		try {
			const { rows } = await runVendorExample(instance, vendorCase);
			console.log(`\n${formatBranches(`${vendorCase.displayName} (examples/${vendorCase.example})`, rows)}\n`);
		} catch (error) {
			// One vendor's failure should not hide the others' results.
			console.log(`\n${vendorCase.displayName}: the example did not run: ${error instanceof Error ? error.message : String(error)}\n`);
		}
	}
}

/** Call before n8n's main process starts (`n8n execute` and activation use the CLI on the same database). */
export async function prepareDemo(instance: N8nInstance, sandbox: Sandbox, log: (line: string) => void): Promise<void> {
	await printExampleRuns(instance, log);
	sandbox.clearGroups();
	log('Emptied the sandbox\'s groups (credentials and tokens kept): the editor\'s first run of an example creates its groups again.');
	await activateWorkflow(instance, loadExample(WEBHOOK_EXAMPLE.file).id);
}
