/**
 * The real-n8n checks for one n8n major: the packed package installed like a community package into
 * a fresh user folder with the sandbox credentials and the examples, then (in this order) the CLI's
 * view of the package, each vendor's example, Group → Get Many and Get, `n8n start` with the webhook and the credential tests,
 * queue mode, and finally every n8n log line collected on the way.
 */
import { startSandbox } from '../../sandbox/server';
import type { Sandbox } from '../../sandbox/types';
import type { N8nFlavor } from '../n8n/flavors';
import type { N8nInstall } from '../n8n/install-n8n';
import { loadProblems } from './load-problems';
import type { N8nInstance } from '../n8n/n8n-instance';
import type { PackedPackage } from '../n8n/pack';
import { prepareN8n } from '../n8n/prepare-n8n';
import { progressLog } from '../n8n/progress';
import type { SuiteContext } from './suite-context';
import { describeExampleRuns } from './suite-examples';
import { describePackageLoading } from './suite-loading';
import { describeQueueMode } from './suite-queue-mode';
import { describeReadOperations } from './suite-read-operations';
import { describeRegularMode } from './suite-regular-mode';

/** Includes a first install when the background one is still running (several minutes). */
const SETUP_TIMEOUT_MS = 25 * 60_000;

export interface SuiteInputs {
	/** Resolves once this flavor's n8n is installed (the installs run in the background). */
	install(): Promise<N8nInstall>;
	packed(): Promise<PackedPackage>;
}

export function describeRealN8n(flavor: N8nFlavor, inputs: SuiteInputs): void {
	describe(`n8n ${flavor.version} (${flavor.label})`, () => {
		const log = progressLog(`[${flavor.label}]`);
		let sandbox: Sandbox | undefined;
		let instance: N8nInstance | undefined;
		const context: SuiteContext = {
			flavor,
			log,
			sandbox: () => {
				if (sandbox === undefined) throw new Error('the sandbox did not start');
				return sandbox;
			},
			instance: () => {
				if (instance === undefined) throw new Error('n8n was not prepared');
				return instance;
			},
		};

		beforeAll(async () => {
			sandbox = await startSandbox();
			const packed = await inputs.packed();
			log(`Waiting for n8n ${flavor.version} to be installed ...`);
			instance = await prepareN8n(await inputs.install(), packed, sandbox, log);
		}, SETUP_TIMEOUT_MS);

		afterAll(async () => {
			await sandbox?.close();
			instance?.remove();
		});

		describePackageLoading(context);
		describeExampleRuns(context);
		describeReadOperations(context);
		describeRegularMode(context);
		describeQueueMode(context);

		test('no n8n log line says the package failed to load', () => {
			expect(loadProblems(context.instance())).toEqual([]);
		});
	});
}
