/**
 * The package as a user installs it, made and installed exactly as `.ci/package-check` checks it:
 * `npm pack` (its `prepack` script builds it), or the tarball named by E2E_PACKAGE_TARBALL (the one
 * `.ci/package-check` has just checked, `build/package/tarball-path`); then `npm install --omit=dev
 * --ignore-scripts` of that tarball into an n8n nodes folder (`<user folder>/.n8n/nodes`), offline
 * with an empty npm cache, so a runtime dependency to fetch would fail here. n8n-workflow, the one
 * peer, is not installed (`--legacy-peer-deps`): n8n puts its own modules on NODE_PATH when loading
 * community packages. n8n 1.x's and 2.x's installers both leave the package in
 * `.n8n/nodes/node_modules/<name>` with nothing beside it, as this does.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { PACKAGE_NAME, PACKAGE_ROOT } from './paths';
import { runCommand } from './run-command';

export interface PackedPackage {
	/** A `.n8n/nodes` folder with the package installed from the tarball, ready to copy into user folders. */
	readonly nodesDir: string;
	/** The installed package (`<nodesDir>/node_modules/<name>`). */
	readonly dir: string;
	readonly version: string;
	readonly tarball: string;
	/** Removes the staging folder. */
	remove(): void;
}

type Log = (line: string) => void;

export async function packPackage(log: Log): Promise<PackedPackage> {
	const staging = mkdtempSync(join(tmpdir(), 'n8n-e2e-pack-'));
	try {
		return await packInto(staging, log);
	} catch (error) {
		rmSync(staging, { recursive: true, force: true });
		throw error;
	}
}

async function tarballIn(staging: string, log: Log): Promise<string> {
	const given = process.env.E2E_PACKAGE_TARBALL;
	if (given) {
		log(`Using the tarball ${given} (E2E_PACKAGE_TARBALL).`);
		return resolve(PACKAGE_ROOT, given);
	}
	log(`Building and packing ${PACKAGE_NAME} (npm pack runs the build) ...`);
	await runCommand('npm pack', 'npm', ['pack', '--pack-destination', staging, '--silent'], {
		cwd: PACKAGE_ROOT,
		timeoutMs: 5 * 60_000,
	});
	const tarballName = readdirSync(staging).find((file) => file.endsWith('.tgz'));
	if (tarballName === undefined) throw new Error(`npm pack wrote no tarball into ${staging}`);
	return join(staging, tarballName);
}

async function packInto(staging: string, log: Log): Promise<PackedPackage> {
	const tarball = await tarballIn(staging, log);
	const nodesDir = join(staging, 'nodes');
	mkdirSync(nodesDir);
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	log('Installing it with npm install --omit=dev --ignore-scripts (offline, empty npm cache) ...');
	await runCommand(
		'npm install (the packed package)',
		'npm',
		[
			'install',
			'--omit=dev',
			'--ignore-scripts',
			'--legacy-peer-deps',
			'--offline',
			'--cache',
			join(staging, 'empty-npm-cache'),
			'--no-audit',
			'--no-fund',
			'--package-lock=false',
			tarball,
		],
		{ cwd: nodesDir, timeoutMs: 5 * 60_000 },
	);
	const dir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
	log(`Packed and installed ${PACKAGE_NAME}@${version}.`);
	return { nodesDir, dir, version, tarball, remove: () => rmSync(staging, { recursive: true, force: true }) };
}

/** Copies the installed package into `<userFolder>/.n8n/nodes`, as an install from the Community Nodes UI leaves it. */
export function installIntoUserFolder(packed: PackedPackage, userFolder: string): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	cpSync(join(packed.nodesDir, 'node_modules'), join(nodesDir, 'node_modules'), { recursive: true });
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: packed.version } }, null, 2),
	);
	return join(nodesDir, 'node_modules', PACKAGE_NAME);
}
