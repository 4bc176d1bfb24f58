/**
 * `npm run test:ui`: the editor as a builder meets it, in Debian's Chromium. One n8n 2.x with the
 * package installed as `npm start` installs it (sandbox credentials and examples imported); every
 * example opens with no parameter issue and, run from the editor, shows its rows on the branches
 * the real-n8n suite expects (after the demo's own runs, as `npm start` leaves the sandbox); each vendor
 * node added from the node panel shows its vendor on the canvas; every credential that has a Test
 * passes it from its dialog, and the Assembla OAuth2 credential connects with Connect.
 *
 * Screenshots of failures go to build/ui/; UI_README_PICTURES=1 also refreshes the README's pictures
 * in docs/images/ from this run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

import { EXAMPLES_DIR, PACKAGE_ROOT } from '../e2e/n8n/paths';
import { allExampleFiles } from '../e2e/suites/examples';
import { BRANCHES, type Branch } from '../e2e/suites/branches';
import { VENDOR_CASES } from '../e2e/suites/vendors';
import { startEditorStack, type EditorStack } from './editor-stack';
import {
	addNodeFromPanel,
	connectOAuth2,
	edgeItemCount,
	executeWorkflow,
	keepingFailureShot,
	openWorkflow,
	parameterIssues,
	screenshot,
	signIn,
	testCredential,
} from './editor-page';

const SHOTS = join(PACKAGE_ROOT, 'build', 'ui');
const README_PICTURES = process.env.UI_README_PICTURES === '1' ? join(PACKAGE_ROOT, 'docs', 'images') : undefined;
/** The example whose canvas and parameter panel the README shows. */
const PICTURED_VENDOR = 'taleoLearn';

interface RawWorkflow {
	readonly id: string;
	readonly name: string;
	readonly nodes: readonly { readonly name: string; readonly type: string }[];
	readonly connections: Readonly<Record<string, { readonly main: readonly ({ readonly node: string }[] | null)[] }>>;
}

const readWorkflow = (path: string): RawWorkflow => JSON.parse(readFileSync(path, 'utf8')) as RawWorkflow;

/** The node each output of `nodeName` leads to, by branch (the examples wire one node per output). */
function branchTargets(workflow: RawWorkflow, nodeName: string): Record<Branch, string> {
	const outputs = workflow.connections[nodeName]?.main ?? [];
	const targets = BRANCHES.map((branch, index) => {
		const target = outputs[index]?.[0]?.node;
		if (target === undefined) throw new Error(`example "${workflow.name}": output ${index} (${branch}) of "${nodeName}" leads nowhere`);
		return [branch, target] as const;
	});
	return Object.fromEntries(targets) as Record<Branch, string>;
}

const log = (line: string): void => console.log(`[ui] ${line}`);

let stack: EditorStack;
let page: Page;

beforeAll(async () => {
	stack = await startEditorStack(log, SHOTS);
	page = await stack.context.newPage();
	await keepingFailureShot(page, SHOTS, 'sign-in', () => signIn(page, stack.instance.baseUrl));
}, 15 * 60_000);

afterAll(async () => {
	await stack?.stop();
});

describe('every example opens with no parameter issue', () => {
	test.each(allExampleFiles().map((path) => [path.slice(EXAMPLES_DIR.length + 1), path]))('%s', async (file, path) => {
		const workflow = readWorkflow(path);
		await keepingFailureShot(page, SHOTS, `issues-${file}`, async () => {
			await openWorkflow(page, stack.instance.baseUrl, workflow.id);
			const issues: string[] = [];
			for (const node of workflow.nodes) {
				for (const parameter of await parameterIssues(page, node.name)) issues.push(`${node.name}: ${parameter}`);
			}
			expect(issues).toEqual([]);
		});
	});
});

describe('every vendor example, run from the editor, shows its rows on each branch', () => {
	test.each(VENDOR_CASES.map((vendorCase) => [vendorCase.displayName, vendorCase]))('%s', async (displayName, vendorCase) => {
		const workflow = readWorkflow(join(EXAMPLES_DIR, vendorCase.example));
		const vendorNode = workflow.nodes.find((node) => node.type.endsWith(`.${vendorCase.nodeType}`));
		if (vendorNode === undefined) throw new Error(`${vendorCase.example} has no ${displayName} node`);
		const targets = branchTargets(workflow, vendorNode.name);
		const expected = Object.fromEntries(BRANCHES.map((branch) => [branch, vendorCase.expected.filter((row) => row.branch === branch).length]));

		await keepingFailureShot(page, SHOTS, `run-${vendorCase.vendor}`, async () => {
			await openWorkflow(page, stack.instance.baseUrl, workflow.id);
			await executeWorkflow(page, vendorNode.name);
			const shown: Record<string, number> = {};
			for (const branch of BRANCHES) shown[branch] = await edgeItemCount(page, vendorNode.name, targets[branch]);
			expect(shown).toEqual(expected);
			if (README_PICTURES && vendorCase.vendor === PICTURED_VENDOR) {
				await screenshot(page, README_PICTURES, 'example-run');
				await page.locator('[data-test-id="canvas-node"]', { hasText: vendorNode.name }).first().dblclick();
				await page.waitForSelector('[data-test-id="node-parameters"]');
				await screenshot(page, README_PICTURES, 'parameter-panel');
				await page.click('[data-test-id="ndv-close-button"]');
			}
		});
	});
});

describe('every credential with a Test passes it from its dialog', () => {
	const testable = VENDOR_CASES.flatMap((vendorCase) => vendorCase.credentials.filter((credential) => credential.secretField !== null));
	test.each(testable.map((credential) => [credential.name, credential.id]))('%s', async (_name, id) => {
		const message = await keepingFailureShot(page, SHOTS, `credential-${id}`, () => testCredential(page, stack.instance.baseUrl, id));
		expect(message).toBe('Connection tested successfully');
	});
});

describe('a vendor node added from the node panel shows its vendor on the canvas', () => {
	test.each(VENDOR_CASES.map((vendorCase) => [vendorCase.displayName, vendorCase]))('%s', async (displayName, vendorCase) => {
		const workflow = readWorkflow(join(EXAMPLES_DIR, vendorCase.example));
		const shown = await keepingFailureShot(page, SHOTS, `add-${vendorCase.vendor}`, async () => {
			await openWorkflow(page, stack.instance.baseUrl, workflow.id);
			return addNodeFromPanel(page, displayName, `Create a group in ${displayName}`);
		});
		// The node's name (from the action) and the line under it both name the vendor.
		expect(shown).toContain(`Create a group in ${displayName}`);
		expect(shown).toContain(`${displayName}: Create group`);
	});
});

describe('the Assembla OAuth2 credential connects from its dialog', () => {
	const oauth2 = VENDOR_CASES.flatMap((vendorCase) => vendorCase.credentials).filter((credential) => credential.secretField === null);
	test.each(oauth2.map((credential) => [credential.name, credential.id]))('%s', async (_name, id) => {
		const message = await keepingFailureShot(page, SHOTS, `connect-${id}`, () => connectOAuth2(page, stack.instance.baseUrl, id));
		expect(message).toMatch(/Account connected/);
	});
});
