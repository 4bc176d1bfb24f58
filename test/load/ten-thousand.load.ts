/**
 * 10,000 items through the Invisible Collector node while about 5% of the create requests meet a
 * random fault. Every item is accounted for exactly once, no group exists twice, each Created or
 * Conflict item names the group the vendor holds, and the heap stays bounded.
 * Run with `npm run test:load` (node --expose-gc, jest.load.config.js).
 */
import type { IDataObject } from 'n8n-workflow';

import { landings } from '../hardening/outcomes';
import type { Place } from '../hardening/outcomes';
import { INVISIBLE_COLLECTOR, runCase } from '../hardening/vendors';
import { startSandbox } from '../sandbox/server';
import type { Fault, Sandbox } from '../sandbox/types';
import { injectRandomFaults, seededRandom } from './random-faults';

const ITEMS = 10_000;
const FAULT_RATE = 0.05;
/** Generous: the outputs and run data of 10,000 items, plus the sandbox's record of every request. */
const MAX_HEAP_GROWTH_MB = 400;
/** The heap at its highest during the run, above where it started (garbage not yet collected included). */
const MAX_PEAK_GROWTH_MB = 1_024;

/** Retried faults, faults the retry meets as "already exists", and faults the item fails on. */
const FAULTS: readonly Fault[] = [
	{ type: 'status', status: 429, headers: { 'retry-after': '0.01' } },
	{ type: 'status', status: 502 },
	{ type: 'status', status: 503 },
	{ type: 'status', status: 504 },
	{ type: 'html', status: 502 },
	{ type: 'reset', when: 'before' },
	{ type: 'reset', when: 'after' },
	{ type: 'delay', ms: 1_100 },
	{ type: 'status', status: 500, body: { code: 500, message: 'Internal Server Error' } },
	{ type: 'body', status: 201, body: '{"id": "trunc' },
];

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Heap in use after a full collection when the run has `--expose-gc`, else as it is. */
function heapUsed(): number {
	const collect = (globalThis as { gc?: () => void }).gc;
	if (collect) {
		collect();
		collect();
	}
	return process.memoryUsage().heapUsed;
}

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => {
	await sandbox.close();
});

it(`accounts for every one of ${ITEMS} items under ~${FAULT_RATE * 100}% random faults, in bounded memory`, async () => {
	const seed = Number(process.env.LOAD_SEED ?? Date.now() % 1_000_000);
	const names = Array.from({ length: ITEMS }, (_, index) => `load-${index}`);
	const items: IDataObject[] = names.map((name, row) => ({ name, row }));

	const heapBefore = heapUsed();
	let heapPeak = heapBefore;
	const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);
	const faults = injectRandomFaults(
		sandbox,
		{ vendor: 'invisibleCollector', method: 'POST', path: '/groups' },
		FAULTS,
		{ rate: FAULT_RATE, random: seededRandom(seed) },
	);
	const started = Date.now();
	const result = await runCase(sandbox, INVISIBLE_COLLECTOR, {
		items,
		options: { concurrency: 20, timeout: 1, maxRetries: 3 },
		onError: 'continueErrorOutput',
	}).finally(() => {
		faults.stop();
		clearInterval(sampler);
	});
	const seconds = (Date.now() - started) / 1000;

	// Every item exactly once (landings throws on a missing or doubled pairedItem).
	expect(result.error).toBeUndefined();
	const found = landings(result, ITEMS);
	const count = (place: Place) => found.filter((landing) => landing.place === place).length;
	const [created, conflicts, errors] = [count('created'), count('conflict'), count('error')];
	expect(created + conflicts + errors).toBe(ITEMS);

	// The vendor holds each name at most once, and every Created or Conflict item names the group it holds.
	const held = new Map(INVISIBLE_COLLECTOR.groupNames(sandbox).map((name) => [name, INVISIBLE_COLLECTOR.groupId(sandbox, name)]));
	const heldNames = INVISIBLE_COLLECTOR.groupNames(sandbox);
	expect(new Set(heldNames).size).toBe(heldNames.length);
	found.forEach((landing, index) => {
		if (landing.place === 'error') return;
		expect(landing.json.name).toBe(names[index]);
		expect(landing.json.id).toBe(held.get(names[index]));
		// Names are new: a conflict can only be the item's own earlier attempt.
		if (landing.place === 'conflict') expect(landing.json.mayHaveBeenCreatedByEarlierAttempt).toBe(true);
	});
	const createdOrConflict = found.filter((landing) => landing.place !== 'error').length;
	expect(held.size).toBeGreaterThanOrEqual(createdOrConflict);
	for (const name of held.keys()) expect(name).toMatch(/^load-\d+$/);

	// No name was answered 201 twice.
	const posts = INVISIBLE_COLLECTOR.createRequests(sandbox);
	const createdTwice = new Set<string>();
	const seen = new Set<string>();
	for (const request of posts.filter((post) => post.status === 201 && post.fault === null)) {
		const { name } = JSON.parse(request.body) as { name: string };
		if (seen.has(name)) createdTwice.add(name);
		seen.add(name);
	}
	expect([...createdTwice]).toEqual([]);

	const faulted = posts.filter((post) => post.fault !== null).length;
	const faultShare = faulted / posts.length;
	expect(faultShare).toBeGreaterThan(0.02);
	expect(faultShare).toBeLessThan(0.1);

	const heapAfter = heapUsed();
	const errorMessages = new Map<string, number>();
	for (const landing of found.filter((entry) => entry.place === 'error')) {
		const message = String(landing.json.error);
		errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1);
	}
	console.log(
		[
			`load run (seed ${seed}): ${ITEMS} items in ${seconds.toFixed(1)} s`,
			`  created ${created}, conflict ${conflicts}, error ${errors}`,
			`  create requests ${posts.length}, faulted ${faulted} (${(faultShare * 100).toFixed(1)}%), groups held ${held.size}`,
			`  errors: ${[...errorMessages].map(([message, times]) => `${times}× ${message}`).join('; ') || 'none'}`,
			`  heap before ${mb(heapBefore)} MB, peak ${mb(heapPeak)} MB, after ${mb(heapAfter)} MB (growth ${mb(heapAfter - heapBefore)} MB)`,
		].join('\n'),
	);
	expect(heapAfter - heapBefore).toBeLessThan(MAX_HEAP_GROWTH_MB * 1024 * 1024);
	expect(heapPeak - heapBefore).toBeLessThan(MAX_PEAK_GROWTH_MB * 1024 * 1024);
});
