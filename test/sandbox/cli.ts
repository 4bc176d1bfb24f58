/**
 * Standalone sandbox for the demo and benchmarks:
 *   node build/test/sandbox/cli.js [--port N] [--latency MS] [--rate-limit PER_SEC]
 * Prints one JSON line (`SandboxSummary`: url, base URLs, default credentials) and serves until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './server';

function numberOption(values: Record<string, string | undefined>, name: string, integer: boolean): number | undefined {
	const raw = values[name];
	if (raw === undefined) return undefined;
	const value = Number(raw);
	if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
		throw new Error(`--${name} needs a ${integer ? 'non-negative integer' : 'non-negative number'}, got ${JSON.stringify(raw)}`);
	}
	return value;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			latency: { type: 'string' },
			'rate-limit': { type: 'string' },
		},
	});
	const perSecond = numberOption(values, 'rate-limit', true);
	const sandbox = await startSandbox({
		port: numberOption(values, 'port', true),
		latencyMs: numberOption(values, 'latency', false),
		rateLimit: perSecond === undefined || perSecond === 0 ? null : { perSecond },
	});
	process.stdout.write(`${JSON.stringify(sandbox.summary())}\n`);

	const stop = (): void => {
		process.off('SIGINT', stop);
		process.off('SIGTERM', stop);
		// With every socket and timer gone the event loop empties and the process exits with code 0.
		void sandbox.close();
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exitCode = 2;
});
