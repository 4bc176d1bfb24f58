/** The webhook example in queue mode: Debian's redis-server, the main process and one `n8n worker`. */
import { loadExample } from './examples';
import { startMain, startRedis, startWorker } from '../n8n/n8n-process';
import type { Spawned } from '../n8n/processes';
import { vendorStatuses, type SuiteContext } from './suite-context';
import { postGroupName, WEBHOOK_EXAMPLE } from '../n8n/webhook';

const SERVER_TIMEOUT_MS = 4 * 60_000;

export function describeQueueMode(context: SuiteContext): void {
	describe('queue mode: Redis and one `n8n worker`', () => {
		let worker: Spawned | undefined;
		const started: Spawned[] = [];

		beforeAll(async () => {
			const instance = context.instance();
			const redis = await startRedis(context.log, instance.userFolder);
			started.push(redis.process);
			const queue = { redisPort: redis.port };
			started.push(await startMain(instance, { log: context.log, queue }));
			worker = await startWorker(instance, queue, context.log);
			started.push(worker);
		}, SERVER_TIMEOUT_MS);

		afterAll(async () => {
			// Newest first: the worker and main before the Redis they use. Only these: the other
			// major's install may still be running.
			for (const spawned of started.reverse()) await spawned.stop();
		});

		test('the webhook answers 201 then 409, and the worker ran both executions', async () => {
			const { baseUrl } = context.instance();
			const name = `Queued group ${context.flavor.major}.x`;
			context.sandbox().resetStats();
			const answers = {
				first: await postGroupName(baseUrl, name),
				second: await postGroupName(baseUrl, name),
				sandboxAnswered: vendorStatuses(context.sandbox(), WEBHOOK_EXAMPLE.vendor),
			};
			expect(answers).toEqual({
				first: { status: 201, body: expect.objectContaining({ outcome: 'created', name }) },
				second: { status: 409, body: expect.objectContaining({ outcome: 'conflict', name }) },
				sandboxAnswered: [201, 409],
			});
			// The answer can reach us before the worker logs that it finished.
			const workflowId = loadExample(WEBHOOK_EXAMPLE.file).id;
			const finishedOnWorker = (): string[] =>
				(worker?.output() ?? '')
					.split('\n')
					.filter((line) => line.includes('Worker finished execution') && line.includes(`"workflowId":"${workflowId}"`));
			for (let waited = 0; finishedOnWorker().length < 2 && waited < 10_000; waited += 200) {
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			expect(finishedOnWorker()).toHaveLength(2);
		});
	});
}
