/**
 * Packs the package with `npm pack` (its `prepack` script builds it) and installs the tarball into an
 * n8n user folder the way n8n 2.x's Community Nodes installer does: unpack into
 * `.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its package.json, then
 * `npm install` its runtime dependencies inside that folder. n8n-workflow is not installed there:
 * n8n puts its own modules on NODE_PATH when loading community packages.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PACKAGE_NAME, PACKAGE_ROOT } from './paths';
import { runCommand } from './run-command';

export interface PackedPackage {
	/** The unpacked package with its runtime dependencies installed, ready to copy into user folders. */
	readonly dir: string;
	readonly version: string;
	readonly tarball: string;
	/** Removes the staging folder. */
	remove(): void;
}

interface Manifest {
	readonly version: string;
	readonly dependencies?: Readonly<Record<string, string>>;
	readonly [field: string]: unknown;
}

/** What n8n's installer removes from the package's package.json before `npm install`. */
const DROPPED_FIELDS = ['devDependencies', 'peerDependencies', 'optionalDependencies'];

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

async function packInto(staging: string, log: Log): Promise<PackedPackage> {
	log(`Building and packing ${PACKAGE_NAME} (npm pack runs the build) ...`);
	await runCommand('npm pack', 'npm', ['pack', '--pack-destination', staging, '--silent'], {
		cwd: PACKAGE_ROOT,
		timeoutMs: 5 * 60_000,
	});
	const tarballName = readdirSync(staging).find((file) => file.endsWith('.tgz'));
	if (tarballName === undefined) throw new Error(`npm pack wrote no tarball into ${staging}`);
	const tarball = join(staging, tarballName);
	const dir = join(staging, PACKAGE_NAME);
	mkdirSync(dir);
	await runCommand('tar', 'tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);

	const manifestPath = join(dir, 'package.json');
	const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
	const kept = Object.fromEntries(Object.entries(manifest).filter(([field]) => !DROPPED_FIELDS.includes(field))) as Manifest;
	writeFileSync(manifestPath, JSON.stringify(kept, null, 2));
	if (Object.keys(kept.dependencies ?? {}).length > 0) {
		log(`Installing its runtime dependencies (${Object.keys(kept.dependencies ?? {}).join(', ')}) ...`);
		await runCommand(
			'npm install (package dependencies)',
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: dir, timeoutMs: 5 * 60_000 },
		);
	}
	log(`Packed ${tarballName}.`);
	return {
		dir,
		version: manifest.version,
		tarball,
		remove: () => rmSync(staging, { recursive: true, force: true }),
	};
}

/** Copies the packed package into `<userFolder>/.n8n/nodes`, as an install from the Community Nodes UI leaves it. */
export function installIntoUserFolder(packed: PackedPackage, userFolder: string): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', PACKAGE_NAME);
	mkdirSync(join(nodesDir, 'node_modules'), { recursive: true });
	cpSync(packed.dir, target, { recursive: true });
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: packed.version } }, null, 2),
	);
	return target;
}
