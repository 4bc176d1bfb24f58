/** The sandbox of one jest file: started before its tests, reset after each one, closed after all. */
import { startSandbox } from '../sandbox/server';
import type { Sandbox, SandboxOptions } from '../sandbox/types';

/**
 * Call at the top of a test file (or a describe). Returns a stand-in usable as the sandbox from the
 * first test on: it forwards to the sandbox `beforeAll` starts, so the file can keep `sandbox.x` calls.
 * The reset runs after each test, so a test's faults, groups and options never reach the next one.
 */
export function useSandbox(options: SandboxOptions = {}): Sandbox {
	let started: Sandbox | undefined;
	const current = (): Sandbox => {
		if (started === undefined) throw new Error('the sandbox is used before beforeAll started it');
		return started;
	};
	beforeAll(async () => {
		started = await startSandbox(options);
	});
	afterEach(() => current().reset());
	afterAll(async () => await started?.close());
	return new Proxy({} as Sandbox, {
		get: (_target, property) => {
			const sandbox = current();
			const value: unknown = Reflect.get(sandbox, property, sandbox);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(sandbox) : value;
		},
	});
}
