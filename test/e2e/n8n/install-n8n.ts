/**
 * Installs a pinned n8n (and Node 24 when the machine's Node is older) into `.cache/` on first use,
 * as the README's "Tests in real n8n" describes; later calls reuse a complete install. An install counts as
 * complete only once its marker file, written last, matches the recipe, so an interrupted one is redone.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

import { NODE_24_PACKAGE, type N8nFlavor } from './flavors';
import { CACHE_DIR } from './paths';
import { runCommand } from './run-command';

export interface NodeRuntime {
	/** The `node` executable. */
	readonly nodeBin: string;
	/** Headers for native rebuilds (`npm_config_nodedir`); undefined for the machine's own Node. */
	readonly nodeDir: string | undefined;
}

export interface N8nInstall {
	readonly flavor: N8nFlavor;
	readonly runtime: NodeRuntime;
	/** `node_modules/n8n/bin/n8n`, to run with `runtime.nodeBin`. */
	readonly n8nEntry: string;
}

type Log = (line: string) => void;

const MARKER = '.complete';
const HEARTBEAT_MS = 20_000;

export function nodeMajor(version: string): number {
	return Number(version.replace(/^v/, '').split('.')[0]);
}

/** PATH with the runtime's bin folder first, so anything n8n spawns as `node` is the same Node. */
export function runtimePath(runtime: NodeRuntime, path = process.env.PATH ?? ''): string {
	return [dirname(runtime.nodeBin), path].join(delimiter);
}

function runtimeEnv(runtime: NodeRuntime): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, PATH: runtimePath(runtime) };
	if (runtime.nodeDir !== undefined) env.npm_config_nodedir = runtime.nodeDir;
	return env;
}

/** Installs under way in this process, by folder: a second caller waits for the first instead of racing it. */
const inProgress = new Map<string, Promise<boolean>>();

/**
 * Reuses `dir` when its marker holds `recipe`; otherwise empties it and runs `install`, then writes the
 * marker. Resolves true when it installed. (Two processes installing at once are not guarded against.)
 */
function cachedInstall(dir: string, recipe: unknown, install: () => Promise<void>): Promise<boolean> {
	let pending = inProgress.get(dir);
	if (pending === undefined) {
		pending = installOnce(dir, recipe, install);
		inProgress.set(dir, pending);
		void pending.catch(() => inProgress.delete(dir));
	}
	return pending;
}

async function installOnce(dir: string, recipe: unknown, install: () => Promise<void>): Promise<boolean> {
	const marker = join(dir, MARKER);
	const expected = JSON.stringify(recipe);
	if (existsSync(marker) && readFileSync(marker, 'utf8') === expected) return false;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	await install();
	writeFileSync(marker, expected);
	return true;
}

export async function ensureNodeRuntime(minMajor: number, log: Log): Promise<NodeRuntime> {
	if (nodeMajor(process.version) >= minMajor) return { nodeBin: process.execPath, nodeDir: undefined };
	if (minMajor !== nodeMajor(NODE_24_PACKAGE.version)) {
		throw new Error(`no Node ${minMajor} package is pinned; the machine has ${process.version}`);
	}
	const dir = join(CACHE_DIR, `node-${NODE_24_PACKAGE.version}`);
	const nodeDir = join(dir, 'node_modules', NODE_24_PACKAGE.name);
	const runtime = { nodeBin: join(nodeDir, 'bin', 'node'), nodeDir };
	const installed = await cachedInstall(dir, NODE_24_PACKAGE, async () => {
		log(`Installing Node ${NODE_24_PACKAGE.version} from npm (${NODE_24_PACKAGE.name}) into ${dir} ...`);
		writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
		const spec = `${NODE_24_PACKAGE.name}@${NODE_24_PACKAGE.version}`;
		await runCommand('npm install node', 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', spec], {
			cwd: dir,
			log,
			heartbeatMs: HEARTBEAT_MS,
		});
		const { output } = await runCommand('node --version', runtime.nodeBin, ['--version']);
		log(`Node ${output.trim()} ready.`);
	});
	if (!installed) log(`Using cached Node ${NODE_24_PACKAGE.version} (${runtime.nodeBin}).`);
	return runtime;
}

export async function ensureN8n(flavor: N8nFlavor, log: Log): Promise<N8nInstall> {
	const runtime = await ensureNodeRuntime(flavor.minNodeMajor, log);
	const dir = join(CACHE_DIR, `n8n-${flavor.version}`);
	const n8nEntry = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const recipe = { n8n: flavor.version, overrides: flavor.overrides, node: nodeMajor(await versionOf(runtime)) };
	const installed = await cachedInstall(dir, recipe, async () => {
		const started = Date.now();
		log(`Installing n8n ${flavor.version} into ${dir} (first run only: a few minutes, about 2-3 GB) ...`);
		const manifest = { private: true, dependencies: { n8n: flavor.version }, overrides: flavor.overrides };
		writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
		const env = runtimeEnv(runtime);
		// Several of n8n's dependencies download things in install scripts, which fails offline.
		await runCommand(`npm install n8n@${flavor.version}`, 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: dir,
			env,
			log,
			heartbeatMs: HEARTBEAT_MS,
			timeoutMs: 20 * 60_000,
		});
		log(`Compiling SQLite for n8n ${flavor.version} (about a minute) ...`);
		// JOBS=max lets node-gyp's make use every core.
		await runCommand('npm rebuild sqlite3', 'npm', ['rebuild', 'sqlite3'], {
			cwd: dir,
			env: { ...env, JOBS: 'max' },
			log,
			heartbeatMs: HEARTBEAT_MS,
		});
		log(`n8n ${flavor.version} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
	});
	if (!installed) log(`Using cached n8n ${flavor.version} (${dir}).`);
	return { flavor, runtime, n8nEntry };
}

async function versionOf(runtime: NodeRuntime): Promise<string> {
	if (runtime.nodeDir === undefined) return process.version;
	return (await runCommand('node --version', runtime.nodeBin, ['--version'])).output.trim();
}
