/**
 * Group → Get and Group → Get Many in real n8n: the outputs this n8n computes from each node's
 * description (two for Create, one for the reads, its error output after them), and a workflow with
 * Get Many and Get run by `n8n execute`, each node giving one output with the sandbox's groups.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { executeWorkflow, importWorkflows } from '../n8n/n8n-cli';
import { PACKAGE_NAME } from '../n8n/paths';
import { runCommand } from '../n8n/run-command';
import { nodeOutputs, sourceRow } from '../n8n/run-record';
import { credentialWiring } from '../../support/vendors';
import type { SuiteContext } from './suite-context';

/**
 * Run by this n8n's Node with the installed package: loads each node class the way n8n resolves its
 * imports (n8n's own node_modules), and asks this n8n's `NodeHelpers.getNodeOutputs` for the outputs
 * of each operation. Prints `{ "<node>/<operation>/<onError>": [output names] }`.
 */
const OUTPUTS_PROBE = `
const { NodeHelpers, Workflow } = require('n8n-workflow');
const { files } = JSON.parse(process.env.PROBE_INPUT);
const result = {};
for (const file of files) {
	const className = require('path').basename(file, '.node.js');
	const nodeType = new (require(file)[className])();
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	for (const operation of ['create', 'get', 'getAll']) {
		for (const onError of ['stopWorkflow', 'continueErrorOutput']) {
			const node = { id: '1', name: 'N', type: 'probe.' + className, typeVersion: 1, position: [0, 0], parameters: { resource: 'group', operation }, onError };
			const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
			const outputs = NodeHelpers.getNodeOutputs(workflow, node, nodeType.description);
			result[className + '/' + operation + '/' + onError] = outputs.map((o) => (typeof o === 'string' ? o : o.displayName || o.type));
		}
	}
}
console.log('PROBE ' + JSON.stringify(result));
`;

const WORKFLOW_ID = 'e2eReadOpsFlow01';
const GET_MANY = 'Invisible Collector: Get Many';
const GET = 'Invisible Collector: Get';

function readWorkflow(): object {
	const { id, name } = credentialWiring('invisibleCollector');
	const vendorNode = (nodeName: string, y: number, parameters: object) => ({
		id: `e2e-read-${y}`,
		name: nodeName,
		type: `${PACKAGE_NAME}.invisibleCollector`,
		typeVersion: 1,
		position: [260, y],
		parameters: { resource: 'group', ...parameters },
		credentials: { invisibleCollectorApi: { id, name } },
	});
	return {
		id: WORKFLOW_ID,
		name: 'e2e: Group → Get Many and Get',
		nodes: [
			{ id: 'e2e-read-trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 100], parameters: {} },
			vendorNode(GET_MANY, 0, { operation: 'getAll', returnAll: true }),
			vendorNode(GET, 200, { operation: 'get', name: 'e2e read B' }),
		],
		connections: {
			Start: {
				main: [
					[
						{ node: GET_MANY, type: 'main', index: 0 },
						{ node: GET, type: 'main', index: 0 },
					],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

export function describeReadOperations(context: SuiteContext): void {
	describe('Group → Get and Group → Get Many', () => {
		test("this n8n computes two outputs for Create and one for Get and Get Many, each followed by the error output", async () => {
			const instance = context.instance();
			const installed = join(instance.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
			const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
			const files = manifest.n8n.nodes.map((file) => join(installed, file));
			const n8nModules = resolve(instance.install.n8nEntry, '..', '..', '..');
			const { output } = await runCommand('outputs probe', instance.install.runtime.nodeBin, ['-e', OUTPUTS_PROBE], {
				cwd: n8nModules,
				env: { ...instance.env, NODE_PATH: n8nModules, PROBE_INPUT: JSON.stringify({ files }) },
				timeoutMs: 120_000,
			});
			const line = output.split('\n').find((text) => text.startsWith('PROBE '));
			if (line === undefined) throw new Error(`the probe printed no result:\n${output}`);
			const outputs = JSON.parse(line.slice('PROBE '.length)) as Record<string, string[]>;
			expect(Object.keys(outputs)).toHaveLength(files.length * 6);
			for (const file of files) {
				const node = basename(file, '.node.js');
				expect([node, outputs[`${node}/create/stopWorkflow`]]).toEqual([node, ['Created', 'Conflict']]);
				expect([node, outputs[`${node}/create/continueErrorOutput`]]).toEqual([node, ['Created', 'Conflict', 'Error']]);
				for (const operation of ['get', 'getAll']) {
					expect([node, operation, outputs[`${node}/${operation}/stopWorkflow`]]).toEqual([node, operation, ['main']]);
					expect([node, operation, outputs[`${node}/${operation}/continueErrorOutput`]]).toEqual([node, operation, ['Success', 'Error']]);
				}
			}
		});

		test('a workflow with Get Many and Get runs, each node giving one output with the groups, paired with the input', async () => {
			const instance = context.instance();
			const vendor = context.sandbox().vendors.invisibleCollector;
			const a = vendor.addGroup('e2e read A');
			const b = vendor.addGroup('e2e read B');
			const dir = mkdtempSync(join(instance.userFolder, 'read-ops-'));
			const file = join(dir, 'read-operations.json');
			writeFileSync(file, JSON.stringify(readWorkflow()));
			try {
				await importWorkflows(instance, [file]);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
			const { code, record, output } = await executeWorkflow(instance, WORKFLOW_ID);
			if (record === undefined) throw new Error(`n8n execute printed no run record (exit ${code}):\n${output.slice(-2000)}`);

			const many = nodeOutputs(record, GET_MANY);
			expect(many).toHaveLength(1);
			const listed = many[0].map((item) => item.json);
			expect(listed).toEqual(expect.arrayContaining([
				{ vendor: 'invisibleCollector', id: a.id, name: a.name, group: expect.objectContaining({ id: a.id }) },
				{ vendor: 'invisibleCollector', id: b.id, name: b.name, group: expect.objectContaining({ id: b.id }) },
			]));
			expect(listed).toHaveLength(vendor.groupsOf().length);
			expect(many[0].map(sourceRow)).toEqual(many[0].map(() => 0));

			const got = nodeOutputs(record, GET);
			expect(got).toHaveLength(1);
			expect(got[0].map((item) => item.json)).toEqual([{ vendor: 'invisibleCollector', id: b.id, name: b.name, group: expect.objectContaining({ id: b.id }) }]);
			expect(got[0].map(sourceRow)).toEqual([0]);
		});
	});
}
