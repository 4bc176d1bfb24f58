/** Runs a command to completion as a tracked process, with a timeout and a heartbeat for slow steps. */
import { spawnTracked } from './processes';

export interface CommandResult {
	readonly code: number | null;
	readonly output: string;
}

export interface RunOptions {
	readonly cwd?: string;
	readonly env?: NodeJS.ProcessEnv;
	readonly timeoutMs?: number;
	/** Prints "<label>: still running (Ns)" every `heartbeatMs`. */
	readonly heartbeatMs?: number;
	readonly log?: (line: string) => void;
	/** Resolve with a non-zero exit code instead of rejecting. */
	readonly allowFailure?: boolean;
}

export class CommandError extends Error {
	constructor(
		message: string,
		readonly result: CommandResult,
	) {
		super(message);
		this.name = 'CommandError';
	}
}

export async function runCommand(
	label: string,
	command: string,
	args: readonly string[],
	options: RunOptions = {},
): Promise<CommandResult> {
	const started = Date.now();
	const spawned = spawnTracked(label, command, args, { cwd: options.cwd, env: options.env ?? process.env });
	const timeoutMs = options.timeoutMs ?? 10 * 60_000;
	let timedOut = false;
	const timeout = setTimeout(() => {
		timedOut = true;
		void spawned.stop(2000);
	}, timeoutMs);
	const { log, heartbeatMs } = options;
	const heartbeat =
		log !== undefined && heartbeatMs !== undefined
			? setInterval(() => log(`${label}: still running (${Math.round((Date.now() - started) / 1000)} s)`), heartbeatMs)
			: undefined;
	const code = await spawned.exited;
	clearTimeout(timeout);
	if (heartbeat !== undefined) clearInterval(heartbeat);
	const result = { code, output: spawned.output() };
	if (timedOut) throw new CommandError(`${label} timed out after ${timeoutMs} ms\n${tail(result.output)}`, result);
	if (code !== 0 && options.allowFailure !== true) {
		throw new CommandError(`${label} exited with ${code}\n${tail(result.output)}`, result);
	}
	return result;
}

/** The end of a long output, for error messages. */
export function tail(text: string, lines = 40): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
