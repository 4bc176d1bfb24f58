/**
 * Every child process the e2e tooling starts goes through here, so each can be stopped by its PID:
 * one at a time, all on failure, and on Ctrl-C. Children run in their own process group (`detached`),
 * so stopping a child also stops what it spawned itself (n8n's task runners).
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Spawned {
	readonly name: string;
	readonly pid: number;
	readonly child: ChildProcess;
	/** Everything written to stdout and stderr so far, interleaved. */
	output(): string;
	/** Resolves with the exit code (or null when killed by a signal) once the process has exited. */
	readonly exited: Promise<number | null>;
	/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once it has exited. Idempotent. */
	stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
	readonly cwd?: string;
	readonly env: NodeJS.ProcessEnv;
	/** Called with each chunk of output as it arrives (for progress and for waiting on log lines). */
	readonly onOutput?: (chunk: string) => void;
}

const running = new Map<number, Spawned>();

export function spawnTracked(name: string, command: string, args: readonly string[], options: SpawnOptions): Spawned {
	installExitHandlers();
	const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const pid = child.pid;
	if (pid === undefined) {
		child.once('error', () => undefined); // the reason (ENOENT, ...) follows as an event; the throw says it
		throw new Error(`could not start ${name} (${command})`);
	}
	const chunks: string[] = [];
	const collect = (data: Buffer): void => {
		const text = data.toString('utf8');
		chunks.push(text);
		options.onOutput?.(text);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);
	const exited = new Promise<number | null>((resolve) => {
		child.on('close', (code, signal) => {
			if (signal !== null) chunks.push(`\n[${name} ended by ${signal}]\n`);
			running.delete(pid);
			resolve(code);
		});
		child.on('error', (error) => {
			chunks.push(`\n[spawn error] ${error.message}\n`);
			running.delete(pid);
			resolve(null);
		});
	});
	let stopping: Promise<void> | undefined;
	const handle: Spawned = {
		name,
		pid,
		child,
		output: () => chunks.join(''),
		exited,
		stop: (graceMs = 10_000) => {
			stopping ??= stopGroup(pid, exited, graceMs);
			return stopping;
		},
	};
	running.set(pid, handle);
	return handle;
}

async function stopGroup(pid: number, exited: Promise<number | null>, graceMs: number): Promise<void> {
	if (!signalGroup(pid, 'SIGTERM')) return;
	const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
	// The leader is gone; anything it left behind in its group goes too.
	signalGroup(pid, 'SIGKILL');
}

/** Signals the process group led by `pid`; false when it no longer exists. */
function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		return false;
	}
}

/** Stops every process still running, newest first (workers before the Redis they use). */
export async function stopAll(): Promise<void> {
	const handles = [...running.values()].reverse();
	for (const handle of handles) await handle.stop();
}

export function runningProcesses(): readonly Spawned[] {
	return [...running.values()];
}

let handlersInstalled = false;

/** Ctrl-C / SIGTERM stop everything, then exit; a crash or plain exit kills what is left synchronously. */
function installExitHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', () => {
		for (const pid of running.keys()) signalGroup(pid, 'SIGKILL');
	});
}

/** For the long-running demo: on Ctrl-C or SIGTERM, run `cleanup` once, then exit. */
export function onInterrupt(cleanup: () => Promise<void>): void {
	let interrupted = false;
	const handler = (signal: NodeJS.Signals): void => {
		if (interrupted) return;
		interrupted = true;
		process.stdout.write(`\n${signal}: stopping every process started here...\n`);
		cleanup()
			.catch((error: unknown) => process.stderr.write(`cleanup failed: ${String(error)}\n`))
			.finally(() => process.exit(130));
	};
	process.on('SIGINT', handler);
	process.on('SIGTERM', handler);
}
