/**
 * The cases of the four scenarios, as data: which workflow, which vendor, which items, under which
 * sandbox rate limit. run-case.ts measures them.
 */
import type { Sandbox, VendorName } from '../../sandbox/types';
import { BENCH_CREDENTIALS } from './credentials';
import { groupNames } from './items';
import type { BenchSettings } from './settings';
import {
	benchWorkflow,
	groupCreateNode,
	httpRequestNode,
	noOpNode,
	type SubjectNode,
	type Workflow,
} from './workflows';

export type Scenario = 'throughput' | 'rateLimit' | 'helloId' | 'cost';

interface CaseBase {
	/** Short stable key, used in the JSON results. */
	readonly key: string;
	readonly scenario: Scenario;
	readonly label: string;
	readonly vendor: VendorName;
	readonly names: readonly string[];
	/** Whether the sandbox applies the rate limit during this case. */
	readonly rateLimited: boolean;
}

export interface N8nCase extends CaseBase {
	readonly kind: 'n8n';
	readonly workflow: Workflow;
	/** Outputs the node declares; any output beyond them is n8n's error output. */
	readonly declaredOutputs: number;
}

export interface FloorCase extends CaseBase {
	readonly kind: 'floor';
}

export type BenchCase = N8nCase | FloorCase;

export function buildCases(settings: BenchSettings, sandbox: Sandbox): BenchCase[] {
	const { concurrency } = settings;
	const icUrl = `${sandbox.baseUrl('invisibleCollector')}/groups`;
	const ic = groupCreateNode('invisibleCollector', BENCH_CREDENTIALS.invisibleCollector.ref, { concurrency });
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
			workflow: benchWorkflow(workflowId, label, subject, names),
			declaredOutputs: options.declaredOutputs,
		};
	};
	const thru = { items: settings.throughputItems };
	const rate = { items: settings.rateLimitItems, rateLimited: true };
	const hid = { items: settings.helloIdItems, vendor: 'helloId' as const, declaredOutputs: 2 };
	const hidCredential = BENCH_CREDENTIALS.helloId.ref;
	return [
		{
			kind: 'floor',
			key: 'floor',
			scenario: 'throughput',
			label: `undici Pool, ${concurrency} connections (floor)`,
			vendor: 'invisibleCollector',
			names: groupNames(settings.throughputItems),
			rateLimited: false,
		},
		n8nCase('thru-ours', 'throughput', `Invisible Collector node, concurrency ${concurrency}`, 'benchThruOurs001', ic, {
			...thru,
			declaredOutputs: 2,
		}),
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
		n8nCase('rate-ours', 'rateLimit', `Invisible Collector node, concurrency ${concurrency}`, 'benchRateOurs001', ic, {
			...rate,
			declaredOutputs: 2,
		}),
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
		n8nCase('hid-batch', 'helloId', 'HelloID node, Batch mode (100 per request)', 'benchHidBatch001', groupCreateNode('helloId', hidCredential, { concurrency, mode: 'batch' }), hid),
		n8nCase('hid-single', 'helloId', 'HelloID node, Single mode', 'benchHidSingle01', groupCreateNode('helloId', hidCredential, { concurrency, mode: 'single' }), hid),
		n8nCase('cost-baseline', 'cost', 'Baseline: No Operation node in its place', 'benchCostNoop001', noOpNode(), {
			items: settings.costItems,
			declaredOutputs: 1,
		}),
		n8nCase('cost-ours', 'cost', `Invisible Collector node, concurrency ${concurrency}`, 'benchCostOurs001', ic, {
			items: settings.costItems,
			declaredOutputs: 2,
		}),
	];
}
