/** The package's node types as the n8n CLI sees them, and e2e coverage of every node it ships. */
import { exportNodeTypes } from './n8n-cli';
import { PACKAGE_NAME } from './paths';
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

	test('every node the package ships has an e2e vendor case', () => {
		const covered = VENDOR_CASES.map((vendorCase) => `${PACKAGE_NAME}.${vendorCase.nodeType}`);
		expect(covered.sort()).toEqual([...shippedTypes().nodes].sort());
	});
}
