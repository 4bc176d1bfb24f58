/**
 * One n8n "installation" as a user has it: a user folder (database, community nodes) plus the
 * environment every n8n command against it gets. Several processes (CLI, main, worker) share it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from './free-port';
import { runtimePath, type N8nInstall } from './install-n8n';

export interface N8nInstance {
	readonly install: N8nInstall;
	/** `N8N_USER_FOLDER`; n8n keeps its files in `<userFolder>/.n8n`. */
	readonly userFolder: string;
	/** Port of the main process's HTTP server (`n8n start`). */
	readonly port: number;
	readonly baseUrl: string;
	/** Environment for every process; add per-process variables on top (broker ports, queue mode). */
	readonly env: NodeJS.ProcessEnv;
	/** Output of every n8n command and process run against this instance (read at check time), for the load-failure checks. */
	readonly logSources: (() => string)[];
	/** Deletes the user folder. */
	remove(): void;
}

/** Fixed so credentials imported by one process can be decrypted by the next. Test-only. */
const ENCRYPTION_KEY = 'e2e-group-provisioning-not-a-secret';

/**
 * Variables that would change what n8n does here: a developer's own n8n settings, and jest's
 * NODE_ENV=test, under which n8n refuses to load nodes ("Not available in tests").
 */
const NOT_INHERITED = [/^N8N_/, /^DB_/, /^QUEUE_/, /^EXECUTIONS_/, /^NODE_ENV$/, /^JEST_/];

function inheritedEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!NOT_INHERITED.some((pattern) => pattern.test(name))) env[name] = value;
	}
	return env;
}

export interface InstanceOptions {
	/** Default: a free port. The demo asks for 5678. */
	readonly port?: number;
	/** Extra variables for every process of this instance. */
	readonly env?: Readonly<Record<string, string>>;
}

export async function createInstance(install: N8nInstall, options: InstanceOptions = {}): Promise<N8nInstance> {
	const userFolder = mkdtempSync(join(tmpdir(), `n8n-e2e-${install.flavor.major}-`));
	const port = options.port ?? (await freePort());
	const env: NodeJS.ProcessEnv = {
		...inheritedEnv(),
		PATH: runtimePath(install.runtime),
		N8N_USER_FOLDER: userFolder,
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_FORMAT: 'json',
		...install.flavor.env,
		...options.env,
	};
	return {
		install,
		userFolder,
		port,
		baseUrl: `http://127.0.0.1:${port}`,
		env,
		logSources: [],
		remove: () => rmSync(userFolder, { recursive: true, force: true }),
	};
}
