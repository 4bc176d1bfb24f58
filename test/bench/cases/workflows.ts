/**
 * The workflows the benchmark imports into n8n: Manual Trigger → a list of N rows (a Set node with
 * the rows as JSON, standing in for a spreadsheet) → Split Out (one item per row) → the node under
 * test. The node under test has nothing after it: n8n keeps its outputs in the run data regardless.
 */
import { PACKAGE_NAME } from '../../e2e/n8n/paths';
import type { VendorName } from '../../sandbox/types';
import { VENDORS } from '../../support/vendors';

export interface CredentialRef {
	readonly id: string;
	readonly name: string;
}

/** The part of an n8n workflow node the benchmark sets. */
export interface WorkflowNode {
	readonly id: string;
	readonly name: string;
	readonly type: string;
	readonly typeVersion: number;
	readonly position: readonly [number, number];
	readonly parameters: Readonly<Record<string, unknown>>;
	readonly credentials?: Readonly<Record<string, CredentialRef>>;
	readonly onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	readonly retryOnFail?: boolean;
}

export type SubjectNode = Omit<WorkflowNode, 'id' | 'position'>;

export interface Workflow {
	readonly id: string;
	readonly name: string;
	readonly nodes: readonly WorkflowNode[];
	readonly connections: Readonly<Record<string, unknown>>;
	readonly settings: Readonly<Record<string, unknown>>;
	readonly pinData: Readonly<Record<string, unknown>>;
	readonly active: false;
}

/** The node every measurement reads from the run data. */
export const SUBJECT = 'Subject';

const LIST = 'Rows';
const SPLIT = 'One item per row';
const TRIGGER = 'Start';

/** `id` must be 16 characters (n8n's workflow id format). */
export function benchWorkflow(id: string, title: string, subject: SubjectNode, names: readonly string[]): Workflow {
	if (id.length !== 16) throw new Error(`workflow id ${id} must have 16 characters`);
	const link = (to: string) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		id,
		name: `Benchmark: ${title}`,
		nodes: [
			{ id: `${id}-1`, name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-2`,
				name: LIST,
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows: names.map((name) => ({ name })) }), options: {} },
			},
			{
				id: `${id}-3`,
				name: SPLIT,
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'rows', options: {} },
			},
			{ ...subject, id: `${id}-4`, name: SUBJECT, position: [660, 0] },
		],
		connections: { [TRIGGER]: link(LIST), [LIST]: link(SPLIT), [SPLIT]: link(SUBJECT) },
		settings: { executionOrder: 'v1' },
		pinData: {},
		active: false,
	};
}

const NAME_FROM_ROW = '={{ $json.name }}';

/** One of our nodes doing "Group → Create" with the name from the row, its failures to the error output. */
export function groupCreateNode(vendor: VendorName, credential: CredentialRef, options: Readonly<Record<string, unknown>>): SubjectNode {
	const { nodeType, parameters, credentials } = VENDORS[vendor];
	return {
		name: SUBJECT,
		type: `${PACKAGE_NAME}.${nodeType}`,
		typeVersion: 1,
		parameters: { ...parameters, options },
		credentials: { [credentials[0].type]: credential },
		onError: 'continueErrorOutput',
	};
}

export interface HttpRequestSetup {
	/** The HTTP Request node's Batching option (n8n 2.x: pauses `intervalMs` after every `size` items). */
	readonly batching?: { readonly size: number; readonly intervalMs: number };
	/** The node setting "Retry On Fail" with n8n's defaults (3 tries, 1000 ms apart). */
	readonly retryOnFail?: boolean;
	readonly onError?: WorkflowNode['onError'];
}

/**
 * What a user builds without our package: HTTP Request v4 (4.5, the version n8n 2.41 adds), POST
 * `<base>/groups` with a Bearer Auth credential and the body field `name` from the row.
 */
export function httpRequestNode(url: string, credential: CredentialRef, setup: HttpRequestSetup): SubjectNode {
	const batching = setup.batching && { batching: { batch: { batchSize: setup.batching.size, batchInterval: setup.batching.intervalMs } } };
	return {
		name: SUBJECT,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: {
			method: 'POST',
			url,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpBearerAuth',
			sendBody: true,
			specifyBody: 'keypair',
			bodyParameters: { parameters: [{ name: 'name', value: NAME_FROM_ROW }] },
			options: { ...batching },
		},
		credentials: { httpBearerAuth: credential },
		...(setup.retryOnFail ? { retryOnFail: true } : {}),
		...(setup.onError ? { onError: setup.onError } : {}),
	};
}

/** The helper floor (fixtures/helper-floor): the same POSTs through n8n's HTTP helper and nothing else. */
export function helperFloorNode(nodeType: string, credential: CredentialRef, concurrency: number): SubjectNode {
	return {
		name: SUBJECT,
		type: nodeType,
		typeVersion: 1,
		parameters: { concurrency },
		credentials: { invisibleCollectorApi: credential },
	};
}

/** The baseline: the same list through a node that does nothing. */
export function noOpNode(): SubjectNode {
	return { name: SUBJECT, type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };
}
