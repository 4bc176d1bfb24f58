/**
 * The main command (`npm start`): build and pack the package, start the vendor sandbox, install n8n
 * 2.41.1 on first use, install the package into a fresh n8n user folder, import the sandbox credentials
 * and the examples, run each vendor's example once and print its Created / Conflict / error outputs,
 * empty the sandbox's groups (so the editor's first run shows every branch again), then keep n8n
 * running at http://127.0.0.1:5678 until Ctrl-C, stopping every process it started.
 */
import { createServer } from 'node:net';

import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/types';
import { N8N_2 } from './n8n/flavors';
import { ensureN8n } from './n8n/install-n8n';
import { Cleanup, type Started } from './n8n/cleanup';
import type { N8nInstance } from './n8n/n8n-instance';
import { startMain } from './n8n/n8n-process';
import { packPackage } from './n8n/pack';
import { prepareN8n } from './n8n/prepare-n8n';
import { RestSession, SANDBOX_OWNER } from './n8n/rest-session';
import { WEBHOOK_EXAMPLE } from './n8n/webhook';
import { prepareDemo } from './suites/demo-preparation';

const PORT = 5678;

const log = (line: string): void => console.log(`[demo] ${line}`);

function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

function printRunning(instance: N8nInstance, sandbox: Sandbox): void {
	const url = instance.baseUrl;
	console.log(
		[
			'',
			`n8n ${instance.install.flavor.version} is running at ${url} with n8n-nodes-group-provisioning installed.`,
			`  Log in as ${SANDBOX_OWNER.email} / ${SANDBOX_OWNER.password} (a local account of this demo only).`,
			'  The example workflows are under Overview; their credentials point at the sandbox.',
			`  Try the webhook: curl -i -X POST ${url}/webhook/${WEBHOOK_EXAMPLE.path} -H 'content-type: application/json' -d '{"name":"Marketing"}'`,
			'    (201 the first time, 409 when the group already exists)',
			'  The demo emptied the sandbox\'s groups after its own runs: an example run from the editor shows',
			'    Created, Conflict and error rows; a second run finds its groups and shows them under Conflict',
			'    (Taleo Learn refuses a repeated code, not a repeated name: it creates the names again).',
			`  Vendor sandbox (stands in for the five APIs): ${sandbox.url}`,
			'Press Ctrl-C to stop n8n and the sandbox.',
			'',
		].join('\n'),
	);
}

async function main(): Promise<void> {
	const started: Started = {};
	const cleanup = new Cleanup(started);
	try {
		if (!(await portIsFree(PORT))) throw new Error(`port ${PORT} is taken (another n8n?); stop it and try again`);
		started.packed = await packPackage(log);
		started.sandbox = await startSandbox();
		log(`Vendor sandbox listening on ${started.sandbox.url}.`);
		const install = await ensureN8n(N8N_2, log);
		started.instance = await prepareN8n(install, started.packed, started.sandbox, log, {
			port: PORT,
			env: { N8N_SECURE_COOKIE: 'false' }, // plain http on 127.0.0.1
		});
		const { instance, sandbox } = started;
		await prepareDemo(instance, sandbox, log);
		const n8n = await startMain(instance, { log });
		await RestSession.setupOwner(instance.baseUrl);
		printRunning(instance, sandbox);
		const code = await n8n.exited;
		if (cleanup.begun) return; // Ctrl-C: the interrupt handler finishes and exits
		throw new Error(`n8n stopped on its own (exit code ${code})`);
	} catch (error) {
		if (cleanup.begun) return;
		console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
		await cleanup.run();
		process.exit(1);
	}
}

void main();
