/**
 * The scale runs' workflows, built from the shipped examples' vendor nodes (same parameters and
 * credentials a user imports) behind a webhook that answers at once ("onReceived"), so the run goes
 * to a worker through the queue: webhook → one item per row of `body.rows` → vendor node → Created,
 * Conflict, Failed. A row is `{ group: <name> }`, as in the examples.
 */
import { loadExample, vendorNode, type ExampleNode } from '../suites/examples';

export interface WorkflowFixture {
	readonly id: string;
	readonly name: string;
	readonly nodes: readonly object[];
	readonly connections: Record<string, unknown>;
	readonly settings: Record<string, unknown>;
	readonly pinData: Record<string, unknown>;
	readonly active: boolean;
}

/** One vendor node of a fixture: taken from an example, optionally renamed, re-credentialed and re-parametered. */
export interface VendorStep {
	/** Example file in `examples/` and node type (without the package prefix). */
	readonly example: string;
	readonly nodeType: string;
	/** Node name in the fixture (unique in the workflow); default the example's. */
	readonly name?: string;
	/** Parameters replaced on top of the example's (e.g. `authentication`, `name`, `options`). */
	readonly parameters?: Readonly<Record<string, unknown>>;
	/** Replaces the example's credentials (`{ <type>: { id, name } }`). */
	readonly credentials?: Readonly<Record<string, { readonly id: string; readonly name: string }>>;
}

let uuidCounter = 0;
const nodeId = (): string => `5ca1e000-0000-4000-8000-${String(++uuidCounter).padStart(12, '0')}`;

function webhookNode(path: string): object {
	return {
		id: nodeId(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 200],
		webhookId: nodeId(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

function splitRowsNode(): object {
	return {
		id: nodeId(),
		name: 'One item per row',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [220, 200],
		parameters: { fieldToSplitOut: 'body.rows', options: {} },
	};
}

function vendorStepNode(step: VendorStep, y: number): ExampleNode & Readonly<Record<string, unknown>> {
	const source = vendorNode(loadExample(step.example), step.nodeType) as ExampleNode & { parameters: Record<string, unknown> };
	return {
		...source,
		id: nodeId(),
		name: step.name ?? source.name,
		position: [440, y],
		parameters: { ...source.parameters, ...step.parameters },
		credentials: step.credentials ?? source.credentials,
	};
}

const noOp = (name: string, x: number, y: number): object => ({
	id: nodeId(),
	name,
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [x, y],
	parameters: {},
});

/** The three outputs of each vendor step end in no-op nodes, so n8n keeps every row of each output in the run data. */
export const BRANCH_NODES = ['Created', 'Conflict', 'Failed'] as const;

/**
 * `id` must be 16 characters. Several steps run side by side on the same rows (each its own branch
 * from the split), so one execution drives several vendor nodes.
 */
export function rowsWorkflow(id: string, path: string, steps: readonly VendorStep[]): WorkflowFixture {
	if (id.length !== 16) throw new Error(`workflow id ${id} must have 16 characters`);
	const nodes: object[] = [webhookNode(path), splitRowsNode()];
	const connections: Record<string, unknown> = {
		Webhook: { main: [[{ node: 'One item per row', type: 'main', index: 0 }]] },
	};
	const fromSplit: object[] = [];
	steps.forEach((step, index) => {
		const node = vendorStepNode(step, index * 480);
		nodes.push(node);
		fromSplit.push({ node: node.name, type: 'main', index: 0 });
		const outputs = BRANCH_NODES.map((branch, at) => {
			const name = `${node.name} → ${branch}`;
			nodes.push(noOp(name, 700, index * 480 + at * 140));
			return [{ node: name, type: 'main', index: 0 }];
		});
		connections[node.name] = { main: outputs };
	});
	connections['One item per row'] = { main: [fromSplit] };
	return {
		id,
		name: `Scale: ${path}`,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

export interface WebhookStart {
	readonly status: number;
	readonly body: string;
}

/** POSTs `{ rows }` to the fixture's webhook; with "onReceived" n8n answers once the run is queued. */
export async function startRows(baseUrl: string, path: string, names: readonly string[]): Promise<WebhookStart> {
	const response = await fetch(`${baseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ rows: names.map((group) => ({ group })) }),
		signal: AbortSignal.timeout(60_000),
	});
	return { status: response.status, body: await response.text() };
}
