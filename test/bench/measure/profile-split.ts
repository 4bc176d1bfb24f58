/** With `--cpu-prof`: reads the n8n process's profile of one run and splits its CPU during the node by area. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { splitByArea, type Area, type CpuProfile } from '../report/profile-summary';
import type { MeasuredRun } from './n8n-run';

export function profileSplitOf(profileDir: string, run: MeasuredRun): Record<Area, number> | undefined {
	const exit = run.exit;
	if (!exit) return undefined;
	let files: string[];
	try {
		files = readdirSync(profileDir).filter((file) => file.endsWith('.cpuprofile') && file.includes(`.${exit.pid}.`));
	} catch {
		return undefined;
	}
	if (files.length === 0) return undefined;
	const profile = JSON.parse(readFileSync(join(profileDir, files[0]), 'utf8')) as CpuProfile;
	// The run data's clock (Date.now()) onto the profile's (monotonic µs), through the pair read at process start.
	const toMonotonicUs = (epochMs: number) => exit.clock.monotonicUs + (epochMs - exit.clock.epochMs) * 1000;
	return splitByArea(profile, toMonotonicUs(run.node.startTime), toMonotonicUs(run.node.startTime + run.node.executionMs));
}
