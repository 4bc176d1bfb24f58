/**
 * Scenario 4, two credentials side by side: tenant A's and tenant B's runs at once on one worker, each
 * through Invisible Collector (two accounts), Capillary with a key/secret (two clients, tokens
 * expired mid-way so both refresh at once) and HelloID (two company keys). Every request must carry
 * the credential of the run that sent it: read from the sandbox's record of each request (Capillary's
 * `tokenClient` says which client a token was issued to).
 */
import { createHash } from 'node:crypto';

import { CAP_CLIENT_KEY, CAP_TOKEN_PATH } from '../../sandbox/vendors/capillary';
import { HELLOID_API_KEY } from '../../sandbox/vendors/helloId';
import { IC_DEFAULT_TOKEN } from '../../sandbox/vendors/invisibleCollector';
import type { RecordedRequest } from '../../sandbox/types';
import { waitFor, workerExecutions } from './cluster';
import type { RestSession } from '../n8n/rest-session';
import { nodeOutputs } from './executions';
import { BRANCH_NODES, startRows } from './fixtures';
import { KNOBS } from './knobs';
import { recordFigure } from './figures';
import type { ScaleContext } from './scale-context';
import { SCALE_WORKFLOWS, TENANT_B } from './scale-workflows';

type Tenant = 'A' | 'B';

const EXPECTED = {
	A: { icToken: IC_DEFAULT_TOKEN, capKey: CAP_CLIENT_KEY, hidKey: HELLOID_API_KEY },
	B: { icToken: TENANT_B.icToken, capKey: TENANT_B.capClientKey, hidKey: TENANT_B.hidApiKey },
} as const;

/** The tenant a request was sent for, from the group name it carries (`s4-<major>x-<tenant>-...`), if any. */
function tenantOfRequest(request: RecordedRequest): Tenant | undefined {
	const match = /s4-\dx-([AB])-/.exec(`${request.body} ${JSON.stringify(request.query)}`);
	return match ? (match[1] as Tenant) : undefined;
}

const basicUser = (request: RecordedRequest): string | undefined => {
	const header = request.headers.authorization;
	if (header === undefined || !/^basic /i.test(header)) return undefined;
	return Buffer.from(header.slice(6).trim(), 'base64').toString('utf8').split(':')[0];
};

/** The items the tenant runs' vendor nodes sent to Conflict or Failed, one line each. */
async function notCreated(session: RestSession, executionIds: readonly string[]): Promise<string[]> {
	const lines: string[] = [];
	for (const id of executionIds) {
		for (const node of ['Capillary key', 'HelloID']) {
			const outputs = await nodeOutputs(session, id, node).catch((error: unknown) => [[], [{ readError: String(error) }]]);
			outputs.slice(1).forEach((items, output) => {
				for (const json of items) lines.push(`execution ${id}, ${node} → ${BRANCH_NODES[output + 1]}: ${JSON.stringify(json)}`);
			});
		}
	}
	return lines;
}

const fingerprint = (secret: string): string => createHash('sha256').update(secret).digest('hex').slice(0, 8);

export function describeTwoCredentials(context: ScaleContext): void {
	test(`${KNOBS.tenantRuns} runs per tenant at once on one worker: every request carries its own tenant's credential`, async () => {
		const { sandbox, cluster, instance, session } = context.env();
		const label = context.flavor.label;
		sandbox.vendors.invisibleCollector.addAccount(TENANT_B.icToken, 'Tenant B');
		sandbox.configure('capillary', { clients: [{ key: TENANT_B.capClientKey, secret: TENANT_B.capClientSecret }] });
		sandbox.configure('helloId', { extraKeys: [{ apiKey: TENANT_B.hidApiKey, apiSecret: TENANT_B.hidApiSecret }] });
		const worker = await cluster.addWorker({ concurrency: 10 });
		sandbox.resetStats();
		const tag = `s4-${context.flavor.major}x`;
		const runs = (tenant: Tenant) =>
			Array.from({ length: KNOBS.tenantRuns }, (_, run) => Array.from({ length: 3 }, (__, row) => `${tag}-${tenant}-${run}-${row}`));
		const workflows = { A: SCALE_WORKFLOWS.tenantA, B: SCALE_WORKFLOWS.tenantB };
		const fire = (tenant: Tenant, rows: string[]) => startRows(instance.baseUrl, workflows[tenant].path, rows);
		const batches = { A: runs('A'), B: runs('B') };
		const half = Math.floor(KNOBS.tenantRuns / 2);
		const send = async (from: number, to: number) => {
			const answers = await Promise.all(
				batches.A.slice(from, to).flatMap((rows, index) => [fire('A', rows), fire('B', batches.B[from + index])]),
			);
			expect(answers.every((answer) => answer.status === 200)).toBe(true);
		};
		const finished = () => workerExecutions(worker, 'finished', workflows.A.fixture.id).length + workerExecutions(worker, 'finished', workflows.B.fixture.id).length;
		await send(0, half);
		// Both tenants' tokens expire while runs are under way: both refresh at once.
		await waitFor('some runs to finish', 5 * 60_000, () => finished() >= Math.min(4, half));
		sandbox.vendors.capillary.expireTokens();
		await send(half, KNOBS.tenantRuns);
		await waitFor('every run to finish', 10 * 60_000, () => finished() >= KNOBS.tenantRuns * 2, 100);

		const problems: string[] = [];
		const checked = { invisibleCollector: 0, capillary: 0, helloId: 0 };
		const capillary = sandbox.vendors.capillary;
		for (const request of sandbox.requests) {
			const tenant = tenantOfRequest(request);
			if (tenant === undefined) continue;
			const expected = EXPECTED[tenant];
			const where = `${request.vendor} ${request.method} ${request.path} for tenant ${tenant}`;
			if (request.vendor === 'invisibleCollector') {
				checked.invisibleCollector++;
				const sent = String(request.headers.authorization ?? request.headers['x-api-token'] ?? '');
				if (!sent.includes(expected.icToken)) problems.push(`${where} carried a token with fingerprint ${fingerprint(sent)}`);
			} else if (request.vendor === 'capillary' && request.path !== CAP_TOKEN_PATH) {
				checked.capillary++;
				const token = String(request.headers['x-cap-api-oauth-token'] ?? '');
				const owner = capillary.tokenClient(token);
				if (owner !== expected.capKey) problems.push(`${where} carried a token of ${owner ?? 'nobody'}`);
			} else if (request.vendor === 'helloId') {
				checked.helloId++;
				const user = basicUser(request);
				if (user !== expected.hidKey) problems.push(`${where} carried the key of ${user === TENANT_B.hidApiKey ? 'tenant B' : user === HELLOID_API_KEY ? 'tenant A' : 'nobody known'}`);
			}
		}
		expect(problems).toEqual([]);
		// At least one request per run and vendor (HelloID sends a run's rows in one batch).
		expect(checked.invisibleCollector).toBeGreaterThanOrEqual(KNOBS.tenantRuns * 2);
		expect(checked.capillary).toBeGreaterThanOrEqual(KNOBS.tenantRuns * 2);
		expect(checked.helloId).toBeGreaterThanOrEqual(KNOBS.tenantRuns * 2);
		// Every group exists once, created with its own tenant's credential.
		const names = [...batches.A.flat(), ...batches.B.flat()];
		const counts = names.map((name) => ({ name, capillary: capillary.countGroups(name), helloId: sandbox.vendors.helloId.countGroups(name) }));
		const wrong = counts.filter((count) => count.capillary !== 1 || count.helloId !== 1);
		if (wrong.length > 0) {
			// Say what the nodes made of those rows, so a failure names its cause.
			const executionIds = [workflows.A, workflows.B].flatMap((wf) => workerExecutions(worker, 'finished', wf.fixture.id));
			context.log(`Rows not created once: ${JSON.stringify(wrong)}; what the nodes sent elsewhere:\n${(await notCreated(session, executionIds)).join('\n')}`);
		}
		expect(wrong).toEqual([]);
		for (const tenant of ['A', 'B'] as const) {
			const names = batches[tenant].flat();
			const token = EXPECTED[tenant].icToken;
			expect(names.filter((name) => sandbox.vendors.invisibleCollector.countGroups(name, token) !== 1)).toEqual([]);
		}
		recordFigure(
			`${label}, scenario 4: ${KNOBS.tenantRuns * 2} runs of two tenants at once on one worker (tokens expired mid-way); requests checked: ` +
				`Invisible Collector ${checked.invisibleCollector}, Capillary ${checked.capillary}, ` +
				`HelloID ${checked.helloId}; none carried the other tenant's credential`,
		);
		await cluster.stopWorkers();
	});
}
