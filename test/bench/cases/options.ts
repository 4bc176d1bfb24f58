/**
 * Command-line options of `npm run bench`. Only a plain run (no option) gives the README table;
 * the others are for checking the machinery and investigating one case.
 */
import { join } from 'node:path';

import type { Scenario } from './cases';
import { FULL_SETTINGS, QUICK_SETTINGS, type BenchSettings } from './settings';

/** `--cpu-prof`: n8n writes a V8 CPU profile of every measured run (open in Chrome DevTools); the profiler slows n8n down. */
export function profileDirFor(resultsDir: string, startedAt: string, key: string, repetition: number): string | undefined {
	if (!process.argv.includes('--cpu-prof')) return undefined;
	return join(resultsDir, `profiles-${startedAt}`, `${key}-${repetition}`);
}

const SCENARIOS: readonly Scenario[] = ['throughput', 'rateLimit', 'helloId', 'cost', 'network'];

/** `--quick` for the smoke test; `--repetitions=N` to investigate one case faster (not for the README table). */
export function chosenSettings(): BenchSettings {
	const base = process.argv.includes('--quick') ? QUICK_SETTINGS : FULL_SETTINGS;
	const repetitions = process.argv.find((arg) => arg.startsWith('--repetitions='))?.slice('--repetitions='.length);
	if (repetitions === undefined) return base;
	const value = Number(repetitions);
	if (!Number.isInteger(value) || value < 1) throw new Error(`--repetitions needs a positive integer, got ${repetitions}`);
	return { ...base, repetitions: value };
}

/** `--only=cost,throughput` runs some scenarios (for investigating one); the README table comes from a full run. */
export function chosenScenarios(): readonly Scenario[] {
	const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
	if (!only) return SCENARIOS;
	const chosen = only.split(',').map((name) => name.trim());
	const unknown = chosen.filter((name) => !SCENARIOS.includes(name as Scenario));
	if (unknown.length) throw new Error(`--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
	return chosen as Scenario[];
}
