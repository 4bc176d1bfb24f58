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

interface CpuProfile {
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

if (require.main === module) {
	const [file, top = '25', pattern] = process.argv.slice(2);
	if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top] [pattern]');
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	console.log(summarize(profile, Number(top), pattern ? new RegExp(pattern, 'i') : undefined));
}
