#!/usr/bin/env node
/**
 * Checks a packed tarball the way n8n's verification looks at a community package, offline:
 *   1. its file list: dist/nodes, dist/credentials, index.js, README.md, LICENSE, package.json, nothing else;
 *   2. its package.json: no runtime dependencies, n8n-workflow as the only peer, metadata present;
 *   3. codex categories from n8n's list for community nodes;
 *   4. every `require` in the shipped JavaScript: relative, a Node built-in or n8n-workflow (the
 *      XML library must be bundled, not required);
 *   5. n8n's scanner (@n8n/scan-community-package's analyzer, on the sources and on the unpacked
 *      tarball, as `npx @n8n/scan-community-package` does after downloading), with no error and,
 *      stricter than the scanner, no warning either;
 *   6. `npm install --omit=dev --ignore-scripts` of the tarball into a fresh n8n user folder with
 *      `--offline` and an empty npm cache, so that any dependency to fetch fails the install;
 *   7. every node and credential listed in package.json loads from that folder (class named as its
 *      file, icons and codex beside it) with only n8n-workflow provided, and the bundled XML
 *      parser round-trips a document.
 * Usage: node .ci/package-check.mjs <tarball> [--release]   (--release: placeholder author fails)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [tarballArg, ...flags] = process.argv.slice(2);
if (!tarballArg) {
	console.error('usage: node .ci/package-check.mjs <tarball> [--release]');
	process.exit(2);
}
const TARBALL = resolve(tarballArg);
const RELEASE = flags.includes('--release');

/**
 * n8n's node categories for community nodes: "Choose from these categories" in n8n's docs,
 * n8n-io/n8n-docs docs/connect/create-nodes/build-your-node/reference/codex-files.md (and the older
 * docs/integrations/creating-nodes/build/reference/node-codex-files.md).
 */
const COMMUNITY_CATEGORIES = [
	'Data & Storage',
	'Finance & Accounting',
	'Marketing & Content',
	'Productivity',
	'Miscellaneous',
	'Sales',
	'Development',
	'Analytics',
	'Communication',
	'Utility',
];
const ALLOWED_REQUIRES = new Set(['n8n-workflow']);
const SHIPPED = [
	/^package\.json$/,
	/^README\.md$/,
	/^LICENSE$/,
	/^index\.js$/,
	/^dist\/(nodes|credentials)\/[\w/.-]+\.(js|js\.map|d\.ts|svg|node\.json)$/,
	/^dist\/THIRD-PARTY-NOTICES\.txt$/,
];
// Named for a clearer message; the allow-list above already refuses them.
const NEVER = [/(^|\/)test(s)?\//, /\.test\.|\.spec\./, /(^|\/)\.cache\//, /(^|\/)build\//, /(^|\/)node_modules\//, /\.tgz$/];

const problems = [];
const problem = (text) => problems.push(text);
const step = (text) => console.log(`-- ${text}`);

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
	}
	return result.stdout;
}

const work = mkdtempSync(join(tmpdir(), 'package-check-'));
try {
	// 1. File list.
	step(`file list of ${relative(ROOT, TARBALL)}`);
	const entries = run('tar', ['-tzf', TARBALL])
		.split('\n')
		.map((entry) => entry.replace(/^package\//, ''))
		.filter((entry) => entry !== '' && !entry.endsWith('/'));
	for (const entry of entries) {
		const never = NEVER.find((pattern) => pattern.test(entry));
		if (never) problem(`tarball holds ${entry}, which must not ship (${never})`);
		else if (!SHIPPED.some((pattern) => pattern.test(entry))) problem(`tarball holds an unexpected file: ${entry}`);
	}
	for (const required of ['package.json', 'README.md', 'LICENSE', 'index.js']) {
		if (!entries.includes(required)) problem(`tarball lacks ${required}`);
	}
	console.log(`   ${entries.length} files`);

	const unpacked = join(work, 'unpacked');
	mkdirSync(unpacked);
	run('tar', ['-xzf', TARBALL, '-C', unpacked, '--strip-components=1']);

	// 2. package.json.
	step('package.json');
	const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
	for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
		const value = manifest[field];
		if (value && Object.keys(value).length > 0) problem(`package.json has ${field}: ${Object.keys(value).join(', ')}`);
	}
	const peers = Object.keys(manifest.peerDependencies ?? {});
	if (peers.some((peer) => !ALLOWED_REQUIRES.has(peer))) problem(`peerDependencies other than n8n-workflow: ${peers}`);
	if (manifest.license !== 'MIT') problem('license is not MIT');
	if (!manifest.keywords?.includes('n8n-community-node-package')) problem('keyword n8n-community-node-package missing');
	for (const field of ['homepage', 'repository', 'bugs', 'author']) {
		if (!manifest[field]) problem(`package.json lacks ${field}`);
	}
	const author = JSON.stringify(manifest.author ?? '');
	if (/\.invalid\b|TO FILL/i.test(author)) {
		const text = `package.json author is still the placeholder (${author}): the maintainers fill it in before the first release`;
		if (RELEASE) problem(text);
		else console.log(`   note: ${text}`);
	}
	const nodeFiles = manifest.n8n?.nodes ?? [];
	const credentialFiles = manifest.n8n?.credentials ?? [];
	if (nodeFiles.length === 0) problem('package.json n8n.nodes is empty');
	for (const file of [...nodeFiles, ...credentialFiles]) {
		if (!entries.includes(file)) problem(`package.json lists ${file}, which the tarball lacks`);
	}

	// 3. Codex.
	step('codex categories');
	for (const file of nodeFiles) {
		const codexFile = file.replace(/\.js$/, '.json');
		if (!entries.includes(codexFile)) {
			problem(`no codex ${codexFile}`);
			continue;
		}
		const codex = JSON.parse(readFileSync(join(unpacked, codexFile), 'utf8'));
		for (const category of codex.categories ?? []) {
			if (!COMMUNITY_CATEGORIES.includes(category)) problem(`${codexFile}: category "${category}" is not on n8n's list`);
		}
		if (!codex.categories?.length) problem(`${codexFile}: no category`);
	}

	// 4. What the shipped JavaScript requires.
	step('requires in the shipped JavaScript');
	const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
	for (const entry of entries.filter((file) => file.endsWith('.js'))) {
		const code = readFileSync(join(unpacked, entry), 'utf8');
		for (const [, target] of code.matchAll(/\b(?:require|import)\s*\(\s*["'`]([^"'`$]+)["'`]\s*\)/g)) {
			if (target.startsWith('./') || target.startsWith('../') || builtins.has(target) || ALLOWED_REQUIRES.has(target)) continue;
			problem(`${entry} requires "${target}", which n8n does not provide: bundle it (gulpfile.js BUNDLED)`);
		}
	}

	// 5. n8n's scanner.
	step("n8n's scanner (@n8n/scan-community-package) on the sources and on the tarball");
	await scan(unpacked);

	// 6. Offline install into a fresh n8n user folder.
	step('npm install --omit=dev --ignore-scripts into a fresh n8n user folder, offline, empty npm cache');
	const nodesDir = join(work, 'user', '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	// n8n provides its peer n8n-workflow; --legacy-peer-deps keeps npm from fetching it.
	run(
		'npm',
		[
			'install',
			'--omit=dev',
			'--ignore-scripts',
			'--legacy-peer-deps',
			'--offline',
			'--cache',
			join(work, 'empty-npm-cache'),
			'--no-audit',
			'--no-fund',
			TARBALL,
		],
		{ cwd: nodesDir },
	);
	const installedModules = readdirSync(join(nodesDir, 'node_modules')).filter((name) => !name.startsWith('.'));
	if (installedModules.join() !== manifest.name) problem(`the install brought more than the package: ${installedModules}`);
	const installed = join(nodesDir, 'node_modules', manifest.name);
	if (existsSync(join(installed, 'node_modules'))) problem('the installed package has its own node_modules');

	// 7. Load every node and credential from there, with only n8n-workflow provided (as n8n does).
	step('every node and credential loads from the installed package');
	loadInstalled(installed, nodeFiles, credentialFiles);
} catch (error) {
	problem(error instanceof Error ? error.message : String(error));
} finally {
	rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
	console.error(`\npackage check FAILED (${problems.length}):`);
	for (const text of problems) console.error(` - ${text}`);
	process.exit(1);
}
console.log('package check: all good');

async function scan(unpacked) {
	const scannerPath = createRequire(join(ROOT, 'package.json')).resolve('@n8n/scan-community-package/scanner/scanner.mjs');
	const scanner = await import(scannerPath);
	// The scanner's own ESLint, so the rules and versions are exactly the scanner's.
	const { ESLint } = createRequire(scannerPath)('eslint');
	const legs = [
		{ label: 'sources', dir: ROOT, patterns: scanner.SOURCE_FILE_PATTERNS },
		{ label: 'tarball', dir: unpacked, patterns: ['**/*.js', 'package.json'] },
	];
	for (const { label, dir, patterns } of legs) {
		const verdict = await scanner.analyzePackage(dir, patterns);
		if (!verdict.passed) problem(`scanner (${label}): ${verdict.message}\n${verdict.details ?? ''}`);
		// The scanner passes a package with warnings; n8n's reviewers see them, so they count here.
		const eslint = new ESLint({
			cwd: dir,
			allowInlineConfig: false,
			overrideConfigFile: true,
			overrideConfig: await scanner.buildScanConfig(),
		});
		const files = patterns.flatMap((pattern) => globFiles(dir, pattern));
		const results = await eslint.lintFiles(files);
		const findings = results.flatMap((result) =>
			result.messages.map((m) => `${relative(dir, result.filePath)}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`),
		);
		console.log(`   ${label}: ${results.length} files, ${findings.length} findings`);
		for (const finding of findings) problem(`scanner (${label}): ${finding}`);
	}
}

/** The scanner's glob patterns, expanded with fast-glob as the scanner does. */
function globFiles(dir, pattern) {
	const glob = createRequire(createRequire(join(ROOT, 'package.json')).resolve('@n8n/scan-community-package/package.json'))(
		'fast-glob',
	);
	return glob.sync(pattern, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
}

function loadInstalled(installed, nodeFiles, credentialFiles) {
	// n8n puts its own modules on NODE_PATH for community packages; here that is n8n-workflow alone.
	const provided = join(work, 'n8n', 'node_modules');
	mkdirSync(provided, { recursive: true });
	symlinkSync(join(ROOT, 'node_modules', 'n8n-workflow'), join(provided, 'n8n-workflow'), 'dir');
	const script = `
		const { existsSync } = require('node:fs');
		const { basename, dirname, join } = require('node:path');
		const [installed, nodeFiles, credentialFiles] = JSON.parse(process.argv[1]);
		const problems = [];
		const iconFiles = (icon) => (typeof icon === 'string' ? [icon] : icon ? [icon.light, icon.dark] : []);
		function load(file, suffix) {
			const className = basename(file, suffix);
			const Type = require(join(installed, file))[className];
			if (typeof Type !== 'function') { problems.push(file + ' does not export a class ' + className); return undefined; }
			const instance = new Type();
			const icon = suffix === '.node.js' ? instance.description.icon : instance.icon;
			if (!icon || typeof icon !== 'object' || !icon.light || !icon.dark) problems.push(file + ': icon is not { light, dark }');
			for (const path of iconFiles(icon)) {
				if (!String(path).startsWith('file:') || !existsSync(join(dirname(join(installed, file)), String(path).slice(5)))) {
					problems.push(file + ': icon ' + path + ' is not in the package');
				}
			}
			return instance;
		}
		const nodes = nodeFiles.map((file) => load(file, '.node.js')).filter(Boolean).map((n) => n.description.name);
		const credentials = credentialFiles.map((file) => load(file, '.credentials.js')).filter(Boolean).map((c) => c.name);
		let xmlLibrary = 'bundled';
		try { require.resolve('fast-xml-parser', { paths: [join(installed, 'dist/nodes/Assembla')] }); xmlLibrary = 'resolvable'; } catch {}
		if (xmlLibrary !== 'bundled') problems.push('fast-xml-parser resolves from the installed package: the check cannot tell the bundle works');
		const xml = require(join(installed, 'dist/nodes/Assembla/xml.js'));
		const text = xml.toXml('group', { name: 'R&D <ops>', 'portfolio-id': 7, items: { list: ['a', 'b'], itemName: 'item' } });
		const back = JSON.stringify(xml.fromXml(text));
		const expected = JSON.stringify({ group: { name: 'R&D <ops>', portfolio_id: 7, items: ['a', 'b'] } });
		if (back !== expected) problems.push('bundled XML round trip gave ' + back + ', expected ' + expected);
		console.log('   nodes: ' + nodes.join(', '));
		console.log('   credentials: ' + credentials.join(', '));
		console.log('   bundled XML parser round trip: ' + (back === expected ? 'ok' : 'WRONG'));
		if (problems.length) { console.error(problems.join('\\n')); process.exit(1); }
	`;
	const result = spawnSync(process.execPath, ['-e', script, JSON.stringify([installed, nodeFiles, credentialFiles])], {
		cwd: work,
		encoding: 'utf8',
		env: { PATH: process.env.PATH, NODE_PATH: provided },
	});
	process.stdout.write(result.stdout);
	if (result.status !== 0) problem(`loading the installed package failed:\n${result.stderr}`);
}
