/**
 * Ctrl-C kills jest at once: a signal handler in a test file never runs (jest gives tests their own
 * `process` object), and the `exit` handler of processes.ts does not run on a signal either. So a small
 * watchdog process is told, over its stdin, the PIDs of the process groups started here; when jest
 * dies its stdin closes, and it sends SIGKILL to each of those groups, by PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';

import { runningProcesses } from '../n8n/processes';

const WATCHDOG = `
let pids = [];
let buffered = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
	buffered += chunk;
	const lines = buffered.split('\\n');
	buffered = lines.pop();
	if (lines.length > 0) pids = lines[lines.length - 1].split(',').filter(Boolean).map(Number);
});
process.stdin.on('end', () => {
	for (const pid of pids) {
		try { process.kill(-pid, 'SIGKILL'); } catch {}
	}
	process.exit(0);
});
`;

export interface Reaper {
	/** Stops watching (after every process was stopped the ordinary way). */
	stop(): void;
}

export function startReaper(): Reaper {
	const watchdog: ChildProcess = spawn(process.execPath, ['-e', WATCHDOG], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
	watchdog.unref();
	let last = '';
	const report = (): void => {
		const list = runningProcesses().map((spawned) => spawned.pid).join(',');
		if (list === last) return;
		last = list;
		watchdog.stdin?.write(`${list}\n`);
	};
	const timer = setInterval(report, 200);
	return {
		stop: () => {
			clearInterval(timer);
			watchdog.stdin?.end('\n'); // an empty list: nothing left to kill
		},
	};
}
