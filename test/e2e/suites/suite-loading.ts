/** The package's node types as the n8n CLI sees them, and e2e coverage of every node it ships. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { exportNodeTypes } from '../n8n/n8n-cli';
import { PACKAGE_NAME } from '../n8n/paths';
import { shippedTypes } from './shipped-types';
import type { SuiteContext } from './suite-context';
import { VENDOR_CASES } from './vendors';

export function describePackageLoading(context: SuiteContext): void {
	// 1.x has no `export:nodes`; the editor's type lists (suite-regular-mode.ts) are checked on both majors.
	const on2x = context.flavor.major >= 2 ? test : test.skip;
	on2x('`n8n export:nodes` lists every node type of the package and its AI-agent tool', async () => {
		const shipped = shippedTypes();
		expect(shipped.nodes.length).toBeGreaterThan(0);
		const exported = await exportNodeTypes(context.instance());
		expect(exported).toEqual(expect.arrayContaining([...shipped.nodes, ...shipped.tools]));
	});

	test('the package sits alone in the nodes folder: its install brought no dependency', () => {
		const modules = join(context.instance().userFolder, '.n8n', 'nodes', 'node_modules');
		expect(readdirSync(modules).filter((name) => !name.startsWith('.'))).toEqual([PACKAGE_NAME]);
		const installed = join(modules, PACKAGE_NAME);
		expect(existsSync(join(installed, 'node_modules'))).toBe(false);
		const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: object };
		expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
	});

	test('every node the package ships has an e2e vendor case', () => {
		const covered = VENDOR_CASES.map((vendorCase) => `${PACKAGE_NAME}.${vendorCase.nodeType}`);
		expect(covered.sort()).toEqual([...shippedTypes().nodes].sort());
	});
}
