/**
 * Long-running processes: `n8n start`, `n8n worker` and `redis-server` for queue mode. Each is tracked
 * (see processes.ts) so it is stopped by its PID when done, on failure and on Ctrl-C.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from './free-port';
import type { N8nInstance } from './n8n-instance';
import { spawnTracked, type Spawned } from './processes';
import { tail } from './run-command';

type Log = (line: string) => void;

export interface Redis {
	readonly port: number;
	readonly process: Spawned;
}

/** Queue-mode settings shared by the main process and its workers. */
export interface QueueConfig {
	readonly redisPort: number;
}

function queueEnv(queue: QueueConfig | undefined): Record<string, string> {
	if (queue === undefined) return {};
	return { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(queue.redisPort) };
}

/** Waits until `ready()` is true, failing early with the process's output if it exits first. */
async function waitUntil(spawned: Spawned, what: string, timeoutMs: number, ready: () => Promise<boolean> | boolean): Promise<void> {
	let exitCode: number | null | undefined;
	void spawned.exited.then((code) => (exitCode = code));
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await ready()) return;
		if (exitCode !== undefined) throw new Error(`${what} exited with ${exitCode} before it was ready:\n${tail(spawned.output())}`);
		if (Date.now() > deadline) throw new Error(`${what} was not ready after ${timeoutMs / 1000} s:\n${tail(spawned.output())}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function answers200(url: string): Promise<boolean> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
		await response.body?.cancel();
		return response.status === 200;
	} catch {
		return false;
	}
}

/** Debian's `redis-server` on a free loopback port, nothing persisted. */
export async function startRedis(log: Log, scratchDir: string): Promise<Redis> {
	const port = await freePort();
	const dir = mkdtempSync(join(scratchDir, 'redis-'));
	log(`Starting redis-server on 127.0.0.1:${port} ...`);
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
	const missing = 'redis-server is needed for queue mode: install it with `apt-get install redis-server`';
	let spawned: Spawned;
	try {
		spawned = spawnTracked('redis-server', 'redis-server', args, { env: process.env });
	} catch {
		throw new Error(missing);
	}
	await waitUntil(spawned, `redis-server (${missing})`, 15_000, () => spawned.output().includes('Ready to accept connections'));
	return { port, process: spawned };
}

export interface MainOptions {
	readonly queue?: QueueConfig;
	readonly log: Log;
	readonly timeoutMs?: number;
}

/** `n8n start`, resolved once it serves the editor, REST API and webhooks. */
export async function startMain(instance: N8nInstance, options: MainOptions): Promise<Spawned> {
	const env = { ...instance.env, ...queueEnv(options.queue), N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	const mode = options.queue === undefined ? '' : ' in queue mode';
	options.log(`Starting n8n ${instance.install.flavor.version}${mode} on ${instance.baseUrl} ...`);
	const started = Date.now();
	const { nodeBin } = instance.install.runtime;
	const spawned = spawnTracked('n8n start', nodeBin, [instance.install.n8nEntry, 'start'], { cwd: instance.userFolder, env });
	instance.logSources.push(spawned.output);
	// Readiness answers once the database is up; 1.x registers webhooks and REST routes only later,
	// right before it prints the editor URL, so wait for both.
	await waitUntil(
		spawned,
		'n8n start',
		options.timeoutMs ?? 180_000,
		async () => spawned.output().includes('Editor is now accessible') && (await answers200(`${instance.baseUrl}/healthz/readiness`)),
	);
	options.log(`n8n is ready (${Math.round((Date.now() - started) / 1000)} s).`);
	return spawned;
}

/** Optional settings of one worker; the defaults are what the e2e suite has always used. */
export interface WorkerOptions {
	/** `--concurrency`: executions the worker runs at once (default 5). */
	readonly concurrency?: number;
	/** Flags for Node itself, before n8n's entry script (e.g. `--expose-gc`, `--inspect=127.0.0.1:<port>`). */
	readonly nodeArgs?: readonly string[];
	/** Extra variables for this worker only, on top of the instance's. */
	readonly env?: Readonly<Record<string, string>>;
	/** Name in the progress log and in `Spawned.name` (default `n8n worker`). */
	readonly name?: string;
}

/** One `n8n worker` taking jobs from the queue; resolved once its health endpoint is ready. */
export async function startWorker(instance: N8nInstance, queue: QueueConfig, log: Log, options: WorkerOptions = {}): Promise<Spawned> {
	const healthPort = await freePort();
	const env = {
		...instance.env,
		...queueEnv(queue),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(healthPort),
		...options.env,
	};
	const name = options.name ?? 'n8n worker';
	const concurrency = options.concurrency ?? 5;
	log(`Starting ${name} (concurrency ${concurrency}, health check on port ${healthPort}) ...`);
	const { nodeBin } = instance.install.runtime;
	const args = [...(options.nodeArgs ?? []), instance.install.n8nEntry, 'worker', `--concurrency=${concurrency}`];
	const spawned = spawnTracked(name, nodeBin, args, { cwd: instance.userFolder, env });
	instance.logSources.push(spawned.output);
	await waitUntil(spawned, name, 180_000, () => answers200(`http://127.0.0.1:${healthPort}/healthz/readiness`));
	log(`${name} is ready.`);
	return spawned;
}
