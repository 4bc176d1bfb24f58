/**
 * The cases of the five scenarios, as data: which workflow, which vendor, which items, under which
 * sandbox rate limit, over which network. run-case.ts measures them.
 */
import { DEFAULTS } from '../../../nodes/shared/descriptions';
import { HELPER_FLOOR_NODE_TYPE } from '../fixtures/helper-floor/install';
import type { VendorName } from '../../sandbox/types';
import { BENCH_CREDENTIALS, type Endpoints } from './credentials';
import { groupNames } from './items';
import type { BenchSettings } from './settings';
import {
	benchWorkflow,
	groupCreateNode,
	helperFloorNode,
	httpRequestNode,
	noOpNode,
	type SubjectNode,
	type Workflow,
} from './workflows';

export type Scenario = 'throughput' | 'rateLimit' | 'helloId' | 'cost' | 'network';

interface CaseBase {
	/** Short stable key, used in the JSON results. */
	readonly key: string;
	readonly scenario: Scenario;
	readonly label: string;
	readonly vendor: VendorName;
	readonly names: readonly string[];
	/** Whether the sandbox applies the rate limit during this case. */
	readonly rateLimited: boolean;
	/** Over HTTPS through the delaying proxy (the real-network case). */
	readonly slowNetwork: boolean;
}

export interface N8nCase extends CaseBase {
	readonly kind: 'n8n';
	readonly workflow: Workflow;
	/** Outputs the node declares; any output beyond them is n8n's error output. */
	readonly declaredOutputs: number;
}

/** Raw undici in the bench process (measure/floor.ts). */
export interface FloorCase extends CaseBase {
	readonly kind: 'floor';
	readonly newConnectionPerRequest: boolean;
}

export type BenchCase = N8nCase | FloorCase;

/** The node with Mapping Mode "Auto-Map Input Data to Fields" (its mapped Name expression left unused). */
const autoMapped = (node: SubjectNode): SubjectNode => ({ ...node, parameters: { ...node.parameters, dataMode: 'autoMapInputData' } });

export function buildCases(settings: BenchSettings, endpoints: Endpoints): BenchCase[] {
	const { concurrency } = settings;
	const { sandbox } = endpoints;
	const icUrl = `${sandbox.baseUrl('invisibleCollector')}/groups`;
	const icSlowUrl = `${endpoints.slowBaseUrl('invisibleCollector')}/groups`;
	const icCredential = BENCH_CREDENTIALS.invisibleCollector.ref;
	const icSlowCredential = BENCH_CREDENTIALS.invisibleCollectorSlow.ref;
	// Fixed: the number of requests in flight the floors have. Default: Adaptive Concurrency up to its default ceiling.
	const icFixed = (inFlight: number, credential = icCredential) =>
		groupCreateNode('invisibleCollector', credential, { concurrency: inFlight, adaptiveConcurrency: false });
	const icAdaptive = (ceiling: number, credential = icCredential) => groupCreateNode('invisibleCollector', credential, { concurrency: ceiling });
	const icDefault = (credential = icCredential) => groupCreateNode('invisibleCollector', credential, {});
	const ic = icFixed(concurrency);
	const DEFAULT_LABEL = `Invisible Collector node, default settings (adaptive, up to ${DEFAULTS.concurrency})`;
	const bearer = BENCH_CREDENTIALS.bearer.ref;
	const n8nCase = (
		key: string,
		scenario: Scenario,
		label: string,
		workflowId: string,
		subject: SubjectNode,
		options: { vendor?: VendorName; items: number; declaredOutputs: number; rateLimited?: boolean },
	): N8nCase => {
		const names = groupNames(options.items);
		return {
			kind: 'n8n',
			key,
			scenario,
			label,
			vendor: options.vendor ?? 'invisibleCollector',
			names,
			rateLimited: options.rateLimited ?? false,
			slowNetwork: scenario === 'network',
			workflow: benchWorkflow(workflowId, label, subject, names),
			declaredOutputs: options.declaredOutputs,
		};
	};
	const floorCase = (key: string, scenario: Scenario, label: string, items: number, newConnectionPerRequest = false): FloorCase => ({
		kind: 'floor',
		key,
		scenario,
		label,
		vendor: 'invisibleCollector',
		names: groupNames(items),
		rateLimited: false,
		slowNetwork: scenario === 'network',
		newConnectionPerRequest,
	});
	const thru = { items: settings.throughputItems };
	const rate = { items: settings.rateLimitItems, rateLimited: true };
	const hid = { items: settings.helloIdItems, vendor: 'helloId' as const, declaredOutputs: 2 };
	const cost = { items: settings.costItems };
	const net = { items: settings.networkItems };
	const hidCredential = BENCH_CREDENTIALS.helloId.ref;
	return [
		floorCase('floor', 'throughput', `undici Pool, ${concurrency} connections (floor)`, settings.throughputItems),
		n8nCase('helper-floor', 'throughput', `n8n HTTP helper alone, ${concurrency} in flight (helper floor)`, 'benchThruHelper1', helperFloorNode(HELPER_FLOOR_NODE_TYPE, icCredential, concurrency), {
			...thru,
			declaredOutputs: 1,
		}),
		n8nCase('thru-ours', 'throughput', `Invisible Collector node, concurrency ${concurrency} (fixed)`, 'benchThruOurs001', ic, {
			...thru,
			declaredOutputs: 2,
		}),
		n8nCase('thru-ours-default', 'throughput', DEFAULT_LABEL, 'benchThruOursDf1', icDefault(), { ...thru, declaredOutputs: 2 }),
		n8nCase('thru-http', 'throughput', 'HTTP Request v4.5, default settings', 'benchThruHttp001', httpRequestNode(icUrl, bearer, {}), {
			...thru,
			declaredOutputs: 1,
		}),
		n8nCase(
			'thru-http-batching',
			'throughput',
			'HTTP Request v4.5, Batching 10 items / 0 ms',
			'benchThruHttpB01',
			httpRequestNode(icUrl, bearer, { batching: { size: 10, intervalMs: 0 } }),
			{ ...thru, declaredOutputs: 1 },
		),
		n8nCase('rate-ours', 'rateLimit', `Invisible Collector node, concurrency ${concurrency} (fixed)`, 'benchRateOurs001', ic, {
			...rate,
			declaredOutputs: 2,
		}),
		// The node's default before Adaptive Concurrency: 5 in flight, fixed.
		n8nCase('rate-ours-5', 'rateLimit', 'Invisible Collector node, concurrency 5 (fixed; the default before issue 17)', 'benchRateOurs005', icFixed(5), {
			...rate,
			declaredOutputs: 2,
		}),
		n8nCase('rate-ours-default', 'rateLimit', DEFAULT_LABEL, 'benchRateOursDf1', icDefault(), { ...rate, declaredOutputs: 2 }),
		n8nCase(
			'rate-ours-adaptive-50',
			'rateLimit',
			'Invisible Collector node, adaptive, Concurrency 50',
			'benchRateOursA50',
			icAdaptive(50),
			{ ...rate, declaredOutputs: 2 },
		),
		n8nCase(
			'rate-http-retry',
			'rateLimit',
			'HTTP Request v4.5, Retry On Fail (3 tries, 1000 ms)',
			'benchRateHttp001',
			httpRequestNode(icUrl, bearer, { retryOnFail: true }),
			{ ...rate, declaredOutputs: 1 },
		),
		n8nCase(
			'rate-http-retry-continue',
			'rateLimit',
			'HTTP Request v4.5, Retry On Fail + Continue (using error output)',
			'benchRateHttpE01',
			httpRequestNode(icUrl, bearer, { retryOnFail: true, onError: 'continueErrorOutput' }),
			{ ...rate, declaredOutputs: 1 },
		),
		n8nCase('hid-batch', 'helloId', 'HelloID node, Batch mode (100 per request)', 'benchHidBatch001', groupCreateNode('helloId', hidCredential, { concurrency, adaptiveConcurrency: false, mode: 'batch' }), hid),
		n8nCase('hid-single', 'helloId', 'HelloID node, Single mode', 'benchHidSingle01', groupCreateNode('helloId', hidCredential, { concurrency, adaptiveConcurrency: false, mode: 'single' }), hid),
		n8nCase('cost-baseline', 'cost', 'Baseline: No Operation node in its place', 'benchCostNoop001', noOpNode(), { ...cost, declaredOutputs: 1 }),
		// The CPU any node pays per item for going through n8n's HTTP helper: the floor under ours.
		n8nCase('cost-helper', 'cost', `n8n HTTP helper alone, ${concurrency} in flight (helper floor)`, 'benchCostHelper1', helperFloorNode(HELPER_FLOOR_NODE_TYPE, icCredential, concurrency), {
			...cost,
			declaredOutputs: 1,
		}),
		n8nCase('cost-ours', 'cost', `Invisible Collector node, concurrency ${concurrency} (fixed)`, 'benchCostOurs001', ic, { ...cost, declaredOutputs: 2 }),
		// The same node with Mapping Mode "Auto-Map Input Data to Fields": the name read from the row's `name` column, no expression.
		n8nCase('cost-ours-automap', 'cost', `Invisible Collector node, auto-mapped fields, concurrency ${concurrency} (fixed)`, 'benchCostOursAM1', autoMapped(ic), {
			...cost,
			declaredOutputs: 2,
		}),
		n8nCase('cost-http', 'cost', 'HTTP Request v4.5, default settings', 'benchCostHttp001', httpRequestNode(icUrl, bearer, {}), {
			...cost,
			declaredOutputs: 1,
		}),
		floorCase('net-floor', 'network', `undici Pool, ${concurrency} kept-alive connections (floor)`, settings.networkItems),
		floorCase('net-floor-new-conn', 'network', `undici, ${concurrency} in flight, a new connection per request`, settings.networkItems, true),
		n8nCase('net-helper', 'network', `n8n HTTP helper alone, ${concurrency} in flight (helper floor)`, 'benchNetHelper01', helperFloorNode(HELPER_FLOOR_NODE_TYPE, icSlowCredential, concurrency), {
			...net,
			declaredOutputs: 1,
		}),
		...settings.networkConcurrencies.map((inFlight) =>
			n8nCase(
				`net-ours-${inFlight}`,
				'network',
				`Invisible Collector node, concurrency ${inFlight} (fixed)`,
				`benchNetOurs${String(inFlight).padStart(4, '0')}`,
				icFixed(inFlight, icSlowCredential),
				{ ...net, declaredOutputs: 2 },
			),
		),
		n8nCase('net-ours-default', 'network', DEFAULT_LABEL, 'benchNetOursDf01', icDefault(icSlowCredential), { ...net, declaredOutputs: 2 }),
		// What raising the ceiling gives where answers are slow but steady.
		n8nCase(
			'net-ours-adaptive-50',
			'network',
			'Invisible Collector node, adaptive, Concurrency 50',
			'benchNetOursAd50',
			icAdaptive(50, icSlowCredential),
			{ ...net, declaredOutputs: 2 },
		),
		n8nCase('net-http', 'network', 'HTTP Request v4.5, default settings', 'benchNetHttp0001', httpRequestNode(icSlowUrl, bearer, {}), {
			...net,
			declaredOutputs: 1,
		}),
	];
}
