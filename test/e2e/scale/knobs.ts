/**
 * The sizes of `npm run test:scale`, each an environment variable so a bigger machine can run the
 * issue's full numbers. Defaults fit CI (2 cores, the whole `.ci/run` inside 90 minutes).
 *
 * The full sizes (its webhook names and long-run count are the defaults already):
 * SCALE_BULK_ROWS=5000 SCALE_KILL_ROWS=2000 npm run test:scale. Bigger still, e.g. more workers:
 * SCALE_WORKERS=6 SCALE_WEBHOOK_NAMES=500 SCALE_LONG_RUNS=10000. One n8n major only: SCALE_N8N=2.
 */
import { FLAVORS, type N8nFlavor } from '../n8n/flavors';

function count(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
	return value;
}

function fraction(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!(value >= 0 && value < 1)) throw new Error(`${name} must be a fraction in [0, 1), got ${JSON.stringify(raw)}`);
	return value;
}

export const KNOBS = {
	/** Scenario 1: distinct names posted to the webhook, each twice at once (issue: 150). */
	webhookNames: count('SCALE_WEBHOOK_NAMES', 150),
	/** Scenario 1: rows of the bulk run that goes on meanwhile (issue: 5,000). */
	bulkRows: count('SCALE_BULK_ROWS', 3000),
	/** Scenario 1: share of the bulk run's create requests that meet an injected fault (issue: ~5%). */
	faultRate: fraction('SCALE_FAULT_RATE', 0.05),
	/** Scenario 1: workers, and `--concurrency` of each (issue: 3 and 5). */
	workers: count('SCALE_WORKERS', 3),
	workerConcurrency: count('SCALE_WORKER_CONCURRENCY', 5),
	/** Scenario 2: rows of the run whose worker is killed (issue: 2,000); killed at a quarter. */
	killRows: count('SCALE_KILL_ROWS', 1000),
	/** Scenario 3: consecutive executions on one worker (issue: 1,000). */
	longRuns: count('SCALE_LONG_RUNS', 1000),
	/** Scenario 3: heap growth allowed between the early and the final reading, in MB. */
	maxHeapGrowthMb: count('SCALE_MAX_HEAP_GROWTH_MB', 12),
	/** Scenario 4: executions per credential pair, sent at once. */
	tenantRuns: count('SCALE_TENANT_RUNS', 20),
	/** n8n's database: 'postgres' (default; Debian's postgresql package) or 'sqlite'. */
	database: process.env.SCALE_DB === 'sqlite' ? 'sqlite' : 'postgres',
	/** Seed of the random faults, so a failing run can be replayed. */
	seed: count('SCALE_SEED', (Date.now() % 1_000_000) + 1),
} as const;

/** SCALE_N8N=2 or SCALE_N8N=1 runs one major only; default both, 2.x first. */
export function scaleFlavors(): readonly N8nFlavor[] {
	const wanted = (process.env.SCALE_N8N ?? '').split(',').filter((part) => part.trim() !== '').map(Number);
	return wanted.length === 0 ? FLAVORS : FLAVORS.filter((flavor) => wanted.includes(flavor.major));
}
