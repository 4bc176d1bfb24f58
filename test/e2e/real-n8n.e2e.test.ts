/**
 * `npm run test:e2e`: the package inside real n8n, 2.x on Node 24 and 1.x on the machine's Node 20.
 * Both n8n installs start at once (cached in .cache/ after the first run), so 1.x installs while
 * the 2.x checks run. The package is packed once and installed into a fresh user folder per major.
 */
import { FLAVORS } from './n8n/flavors';
import { ensureN8n, type N8nInstall } from './n8n/install-n8n';
import { packPackage, type PackedPackage } from './n8n/pack';
import { stopAll } from './n8n/processes';
import { progressLog } from './n8n/progress';
import { describeRealN8n } from './suites/real-n8n-suite';

const log = progressLog('[setup]');
let packing: Promise<PackedPackage> | undefined;
const installs = new Map<number, Promise<N8nInstall>>();

function startInstalls(): void {
	for (const flavor of FLAVORS) {
		if (installs.has(flavor.major)) continue;
		const installing = ensureN8n(flavor, progressLog(`[${flavor.label}]`));
		installing.catch(() => undefined); // awaited (and reported) by that flavor's suite
		installs.set(flavor.major, installing);
	}
}

beforeAll(() => {
	startInstalls();
	packing = packPackage(log);
	packing.catch(() => undefined);
});

afterAll(async () => {
	await stopAll();
	(await packing?.catch(() => undefined))?.remove();
});

for (const flavor of FLAVORS) {
	describeRealN8n(flavor, {
		install: () => {
			startInstalls();
			return installs.get(flavor.major) as Promise<N8nInstall>;
		},
		packed: () => {
			packing ??= packPackage(log);
			return packing;
		},
	});
}
