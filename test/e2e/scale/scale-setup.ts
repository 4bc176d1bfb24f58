/**
 * One n8n major ready for the scale scenarios: Debian's PostgreSQL as n8n's database (SCALE_DB=sqlite
 * for SQLite, which fails executions with SQLITE_BUSY under this load), the sandbox (Capillary's per-minute rate limit off: the
 * scenarios send thousands of requests on one key), a fresh user folder with the packed package, the
 * e2e suite's credentials and examples plus tenant B's credentials and the scale workflows, those
 * workflows live, Redis and the main process up, and an owner session on the REST API. Workers are
 * started by each scenario.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/types';
import { loadExample } from '../suites/examples';
import type { N8nInstall } from '../n8n/install-n8n';
import { activateWorkflow, importCredentials, importWorkflows } from '../n8n/n8n-cli';
import type { N8nInstance } from '../n8n/n8n-instance';
import type { PackedPackage } from '../n8n/pack';
import { prepareN8n } from '../n8n/prepare-n8n';
import { RestSession } from '../n8n/rest-session';
import { WEBHOOK_EXAMPLE } from '../n8n/webhook';
import { startCluster, type Cluster } from './cluster';
import { KNOBS } from './knobs';
import { startPostgres, type Postgres } from './postgres';
import { SCALE_WORKFLOWS, tenantBCredentials } from './scale-workflows';

export interface ScaleEnvironment {
	readonly sandbox: Sandbox;
	readonly instance: N8nInstance;
	readonly cluster: Cluster;
	readonly session: RestSession;
	/** Stops every process started here (by PID), closes the sandbox, deletes the user folder. */
	close(): Promise<void>;
}

type Log = (line: string) => void;

/**
 * n8n's own timings for a dead worker, shortened so scenario 2 waits seconds, not minutes: a job whose
 * lock is not renewed for 30 s (default 60) is found by a live worker's check every 10 s (default 30).
 * n8n's queue recovery (every 3 minutes) stays as it is: it marks as crashed any execution the
 * database calls running whose job is no longer queued, which races with executions finishing.
 */
const QUEUE_TIMINGS = {
	QUEUE_WORKER_LOCK_DURATION: '30000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
	QUEUE_WORKER_STALLED_INTERVAL: '10000',
};

export async function prepareScale(install: N8nInstall, packed: PackedPackage, log: Log): Promise<ScaleEnvironment> {
	// Taleo Learn as a tenant that keeps names unique: the long-running worker re-sends earlier runs'
	// names, which only such a tenant refuses (docs/vendors/taleo-learn.md; the node's choice is in README).
	const sandbox = await startSandbox({ vendors: { capillary: { rateLimit: null }, taleoLearn: { uniqueNames: true } } });
	let postgres: Postgres | undefined;
	let instance: N8nInstance | undefined;
	let cluster: Cluster | undefined;
	try {
		postgres = KNOBS.database === 'postgres' ? await startPostgres(log) : undefined;
		instance = await prepareN8n(install, packed, sandbox, log, { env: { ...QUEUE_TIMINGS, ...postgres?.env } });
		await importCredentials(instance, tenantBCredentials(sandbox.summary()));
		const dir = mkdtempSync(join(instance.userFolder, 'scale-workflows-'));
		const fixtures = Object.values(SCALE_WORKFLOWS).map((workflow) => workflow.fixture);
		for (const fixture of fixtures) writeFileSync(join(dir, `${fixture.id}.json`), JSON.stringify(fixture, null, 2));
		await importWorkflows(instance, fixtures.map((fixture) => join(dir, `${fixture.id}.json`)));
		rmSync(dir, { recursive: true, force: true });
		log('Activating the webhook example and the scale workflows ...');
		for (const id of [loadExample(WEBHOOK_EXAMPLE.file).id, ...fixtures.map((fixture) => fixture.id)]) {
			await activateWorkflow(instance, id);
		}
		cluster = await startCluster(instance, log);
		const session = await RestSession.setupOwner(instance.baseUrl);
		const ready = { sandbox, instance, cluster };
		return {
			...ready,
			session,
			close: async () => {
				await ready.cluster.stop();
				await postgres?.stop();
				await sandbox.close();
				ready.instance.remove();
			},
		};
	} catch (error) {
		await cluster?.stop();
		await postgres?.stop();
		await sandbox.close();
		instance?.remove();
		throw error;
	}
}
