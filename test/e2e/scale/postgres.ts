/**
 * Debian's PostgreSQL (`apt-get install postgresql`) in a throw-away data folder on a free loopback
 * port, for n8n in queue mode: n8n's SQLite has no busy timeout, so several workers writing one file
 * fail executions with SQLITE_BUSY under load (n8n recommends Postgres for queue mode). The server is
 * tracked by processes.ts like every other process, so it is stopped by its PID. As root, initdb and
 * the server run as the `postgres` user (PostgreSQL refuses to run as root).
 */
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

import { freePort } from '../n8n/free-port';
import { spawnTracked, type Spawned } from '../n8n/processes';
import { runCommand, tail } from '../n8n/run-command';

export interface Postgres {
	readonly process: Spawned;
	/** n8n's database settings for this server. */
	readonly env: Readonly<Record<string, string>>;
	/** Stops the server by its PID and deletes its data. */
	stop(): Promise<void>;
}

const MISSING = 'PostgreSQL is needed for the scale tests: install it with `apt-get install postgresql`';
const USER = 'n8n';

/** The newest /usr/lib/postgresql/<version>/bin. */
function binDir(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
	const found = versions.map((version) => join(root, version, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
	if (found === undefined) throw new Error(MISSING);
	return found;
}

/** Command and arguments that run `program` as the postgres user when we are root. */
function asPostgres(program: string, args: readonly string[]): [string, string[]] {
	if (process.getuid?.() !== 0) return [program, [...args]];
	return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', program, ...args]];
}

export async function startPostgres(log: (line: string) => void): Promise<Postgres> {
	const bin = binDir();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-scale-pg-'));
	if (process.getuid?.() === 0) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
		chownSync(dir, uid, gid);
	}
	const data = join(dir, 'data');
	const [initdb, initArgs] = asPostgres(join(bin, 'initdb'), ['-D', data, '-U', USER, '--auth=trust', '--no-sync', '-E', 'UTF8']);
	await runCommand('initdb', initdb, initArgs, { cwd: tmpdir() });
	const port = await freePort();
	log(`Starting PostgreSQL on 127.0.0.1:${port} ...`);
	// Throw-away data: no fsync; enough connections for main, workers and CLI commands.
	const settings = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'];
	const [server, serverArgs] = asPostgres(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, ...settings]);
	const spawned = spawnTracked('postgres', server, serverArgs, { cwd: tmpdir(), env: process.env });
	const deadline = Date.now() + 30_000;
	while (!spawned.output().includes('database system is ready to accept connections')) {
		if (Date.now() > deadline) {
			await spawned.stop();
			throw new Error(`PostgreSQL did not start in 30 s:\n${tail(spawned.output())}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return {
		process: spawned,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_USER: USER,
			DB_POSTGRESDB_PASSWORD: '',
			DB_POSTGRESDB_DATABASE: 'postgres',
		},
		stop: async () => {
			await spawned.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
