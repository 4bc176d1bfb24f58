/** `n8n start` in regular mode: the editor's type lists, the webhook example, the credential tests. */
import { loadExample } from './examples';
import { activateWorkflow } from '../n8n/n8n-cli';
import { startMain } from '../n8n/n8n-process';
import type { Spawned } from '../n8n/processes';
import { RestSession } from '../n8n/rest-session';
import { shippedTypes } from './shipped-types';
import { namesOf, vendorStatuses, webhookVendorCase, type SuiteContext } from './suite-context';
import { describeCredentialTests } from './suite-credentials';
import { postGroupName, WEBHOOK_EXAMPLE } from '../n8n/webhook';

const SERVER_TIMEOUT_MS = 4 * 60_000;

export function describeRegularMode(context: SuiteContext): void {
	describe('`n8n start` (regular mode)', () => {
		let main: Spawned | undefined;
		let session: RestSession | undefined;
		const sessionOf = (): RestSession => {
			if (session === undefined) throw new Error('no owner session');
			return session;
		};

		beforeAll(async () => {
			const instance = context.instance();
			await activateWorkflow(instance, loadExample(WEBHOOK_EXAMPLE.file).id);
			main = await startMain(instance, { log: context.log });
			session = await RestSession.setupOwner(instance.baseUrl);
		}, SERVER_TIMEOUT_MS);

		afterAll(async () => {
			await main?.stop();
		});

		test('the editor lists every node, AI-agent tool and credential type of the package', async () => {
			const shipped = shippedTypes();
			const nodes = (await sessionOf().request('GET', '/types/nodes.json')) as { name?: unknown }[];
			const credentials = (await sessionOf().request('GET', '/types/credentials.json')) as { name?: unknown }[];
			expect(namesOf(nodes)).toEqual(expect.arrayContaining([...shipped.nodes, ...shipped.tools]));
			expect(namesOf(credentials)).toEqual(expect.arrayContaining([...shipped.credentials]));
		});

		test('the webhook answers 201 for a new group, then 409 for the same name, 400 for a blank one', async () => {
			const { baseUrl } = context.instance();
			const name = `Webhook group ${context.flavor.major}.x`;
			context.sandbox().resetStats();
			const answers = {
				first: await postGroupName(baseUrl, name),
				second: await postGroupName(baseUrl, name),
				blank: await postGroupName(baseUrl, ' '),
				sandboxAnswered: vendorStatuses(context.sandbox(), WEBHOOK_EXAMPLE.vendor),
			};
			expect(answers).toEqual({
				first: { status: 201, body: expect.objectContaining({ outcome: 'created', name }) },
				second: { status: 409, body: expect.objectContaining({ outcome: 'conflict', name }) },
				blank: { status: 400, body: expect.objectContaining({ error: expect.any(String) }) },
				sandboxAnswered: [201, 409], // nothing was sent for the blank name
			});
			expect(webhookVendorCase().groupNames(context.sandbox()).filter((held) => held === name)).toHaveLength(1);
		});

		describeCredentialTests(context, sessionOf);
	});
}
