/**
 * `npm run test:scale`: the package in real n8n queue mode at scale (issue 13), per n8n major: many
 * executions at once on three workers, a worker killed mid-run, a worker running many executions in
 * bounded memory, two tenants' credentials side by side. Sizes: knobs.ts (environment variables).
 * n8n is installed into .cache/ as for `npm run test:e2e`; every process is stopped by its PID.
 */
import { ensureN8n, type N8nInstall } from '../n8n/install-n8n';
import { packPackage, type PackedPackage } from '../n8n/pack';
import { stopAll } from '../n8n/processes';
import { progressLog } from '../n8n/progress';
import { allFigures } from './figures';
import { KNOBS, scaleFlavors } from './knobs';
import { describeLongRunningWorker } from './long-running-worker';
import { describeManyAtOnce } from './many-at-once';
import type { ScaleContext } from './scale-context';
import { startReaper, type Reaper } from './reaper';
import { prepareScale, type ScaleEnvironment } from './scale-setup';
import { describeTwoCredentials } from './two-credentials';
import { describeWorkerKilled } from './worker-killed';

/** Includes a first n8n install (minutes). */
const SETUP_TIMEOUT_MS = 25 * 60_000;

const log = progressLog('[scale]');
let packing: Promise<PackedPackage> | undefined;
const installs = new Map<number, Promise<N8nInstall>>();

function install(major: number): Promise<N8nInstall> {
	for (const flavor of scaleFlavors()) {
		if (installs.has(flavor.major)) continue;
		const installing = ensureN8n(flavor, progressLog(`[${flavor.label}]`));
		installing.catch(() => undefined); // awaited (and reported) by that flavor's beforeAll
		installs.set(flavor.major, installing);
	}
	return installs.get(major) as Promise<N8nInstall>;
}

let reaper: Reaper | undefined;

beforeAll(() => {
	// Ctrl-C kills jest without running any handler: the reaper then kills what is still running.
	reaper = startReaper();
	log(`Sizes: ${JSON.stringify(KNOBS)}`);
	packing = packPackage(log);
	packing.catch(() => undefined);
});

afterAll(async () => {
	await stopAll();
	reaper?.stop();
	(await packing?.catch(() => undefined))?.remove();
	log(`Figures of this run:\n${allFigures().map((line) => `  - ${line}`).join('\n')}`);
});

for (const flavor of scaleFlavors()) {
	describe(`n8n ${flavor.version} (${flavor.label}) in queue mode at scale`, () => {
		const flavorLog = progressLog(`[${flavor.label}]`);
		let env: ScaleEnvironment | undefined;
		const context: ScaleContext = {
			flavor,
			log: flavorLog,
			env: () => {
				if (env === undefined) throw new Error('the scale environment was not prepared');
				return env;
			},
		};

		beforeAll(async () => {
			const packed = await (packing ??= packPackage(log));
			env = await prepareScale(await install(flavor.major), packed, flavorLog);
		}, SETUP_TIMEOUT_MS);

		afterAll(async () => {
			await env?.close();
		});

		// A test that fails leaves its workers running; the next one starts from none.
		afterEach(async () => {
			await env?.cluster.stopWorkers();
		});

		describeManyAtOnce(context);
		describeWorkerKilled(context);
		describeLongRunningWorker(context);
		describeTwoCredentials(context);
	});
}
