/**
 * Scenario 1, many executions at once: Redis, main and three workers (`--concurrency` 5 each). While a
 * bulk run of HelloID rows meets ~5% injected faults (429 with Retry-After, 503, resets before and
 * after the create), the webhook example gets every one of its names twice, all calls at once.
 */
import type { Fault } from '../../sandbox/types';
import { injectRandomFaults, seededRandom } from '../../load/random-faults';
import { loadExample } from '../examples';
import type { Spawned } from '../processes';
import { postGroupName, WEBHOOK_EXAMPLE, type WebhookAnswer } from '../webhook';
import { waitFor, workerExecutions } from './cluster';
import { executionsOf, finishedStatus, newExecution, nodeOutputs, type JsonItem } from './executions';
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
	test(`${KNOBS.webhookNames * 2} webhook calls at once next to a ${KNOBS.bulkRows}-row run with ~${KNOBS.faultRate * 100}% faults, on ${KNOBS.workers} workers`, async () => {
		const { sandbox, cluster, session, instance } = context.env();
		const label = context.flavor.label;
		const tag = `s1-${context.flavor.major}x`;
		const workers: Spawned[] = [];
		for (let index = 0; index < KNOBS.workers; index++) workers.push(await cluster.addWorker({ concurrency: KNOBS.workerConcurrency }));
		sandbox.resetStats();

		// The bulk run first: it goes to one worker and keeps it busy while the webhook calls arrive.
		const bulkNames = Array.from({ length: KNOBS.bulkRows }, (_, index) => `${tag}-bulk-${index}`);
		const bulkId = SCALE_WORKFLOWS.bulk.fixture.id;
		const known = new Set((await executionsOf(session, bulkId)).map((execution) => execution.id));
		const faults = injectRandomFaults(sandbox, { vendor: 'helloId', method: 'POST', path: '/api/v1/groups' }, FAULTS, {
			rate: KNOBS.faultRate,
			random: seededRandom(KNOBS.seed),
		});
		let webhookMs = 0;
		let answers: { name: string; answer: WebhookAnswer }[] = [];
		let bulkStatus = '';
		let bulkMs = 0;
		let bulkOutputs: JsonItem[][] = [];
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
			bulkOutputs = await nodeOutputs(session, bulkExecution, 'HelloID');
		} finally {
			faults.stop();
		}

		// Every webhook answer: one 201 and one 409 per name, each naming the group the sandbox holds.
		const ic = sandbox.vendors.invisibleCollector;
		const groupId = new Map(ic.groupsOf().map((group) => [group.name, group.id]));
		const problems: string[] = [];
		const byName = new Map<string, WebhookAnswer[]>();
		for (const { name, answer } of answers) byName.set(name, [...(byName.get(name) ?? []), answer]);
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

		// The bulk run: every row in exactly one output, no name created twice, Created/Conflict rows name the sandbox's group.
		expect(bulkStatus).toBe('success');
		const [created, conflict, failed] = bulkOutputs;
		const hid = sandbox.vendors.helloId;
		const guidOf = new Map(hid.groups().map((group) => [group.name, group.groupGuid]));
		const rowName = (item: JsonItem): unknown => item.name ?? item.group;
		const landed = [...created, ...conflict, ...failed].map(rowName).sort();
		expect(landed).toEqual([...bulkNames].sort());
		const wrong = [...created, ...conflict].filter((item) => item.id !== guidOf.get(String(item.name)));
		expect(wrong).toEqual([]);
		expect(bulkNames.filter((name) => hid.countGroups(name) > 1)).toEqual([]);
		expect(created.filter((item) => hid.countGroups(String(item.name)) !== 1)).toEqual([]);

		// The executions were spread over every worker (their logs say which they finished).
		const hookWorkflow = loadExample(WEBHOOK_EXAMPLE.file).id;
		const total = () => workers.reduce((sum, worker) => sum + workerExecutions(worker, 'finished', hookWorkflow).length, 0);
		await waitFor('every worker to log its webhook executions', 30_000, () => total() >= answers.length);
		const spread = workers.map((worker) => workerExecutions(worker, 'finished', hookWorkflow).length);
		expect(spread.every((count) => count > 0)).toBe(true);

		const faulted = sandbox.requests.filter((request) => request.vendor === 'helloId' && request.fault !== null).length;
		recordFigure(
			`${label}, scenario 1: ${answers.length} webhook executions in ${(webhookMs / 1000).toFixed(1)} s ` +
				`(${perSecond(answers.length, webhookMs)} executions/s held) over ${workers.length} workers ` +
				`[${spread.join(' / ')} each], next to a ${bulkNames.length}-row run in ${(bulkMs / 1000).toFixed(1)} s ` +
				`(${perSecond(bulkNames.length, bulkMs)} rows/s; ${faulted} faults met; rows: ${created.length} created, ${conflict.length} conflict, ${failed.length} failed)`,
		);
		await cluster.stopWorkers();
	});
}
