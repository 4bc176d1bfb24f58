/**
 * Scenario 2, a worker killed mid-run: an Invisible Collector run of M rows on one of two workers;
 * that worker gets SIGKILL once about a quarter of the groups exist. n8n notices (a live worker finds
 * the job's lock expired, the main process's queue recovery marks the execution) and the run is
 * started again, as a user would: every row ends Created or Conflict carrying the id the vendor
 * holds, each name exists exactly once. Invisible Collector answers a duplicate with 409 and the
 * existing group's `gid`, so the re-run needs no lookup to name what exists.
 */
import { killWorker, waitFor, workerExecutions } from './cluster';
import { executionsOf, finishedStatus, newExecution, nodeOutputs } from './executions';
import { startRows } from './fixtures';
import { KNOBS } from './knobs';
import { recordFigure } from './figures';
import type { ScaleContext } from './scale-context';
import { SCALE_WORKFLOWS } from './scale-workflows';

const RUN_TIMEOUT_MS = 10 * 60_000;

export function describeWorkerKilled(context: ScaleContext): void {
	test(`a ${KNOBS.killRows}-row run whose worker is killed at ~25% is re-run safely`, async () => {
		const { sandbox, cluster, session, instance } = context.env();
		const label = context.flavor.label;
		const workflowId = SCALE_WORKFLOWS.killed.fixture.id;
		const names = Array.from({ length: KNOBS.killRows }, (_, index) => `s2-${context.flavor.major}x-${index}`);
		const ic = sandbox.vendors.invisibleCollector;
		const existing = () => names.filter((name) => ic.countGroups(name) > 0).length;
		const workers = await Promise.all([cluster.addWorker(), cluster.addWorker()]);
		/** Every row Created or Conflict with the id the vendor holds; each name exactly once in the sandbox. */
		const expectSafeRun = async (execution: string) => {
			const [created, conflict, failed] = await nodeOutputs(session, execution, 'Invisible Collector');
			const idOf = new Map(ic.groupsOf().map((group) => [group.name, group.id]));
			expect(failed).toEqual([]);
			expect([...created, ...conflict].map((item) => item.name).sort()).toEqual([...names].sort());
			expect([...created, ...conflict].filter((item) => item.id !== idOf.get(String(item.name)))).toEqual([]);
			expect(names.filter((name) => ic.countGroups(name) !== 1)).toEqual([]);
			return { created, conflict, failed };
		};

		const known = new Set((await executionsOf(session, workflowId)).map((execution) => execution.id));
		expect(await startRows(instance.baseUrl, SCALE_WORKFLOWS.killed.path, names)).toMatchObject({ status: 200 });
		const first = await newExecution(session, workflowId, known);
		known.add(first);
		await waitFor(`a worker to start execution ${first}`, 60_000, () => workers.some((worker) => workerExecutions(worker, 'started').includes(first)));
		const holder = workers.find((worker) => workerExecutions(worker, 'started').includes(first));
		if (holder === undefined) throw new Error('no worker holds the run');
		const survivor = workers.find((worker) => worker !== holder);
		await waitFor('a quarter of the groups to exist', RUN_TIMEOUT_MS, () => existing() >= names.length / 4, 20);
		await killWorker(cluster, holder);
		const atKill = existing();
		context.log(`Killed ${holder.name} (PID ${holder.pid}) with ${atKill} of ${names.length} groups created; waiting for n8n to mark execution ${first} ...`);

		const killedStatus = await finishedStatus(session, first, RUN_TIMEOUT_MS);
		context.log(`n8n marked execution ${first} "${killedStatus}".`);
		const rerunOnSurvivor = survivor !== undefined && workerExecutions(survivor, 'started').includes(first);
		// n8n 2.x fails a stalled job (maxStalledCount 0) and marks its execution; n8n 1.x hands it once to
		// another worker (QUEUE_WORKER_MAX_STALLED_COUNT, default 1), which runs the whole execution again.
		const expected =
			context.flavor.major >= 2
				? { killedStatus: expect.stringMatching(/^(crashed|error)$/), rerunOnSurvivor: false }
				: { killedStatus: 'success', rerunOnSurvivor: true };
		expect({ killedStatus, rerunOnSurvivor }).toEqual(expected);
		if (killedStatus === 'success') await expectSafeRun(first);
		else expect(existing()).toBeLessThan(names.length);

		// The user runs it again.
		expect(await startRows(instance.baseUrl, SCALE_WORKFLOWS.killed.path, names)).toMatchObject({ status: 200 });
		const second = await newExecution(session, workflowId, known);
		expect(await finishedStatus(session, second, RUN_TIMEOUT_MS)).toBe('success');
		const { created, conflict, failed } = await expectSafeRun(second);
		// What existed before the re-run came back as Conflict (with its id), not created again.
		expect(conflict.length).toBeGreaterThanOrEqual(atKill);

		recordFigure(
			`${label}, scenario 2: worker SIGKILLed with ${atKill} of ${names.length} groups created; n8n marked the run "${killedStatus}"` +
				`${rerunOnSurvivor ? ' after the surviving worker ran it again' : ''}; ` +
				`the re-run: ${created.length} created + ${conflict.length} conflict (existing id) + ${failed.length} failed; every name once in the sandbox`,
		);
		await cluster.stopWorkers();
	});
}
