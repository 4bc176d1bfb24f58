/**
 * What the browser test drives: the package packed and installed into a fresh n8n 2.x with the
 * sandbox credentials and the examples imported, the examples run once and the sandbox's groups
 * emptied (`prepareDemo`, as `npm start` does), n8n's main process, the owner
 * account, and Debian's Chromium started headless through playwright-core.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

import { startSandbox } from '../sandbox/server';
import type { Sandbox } from '../sandbox/types';
import { Cleanup, type Started } from '../e2e/n8n/cleanup';
import { N8N_2 } from '../e2e/n8n/flavors';
import { ensureN8n } from '../e2e/n8n/install-n8n';
import type { N8nInstance } from '../e2e/n8n/n8n-instance';
import { startMain } from '../e2e/n8n/n8n-process';
import { packPackage } from '../e2e/n8n/pack';
import { prepareN8n } from '../e2e/n8n/prepare-n8n';
import { RestSession } from '../e2e/n8n/rest-session';
import { prepareDemo } from '../e2e/suites/demo-preparation';

/** Debian's package; CHROMIUM_PATH points elsewhere. Never a browser a tool downloads. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags this machine's closed network needs (no background calls to Google's hosts). */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface EditorStack {
	readonly instance: N8nInstance;
	readonly sandbox: Sandbox;
	readonly browser: Browser;
	readonly context: BrowserContext;
	/** Where screenshots go (kept after the run). */
	readonly shotsDir: string;
	stop(): Promise<void>;
}

export async function startEditorStack(log: (line: string) => void, shotsDir: string): Promise<EditorStack> {
	const started: Started = {};
	const cleanup = new Cleanup(started);
	let browser: Browser | undefined;
	try {
		started.packed = await packPackage(log);
		started.sandbox = await startSandbox();
		const install = await ensureN8n(N8N_2, log);
		started.instance = await prepareN8n(install, started.packed, started.sandbox, log, {
			env: { N8N_SECURE_COOKIE: 'false' },
		});
		// What `npm start` does before the editor opens: the examples' own runs, then empty groups.
		await prepareDemo(started.instance, started.sandbox, log);
		await startMain(started.instance, { log });
		await RestSession.setupOwner(started.instance.baseUrl);
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS, // playwright gives each launch an empty profile of its own
		});
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const { instance, sandbox } = started;
		return {
			instance,
			sandbox,
			browser,
			context,
			shotsDir,
			async stop() {
				await browser?.close();
				await cleanup.run();
			},
		};
	} catch (error) {
		await browser?.close();
		await cleanup.run();
		throw error;
	}
}
