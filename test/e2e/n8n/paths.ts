/** Where things live: the package root (found by name, so this works from `test/e2e` and from `build/test/e2e`) and the cache. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-group-provisioning';

function findPackageRoot(start: string): string {
	for (let dir = start; ; dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		// tsc copies package.json into build/ when a compiled file imports it; the checkout is the folder
		// that also holds the sources' tsconfig.json.
		if (existsSync(manifest) && existsSync(join(dir, 'tsconfig.json'))) {
			const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
			if (name === PACKAGE_NAME) return dir;
		}
		if (dirname(dir) === dir) throw new Error(`no package.json named ${PACKAGE_NAME} above ${start}`);
	}
}

export const PACKAGE_ROOT = findPackageRoot(__dirname);

/** Git-ignored: the n8n installs and Node 24 live here between runs. E2E_CACHE_DIR moves it (CI caches, a cold run). */
export const CACHE_DIR = process.env.E2E_CACHE_DIR ?? join(PACKAGE_ROOT, '.cache');

export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');
