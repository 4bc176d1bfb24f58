/**
 * Scenario 3, a worker that runs for weeks: one worker runs K executions back to back, each driving
 * all five nodes (Capillary with both credential types) on a new name, the same name again (a
 * Conflict within the run) and the previous run's name (a Conflict the node looks up). The worker's
 * heap is read through the inspector after forced collections: once warmed up, then along the way,
 * then at the end; it may not grow by more than a small stated bound.
 */
import type { Spawned } from '../n8n/processes';
import { waitFor, workerExecutions } from './cluster';
import { executionsOf, nodeOutputs } from './executions';
import { startRows } from './fixtures';
import { heapProbe } from './heap-probe';
import { KNOBS } from './knobs';
import { megabytes, perSecond, recordFigure } from './figures';
import type { ScaleContext } from './scale-context';
import { SCALE_WORKFLOWS } from './scale-workflows';

/** The vendor nodes of the all-five workflow. */
const STEP_NAMES = ['Invisible Collector', 'Assembla', 'HelloID', 'Capillary basic', 'Capillary key', 'Taleo Learn'];

/** Executions in flight at once: enough to keep the worker busy, few enough to call it "consecutive". */
const IN_FLIGHT = 3;
/** Heap readings along the way (besides the early and the final one). */
const READINGS = 5;

export function describeLongRunningWorker(context: ScaleContext): void {
	test(`one worker runs ${KNOBS.longRuns} executions of all five nodes; its heap after GC stays within ${KNOBS.maxHeapGrowthMb} MB`, async () => {
		const { sandbox, cluster, instance, session } = context.env();
		const label = context.flavor.label;
		const workflowId = SCALE_WORKFLOWS.allFive.fixture.id;
		const probe = await heapProbe();
		const worker: Spawned = await cluster.addWorker({ nodeArgs: probe.nodeArgs });
		const finished = () => workerExecutions(worker, 'finished', workflowId).length;
		const names = Array.from({ length: KNOBS.longRuns }, (_, index) => `s3-${context.flavor.major}x-${index}`);
		const warmUp = Math.max(10, Math.floor(KNOBS.longRuns / 10));
		const readAt = new Set(Array.from({ length: READINGS }, (_, index) => Math.floor((KNOBS.longRuns * (index + 1)) / (READINGS + 1))));
		const readings: { runs: number; heap: number }[] = [];
		const read = async (runs: number): Promise<void> => {
			await waitFor(`the worker to finish ${runs} executions`, 5 * 60_000, () => finished() >= runs, 50);
			readings.push({ runs, heap: await probe.heapUsedAfterGc() });
			context.log(`Worker heap after GC at ${runs} executions: ${megabytes(readings[readings.length - 1].heap)} MB`);
		};
		sandbox.resetStats();
		const started = Date.now();
		for (let run = 0; run < names.length; run++) {
			if (run === warmUp || readAt.has(run)) await read(run);
			await waitFor('a free slot', 5 * 60_000, () => finished() >= run - IN_FLIGHT, 20);
			const rows = [names[run], names[run], ...(run > 0 ? [names[run - 1]] : [])];
			const answer = await startRows(instance.baseUrl, SCALE_WORKFLOWS.allFive.path, rows);
			if (answer.status !== 200) throw new Error(`run ${run}: the webhook answered ${answer.status} ${answer.body}`);
		}
		await read(names.length);
		const elapsed = Date.now() - started;

		// Every run did its work: each name exists once at every vendor (Capillary twice, once per credential type)...
		const counts = {
			invisibleCollector: (name: string) => sandbox.vendors.invisibleCollector.countGroups(name),
			assembla: (name: string) => sandbox.vendors.assembla.groupsOf().filter((group) => group.name === name).length,
			helloId: (name: string) => sandbox.vendors.helloId.countGroups(name),
			taleoLearn: (name: string) => sandbox.vendors.taleoLearn.groupsOf(178409).filter((group) => group.name === name).length,
			capillaryBasic: (name: string) => sandbox.vendors.capillary.countGroups(`basic-${name}`),
			capillaryKey: (name: string) => sandbox.vendors.capillary.countGroups(`key-${name}`),
		};
		const missing = Object.entries(counts).flatMap(([vendor, count]) =>
			names.filter((name) => count(name) !== 1).map((name) => `${vendor}: ${name}`),
		);
		expect(missing).toEqual([]);
		// ... and in the last run every node routed the repeated name and the previous run's name to
		// Conflict with an id (for the previous name, found by the node's lookup or the duplicate answer).
		const [lastRun] = await executionsOf(session, workflowId, 1);
		for (const step of STEP_NAMES) {
			const [created, conflict, failed] = await nodeOutputs(session, lastRun.id, step);
			expect({ step, created: created.length, conflict: conflict.length, failed }).toEqual({ step, created: 1, conflict: 2, failed: [] });
			expect(conflict.every((item) => typeof item.id === 'string' && item.id !== '')).toBe(true);
			expect(conflict.find((item) => item.id === created[0].id)).toBeDefined();
		}
		const listed = [...new Set(sandbox.requests.filter((request) => request.method === 'GET').map((request) => request.vendor))].sort();

		const early = readings.find((reading) => reading.runs === warmUp) ?? readings[0];
		const last = readings[readings.length - 1];
		const growth = last.heap - early.heap;
		recordFigure(
			`${label}, scenario 3: one worker ran ${names.length} executions of all five nodes in ${(elapsed / 1000).toFixed(0)} s ` +
				`(${perSecond(names.length, elapsed)} executions/s); heap after GC ${readings.map((r) => `${r.runs}: ${megabytes(r.heap)} MB`).join(', ')}; ` +
				`growth ${megabytes(growth)} MB from run ${early.runs} to run ${last.runs} (bound ${KNOBS.maxHeapGrowthMb} MB); ` +
				`vendors listed (lookups): ${listed.join(', ')}`,
		);
		expect(growth / 1024 / 1024).toBeLessThanOrEqual(KNOBS.maxHeapGrowthMb);
		await cluster.stopWorkers();
	});
}
