/**
 * Queue mode with several workers: Debian's redis-server, one `n8n start` and `n8n worker`s that
 * come and go per scenario. Every process goes through processes.ts, so each is stopped by its PID.
 */
import type { N8nInstance } from '../n8n/n8n-instance';
import { startMain, startRedis, startWorker, type QueueConfig, type WorkerOptions } from '../n8n/n8n-process';
import type { Spawned } from '../n8n/processes';

type Log = (line: string) => void;

export interface Cluster {
	readonly queue: QueueConfig;
	readonly main: Spawned;
	/** Workers started by `addWorker` and not yet stopped or killed. */
	readonly workers: Spawned[];
	addWorker(options?: WorkerOptions): Promise<Spawned>;
	/** Stops the given workers (all when none given) by PID. */
	stopWorkers(workers?: readonly Spawned[]): Promise<void>;
	/** Workers first, then main, then Redis. */
	stop(): Promise<void>;
}

export async function startCluster(instance: N8nInstance, log: Log): Promise<Cluster> {
	const started: Spawned[] = [];
	try {
		const redis = await startRedis(log, instance.userFolder);
		started.push(redis.process);
		const queue = { redisPort: redis.port };
		const main = await startMain(instance, { log, queue, timeoutMs: 4 * 60_000 });
		started.push(main);
		const workers: Spawned[] = [];
		let counter = 0;
		const cluster: Cluster = {
			queue,
			main,
			workers,
			addWorker: async (options = {}) => {
				const worker = await startWorker(instance, queue, log, { name: `n8n worker ${++counter}`, ...options });
				workers.push(worker);
				return worker;
			},
			stopWorkers: async (some = [...workers]) => {
				for (const worker of some) {
					await worker.stop();
					const at = workers.indexOf(worker);
					if (at >= 0) workers.splice(at, 1);
				}
			},
			stop: async () => {
				await cluster.stopWorkers();
				for (const spawned of started.reverse()) await spawned.stop();
			},
		};
		return cluster;
	} catch (error) {
		for (const spawned of started.reverse()) await spawned.stop();
		throw error;
	}
}

/** SIGKILL to the worker's process group (no shutdown, no goodbye to Redis), as a crash or the OOM killer does. */
export async function killWorker(cluster: Cluster, worker: Spawned): Promise<void> {
	try {
		process.kill(-worker.pid, 'SIGKILL');
	} catch {
		// already gone
	}
	await worker.exited;
	const at = cluster.workers.indexOf(worker);
	if (at >= 0) cluster.workers.splice(at, 1);
}

/** Execution ids a worker's log says it started / finished (n8n logs "Worker started execution 12 (job 3)"). */
export function workerExecutions(worker: Spawned, what: 'started' | 'finished', workflowId?: string): string[] {
	const ids: string[] = [];
	for (const line of worker.output().split('\n')) {
		if (!line.includes(`Worker ${what} execution`)) continue;
		if (workflowId !== undefined && !line.includes(`"workflowId":"${workflowId}"`)) continue;
		const match = /Worker (?:started|finished) execution (\d+)/.exec(line);
		if (match) ids.push(match[1]);
	}
	return ids;
}

export async function waitFor(what: string, timeoutMs: number, done: () => boolean | Promise<boolean>, everyMs = 250): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await done())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}
