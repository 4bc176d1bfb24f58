/**
 * Scenario 1, many executions at once: Redis, main and three workers (`--concurrency` 5 each). While a
 * bulk run of HelloID rows meets ~5% injected faults (429 with Retry-After, 503, resets before and
 * after the create), the webhook example gets every one of its names twice, all calls at once.
 */
import type { Fault } from '../../sandbox/types';
import { injectRandomFaults, seededRandom } from '../../load/random-faults';
import { loadExample } from '../suites/examples';
import type { Spawned } from '../n8n/processes';
import { postGroupName, WEBHOOK_EXAMPLE, type WebhookAnswer } from '../n8n/webhook';
import { waitFor, workerExecutions } from './cluster';
import { executionsOf, failedExecutions, finishedStatus, newExecution, nodeRunItems, pairedRow, type JsonItem, type RunItem } from './executions';
import { startRows } from './fixtures';
import { KNOBS } from './knobs';
import { perSecond, recordFigure } from './figures';
import type { ScaleContext } from './scale-context';
import { SCALE_WORKFLOWS } from './scale-workflows';

/** Retried by the node (429 after its Retry-After, 503, a reset before the vendor saw it) or met as "already exists" on the retry (a reset after the create). */
const FAULTS: readonly Fault[] = [
	{ type: 'status', status: 429, headers: { 'retry-after': '1' } },
	{ type: 'status', status: 503 },
	{ type: 'reset', when: 'before' },
	{ type: 'reset', when: 'after' },
];

const BULK_TIMEOUT_MS = 10 * 60_000;

export function describeManyAtOnce(context: ScaleContext): void {
	/** The bulk run's failed rows (their error messages), once the first test has read them. */
	let failedRows: string[] | undefined;

	test(`${KNOBS.webhookNames * 2} webhook calls at once next to a ${KNOBS.bulkRows}-row run with ~${KNOBS.faultRate * 100}% faults, on ${KNOBS.workers} workers`, async () => {
		const { sandbox, cluster, session, instance } = context.env();
		const label = context.flavor.label;
		const tag = `s1-${context.flavor.major}x`;
		// Started side by side: each takes 10-15 s to boot.
		const workers: Spawned[] = await Promise.all(
			Array.from({ length: KNOBS.workers }, () => cluster.addWorker({ concurrency: KNOBS.workerConcurrency })),
		);
		sandbox.resetStats();

		// The bulk run first: it goes to one worker and keeps it busy while the webhook calls arrive.
		const bulkNames = Array.from({ length: KNOBS.bulkRows }, (_, index) => `${tag}-bulk-${index}`);
		const bulkId = SCALE_WORKFLOWS.bulk.fixture.id;
		const known = new Set((await executionsOf(session, bulkId)).map((execution) => execution.id));
		const knownHookFailures = new Set((await failedExecutions(session, loadExample(WEBHOOK_EXAMPLE.file).id)).map((failure) => failure.id));
		const faults = injectRandomFaults(sandbox, { vendor: 'helloId', method: 'POST', path: '/api/v1/groups' }, FAULTS, {
			rate: KNOBS.faultRate,
			random: seededRandom(KNOBS.seed),
		});
		let webhookMs = 0;
		let answers: { name: string; answer: WebhookAnswer }[] = [];
		let bulkStatus = '';
		let bulkMs = 0;
		let bulkOutputs: RunItem[][] = [];
		try {
			const bulkStarted = Date.now();
			expect(await startRows(instance.baseUrl, SCALE_WORKFLOWS.bulk.path, bulkNames)).toMatchObject({ status: 200 });
			const bulkExecution = await newExecution(session, bulkId, known);
			context.log(`Bulk run ${bulkExecution} started (${KNOBS.bulkRows} rows, fault seed ${KNOBS.seed}); firing ${KNOBS.webhookNames * 2} webhook calls ...`);

			const hookNames = Array.from({ length: KNOBS.webhookNames }, (_, index) => `${tag}-hook-${index}`);
			const webhookStarted = Date.now();
			answers = await Promise.all(
				[...hookNames, ...hookNames].map(async (name) => ({ name, answer: await postGroupName(instance.baseUrl, name) })),
			);
			webhookMs = Date.now() - webhookStarted;
			context.log(`${answers.length} webhook answers in ${(webhookMs / 1000).toFixed(1)} s; waiting for the bulk run ...`);

			bulkStatus = await finishedStatus(session, bulkExecution, BULK_TIMEOUT_MS);
			bulkMs = Date.now() - bulkStarted;
			bulkOutputs = await nodeRunItems(session, bulkExecution, 'HelloID');
		} finally {
			faults.stop();
		}

		// n8n on SQLite: the workers and main write one database file, and n8n sets no busy timeout, so
		// under this load n8n itself fails a few executions with SQLITE_BUSY before any node runs (a 500
		// "Error in workflow"). Those must be exactly that, have sent nothing to the vendor, and answer
		// like any other call when the client tries again. (On Postgres, n8n's database for queue mode, none.)
		const hookWorkflow = loadExample(WEBHOOK_EXAMPLE.file).id;
		const refused = answers.filter(({ answer }) => answer.status === 500);
		const failures = (await failedExecutions(session, hookWorkflow)).filter((failure) => !knownHookFailures.has(failure.id));
		expect({ failed: failures.length, notSqliteBusy: failures.filter((f) => !/SQLITE_BUSY/.test(f.message) || f.lastNode !== undefined) }).toEqual({
			failed: refused.length,
			notSqliteBusy: [],
		});
		const retried = await Promise.all(refused.map(async ({ name }) => ({ name, answer: await postGroupName(instance.baseUrl, name) })));
		const final = [...answers.filter(({ answer }) => answer.status !== 500), ...retried];

		// Every webhook answer: one 201 and one 409 per name, each naming the group the sandbox holds.
		const ic = sandbox.vendors.invisibleCollector;
		const groupId = new Map(ic.groupsOf().map((group) => [group.name, group.id]));
		const problems: string[] = [];
		const byName = new Map<string, WebhookAnswer[]>();
		for (const { name, answer } of final) byName.set(name, [...(byName.get(name) ?? []), answer]);
		for (const [name, pair] of byName) {
			const statuses = pair.map((answer) => answer.status).sort();
			if (statuses.join() !== '201,409') problems.push(`${name}: statuses ${statuses.join()}`);
			for (const { status, body } of pair) {
				const expected = { 201: 'created', 409: 'conflict' }[status];
				const json = body as JsonItem;
				if (json.outcome !== expected || json.name !== name || json.id !== groupId.get(name)) {
					problems.push(`${name}: ${status} ${JSON.stringify(body).slice(0, 200)} (sandbox id ${groupId.get(name)})`);
				}
			}
			if (ic.countGroups(name) !== 1) problems.push(`${name}: the sandbox holds it ${ic.countGroups(name)} times`);
		}
		expect(problems).toEqual([]);
		expect(byName.size).toBe(KNOBS.webhookNames);
		// One create request per answered call: nothing sent twice, nothing sent by a refused execution.
		const hookCreates = sandbox.requests.filter((request) => request.vendor === 'invisibleCollector' && request.method === 'POST' && request.body.includes(`${tag}-hook-`));
		expect(hookCreates).toHaveLength(final.length);

		// The bulk run: every row in exactly one output, no name created twice, Created/Conflict rows name the sandbox's group.
		expect(bulkStatus).toBe('success');
		// Each item names its input row through pairedItem (on n8n 1.x an error item keeps nothing else of the row).
		const [created, conflict, failed] = bulkOutputs.map((items) =>
			items.map((item): JsonItem & { row: number | undefined } => ({ ...item.json, row: pairedRow(item) })),
		);
		const hid = sandbox.vendors.helloId;
		const guidOf = new Map(hid.groups().map((group) => [group.name, group.groupGuid]));
		const landed = [...created, ...conflict, ...failed].map((item) => (item.row === undefined ? undefined : bulkNames[item.row]));
		expect(landed.sort()).toEqual([...bulkNames].sort());
		expect([...created, ...conflict].filter((item) => item.name !== bulkNames[item.row ?? -1] || item.id !== guidOf.get(String(item.name)))).toEqual([]);
		expect(bulkNames.filter((name) => hid.countGroups(name) > 1)).toEqual([]);
		expect(created.filter((item) => hid.countGroups(String(item.name)) !== 1)).toEqual([]);
		failedRows = failed.map((item) => String(item.error));
		const failureKinds = [...new Set(failed.map((item) => String(item.error).slice(0, 120)))];
		if (failed.length > 0) context.log(`${failed.length} bulk rows failed: ${failureKinds.join(' | ')}`);

		// The executions were spread over every worker (their logs say which they finished).
		const total = () => workers.reduce((sum, worker) => sum + workerExecutions(worker, 'finished', hookWorkflow).length, 0);
		await waitFor('every worker to log its webhook executions', 30_000, () => total() >= final.length);
		const spread = workers.map((worker) => workerExecutions(worker, 'finished', hookWorkflow).length);
		expect(spread.every((count) => count > 0)).toBe(true);

		const bulkCreates = sandbox.requests.filter((request) => request.vendor === 'helloId' && request.method === 'POST');
		const faulted = bulkCreates.filter((request) => request.fault !== null).length;
		expect(faulted).toBeGreaterThan(0);
		recordFigure(
			`${label}, scenario 1: ${answers.length} webhook executions in ${(webhookMs / 1000).toFixed(1)} s ` +
				`(${perSecond(answers.length, webhookMs)} executions/s held) over ${workers.length} workers ` +
				`[${spread.join(' / ')} each; ${refused.length} refused by n8n with SQLITE_BUSY and answered on retry], next to a ${bulkNames.length}-row run in ${(bulkMs / 1000).toFixed(1)} s ` +
				`(${perSecond(bulkNames.length, bulkMs)} rows/s; ${faulted} of ${bulkCreates.length} create requests met a fault; rows: ${created.length} created, ${conflict.length} conflict, ${failed.length} failed${failed.length > 0 ? `: ${failureKinds.join(' | ')}` : ''})`,
		);
		await cluster.stopWorkers();
	});

	// Every fault injected above is one the node retries (README: 429 and 503 after waiting, network
	// errors such as a reset); with 3 retries a row fails only if four attempts in a row meet a fault.
	test('no row of the bulk run failed: the node retried every injected fault', () => {
		expect(failedRows).toEqual([]);
	});
}
