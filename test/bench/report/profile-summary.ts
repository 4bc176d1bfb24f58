/**
 * Summarises V8 CPU profiles written with `npm run bench -- --cpu-prof`:
 *   node build/test/bench/report/profile-summary.js <file.cpuprofile> [top=25] [pattern]
 * prints the functions with the most self time and the most inclusive time (time with the function
 * anywhere on the stack), optionally only those whose name or file matches `pattern`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
	readonly id: number;
	readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
	readonly children?: readonly number[];
}

export interface CpuProfile {
	readonly startTime: number;
	readonly endTime: number;
	readonly nodes: readonly ProfileNode[];
	readonly samples: readonly number[];
	readonly timeDeltas: readonly number[];
}

function frameName(node: ProfileNode): string {
	const { functionName, url, lineNumber } = node.callFrame;
	const file = url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '');
	return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

/** The package a frame belongs to (`n8n-core`, `@n8n/expression-runtime`, `node:` internals, V8's own entries). */
function packageOf(node: ProfileNode): string {
	const { url, functionName } = node.callFrame;
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	if (url.startsWith('node:')) return 'node: internals';
	const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url.replace(/^.*\/\.n8n\/nodes\//, ''));
	return match ? match[1] : url;
}

export function summarize(profile: CpuProfile, top: number, pattern?: RegExp): string {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const self = new Map<string, number>();
	const selfByPackage = new Map<string, number>();
	const inclusive = new Map<string, number>();
	let total = 0;
	profile.samples.forEach((id, index) => {
		const micros = profile.timeDeltas[index + 1] ?? 0;
		total += micros;
		const leaf = byId.get(id);
		if (!leaf) return;
		self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + micros);
		selfByPackage.set(packageOf(leaf), (selfByPackage.get(packageOf(leaf)) ?? 0) + micros);
		const seen = new Set<string>();
		for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
			const node = byId.get(current);
			if (!node) break;
			const name = frameName(node);
			if (seen.has(name)) continue;
			seen.add(name);
			inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
		}
	});
	const list = (map: Map<string, number>) =>
		[...map]
			.filter(([name]) => !pattern || pattern.test(name))
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([name, micros]) => `${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`)
			.join('\n');
	return [
		`total sampled: ${(total / 1000).toFixed(0)} ms`,
		'',
		'self time by package:',
		list(selfByPackage),
		'',
		'self time:',
		list(self),
		'',
		'inclusive time:',
		list(inclusive),
	].join('\n');
}

/** Where a sample's CPU went, named by the innermost frame on its stack that belongs to one of them. */
export const AREAS = ['node code', 'expression engine', 'n8n HTTP helper', 'other n8n code', 'Node internals (sockets, TLS, timers)', 'garbage collector', 'other'] as const;
export type Area = (typeof AREAS)[number];

/** Our package, the helper-floor node, and n8n's HTTP Request node (the node code of the peer). */
const NODE_CODE = /\/(n8n-nodes-group-provisioning|n8n-nodes-bench-helper-floor)\/|n8n-nodes-base\/dist\/nodes\/HttpRequest\//;
const EXPRESSION = /\/(@n8n\/expression-runtime|isolated-vm|@n8n\/tournament|riot-tmpl|esprima-next|recast|ast-types|jmespath|luxon)\/|n8n-workflow\/dist\/(cjs|esm)\/(expression|workflow-data-proxy|extensions)/;
const HTTP_HELPER = /request-helper-functions|\/(axios|follow-redirects|form-data|proxy-from-env|https?-proxy-agent|agent-base|@n8n\/backend-network)\//;

function areaOfFrame(node: ProfileNode): Area | undefined {
	const { url } = node.callFrame;
	if (NODE_CODE.test(url)) return 'node code';
	if (EXPRESSION.test(url)) return 'expression engine';
	if (HTTP_HELPER.test(url)) return 'n8n HTTP helper';
	return undefined;
}

function fallbackArea(leaf: ProfileNode, stackHasN8n: boolean): Area {
	const { url, functionName } = leaf.callFrame;
	if (functionName === '(garbage collector)') return 'garbage collector';
	if (functionName === '(idle)') return 'other'; // not CPU; dropped below
	if (stackHasN8n) return 'other n8n code';
	if (url.startsWith('node:') || url === '') return 'Node internals (sockets, TLS, timers)';
	return 'other';
}

/**
 * CPU time (ms, idle excluded) per area between two instants on the profile's clock (µs). The
 * innermost frame that belongs to an area names it: our code calling n8n's expression engine counts
 * as expression engine. Work with no such frame on its stack (socket callbacks, TLS, timers, GC) is
 * named by what is on the stack; async continuations lose their caller, so the helper's share of
 * socket work is among "Node internals".
 */
export function splitByArea(profile: CpuProfile, fromUs: number, toUs: number): Record<Area, number> {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const split = Object.fromEntries(AREAS.map((area) => [area, 0])) as Record<Area, number>;
	let at = profile.startTime;
	profile.samples.forEach((id, index) => {
		at += profile.timeDeltas[index] ?? 0;
		const micros = profile.timeDeltas[index + 1] ?? 0;
		if (at < fromUs || at > toUs) return;
		const leaf = byId.get(id);
		if (!leaf || leaf.callFrame.functionName === '(idle)') return;
		let area: Area | undefined;
		let stackHasN8n = false;
		for (let current: number | undefined = id; current !== undefined && area === undefined; current = parent.get(current)) {
			const node = byId.get(current);
			if (!node) break;
			area = areaOfFrame(node);
			if (/node_modules\/(n8n|n8n-core|n8n-workflow|@n8n\/[^/]+)\//.test(node.callFrame.url)) stackHasN8n = true;
		}
		split[area ?? fallbackArea(leaf, stackHasN8n)] += micros / 1000;
	});
	return split;
}

if (require.main === module) {
	const [file, top = '25', pattern] = process.argv.slice(2);
	if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top] [pattern]');
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	console.log(summarize(profile, Number(top), pattern ? new RegExp(pattern, 'i') : undefined));
}
