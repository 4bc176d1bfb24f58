/** The harness itself, proven on a probe node against a local server: auth, tokens, routing, errors, logs. */
import type { IDataObject } from 'n8n-workflow';

import { ProbeBasicApi, ProbeKeyApi, ProbeSessionApi, ProbeTokenApi } from './fixtures/probe-credentials';
import { HarnessProbe } from './fixtures/probe-node';
import { API_KEY, BEARER_TOKEN, SESSION_PASSWORD, SESSION_USER, startProbeServer } from './fixtures/probe-server';
import type { ProbeServer } from './fixtures/probe-server';
import { runLoadOptions, runWorkflow } from './index';
import type { CredentialStore, HarnessNode, RunOptions } from './index';

const credentialTypes = [new ProbeTokenApi(), new ProbeBasicApi(), new ProbeKeyApi(), new ProbeSessionApi()];

let server: ProbeServer;

beforeAll(async () => {
	server = await startProbeServer();
});

afterAll(async () => {
	await server.close();
});

beforeEach(() => {
	server.seen.length = 0;
});

const rows = (...names: string[]): IDataObject[] => names.map((name, index) => ({ name, row: index }));

function tokenRun(items: IDataObject[], node: Partial<HarnessNode> = {}): RunOptions {
	return {
		node: {
			type: HarnessProbe,
			parameters: { authentication: 'token' },
			credentials: { probeTokenApi: 'Probe token' },
			...node,
		},
		items,
		credentialTypes,
		credentials: { probeTokenApi: { token: BEARER_TOKEN, baseUrl: server.baseUrl } },
	};
}

function sessionStore(): CredentialStore {
	return { probeSessionApi: { username: SESSION_USER, password: SESSION_PASSWORD, baseUrl: server.baseUrl } };
}

function sessionRun(items: IDataObject[], credentials: CredentialStore): RunOptions {
	return {
		node: {
			type: new HarnessProbe(),
			parameters: { authentication: 'session' },
			credentials: { probeSessionApi: 'Probe session' },
		},
		items,
		credentialTypes,
		credentials,
	};
}

const groupRequests = () => server.seen.filter((request) => request.path === '/groups');

describe('runWorkflow through n8n-core', () => {
	it('sends the header resolved from the generic authenticate expression', async () => {
		const result = await runWorkflow(tokenRun(rows('a', 'b')));

		expect(result.error).toBeUndefined();
		expect(groupRequests().map((request) => request.authorization)).toEqual([
			`Bearer ${BEARER_TOKEN}`,
			`Bearer ${BEARER_TOKEN}`,
		]);
	});

	it('applies generic auth and qs sections, with credential defaults and expressions resolved', async () => {
		const run = (tenant?: string) =>
			runWorkflow({
				node: { type: HarnessProbe, parameters: { authentication: 'basic' }, credentials: { probeBasicApi: 'Basic' } },
				items: rows('a'),
				credentialTypes,
				credentials: {
					probeBasicApi: { user: SESSION_USER, password: SESSION_PASSWORD, baseUrl: server.baseUrl, ...(tenant ? { tenant } : {}) },
				},
			});

		expect((await run()).error).toBeUndefined();
		expect((await run('={{ "acme" + "-eu" }}')).error).toBeUndefined();

		const basic = `Basic ${Buffer.from(`${SESSION_USER}:${SESSION_PASSWORD}`).toString('base64')}`;
		expect(groupRequests()).toEqual([
			expect.objectContaining({ authorization: basic, query: { tenant: 'default-tenant' } }),
			expect.objectContaining({ authorization: basic, query: { tenant: 'acme-eu' } }),
		]);
	});

	it('applies a function-form authenticate', async () => {
		const result = await runWorkflow({
			node: { type: HarnessProbe, parameters: { authentication: 'key' }, credentials: { probeKeyApi: 'Key' } },
			items: rows('a'),
			credentialTypes,
			credentials: { probeKeyApi: { apiKey: API_KEY, baseUrl: server.baseUrl } },
		});

		expect(result.outputs[0]).toHaveLength(1);
		expect(groupRequests()[0].apiKey).toBe(API_KEY);
	});

	it('routes items to the Created and Conflict outputs with their pairedItem', async () => {
		const result = await runWorkflow(tokenRun(rows('a', 'taken', 'b')));

		expect(result.outputs).toHaveLength(2);
		expect(result.outputs[0]).toEqual([
			{ json: { outcome: 'created', name: 'a', id: 'g-a' }, pairedItem: { item: 0 } },
			{ json: { outcome: 'created', name: 'b', id: 'g-b' }, pairedItem: { item: 2 } },
		]);
		expect(result.outputs[1]).toEqual([{ json: { outcome: 'conflict', name: 'taken' }, pairedItem: { item: 1 } }]);
	});

	it('fetches a session token once for many requests and keeps it in the store', async () => {
		const credentials = sessionStore();
		const issuedBefore = server.sessionsIssued();

		const result = await runWorkflow(sessionRun(rows('a', 'b', 'c', 'd'), credentials));

		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toHaveLength(4);
		expect(result.preAuthentications).toEqual({ probeSessionApi: 1 });
		expect(server.sessionsIssued() - issuedBefore).toBe(1);
		expect(new Set(groupRequests().map((request) => request.authorization))).toEqual(
			new Set([`Session session-${server.sessionsIssued()}`]),
		);
		expect(credentials.probeSessionApi.sessionToken).toBe(`session-${server.sessionsIssued()}`);
	});

	it('reuses a stored token in the next run and fetches a new one after a 401', async () => {
		const credentials = sessionStore();
		await runWorkflow(sessionRun(rows('a'), credentials));

		const reused = await runWorkflow(sessionRun(rows('b', 'c'), credentials));
		expect(reused.preAuthentications).toEqual({});

		server.expireSessions();
		server.seen.length = 0;
		const renewed = await runWorkflow(sessionRun(rows('d', 'e'), credentials));

		expect(renewed.error).toBeUndefined();
		expect(renewed.outputs[0].map((item) => item.json.name)).toEqual(['d', 'e']);
		expect(renewed.preAuthentications).toEqual({ probeSessionApi: 1 });
		// First /groups got a 401, then /session, then the retry and the second item with the new token.
		const paths = server.seen.map((request) => request.path);
		expect(paths).toEqual(['/groups', '/session', '/groups', '/groups']);
		expect(credentials.probeSessionApi.sessionToken).toBe(`session-${server.sessionsIssued()}`);
	});

	it('starts clean with a fresh credential record', async () => {
		await runWorkflow(sessionRun(rows('a'), sessionStore()));
		const again = await runWorkflow(sessionRun(rows('b'), sessionStore()));
		expect(again.preAuthentications).toEqual({ probeSessionApi: 1 });
	});

	it('adds the error output under continueErrorOutput and merges failed items into their input row', async () => {
		const result = await runWorkflow(tokenRun(rows('a', 'boom', 'taken'), { onError: 'continueErrorOutput' }));

		expect(result.error).toBeUndefined();
		expect(result.outputs).toHaveLength(3);
		expect(result.outputs[0]).toEqual([
			{ json: { outcome: 'created', name: 'a', id: 'g-a' }, pairedItem: { item: 0 } },
		]);
		expect(result.outputs[1]).toEqual([{ json: { outcome: 'conflict', name: 'taken' }, pairedItem: { item: 2 } }]);
		expect(result.outputs[2]).toEqual([
			{
				json: {
					name: 'boom',
					row: 1,
					error: 'Could not create group "boom" (HTTP 500)',
					details: { httpCode: '500', name: 'boom' },
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('keeps failed items on output 0 under continueRegularOutput', async () => {
		const result = await runWorkflow(tokenRun(rows('boom'), { onError: 'continueRegularOutput' }));

		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toEqual([
			{
				json: { error: 'Could not create group "boom" (HTTP 500)', details: { httpCode: '500', name: 'boom' } },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('surfaces a thrown NodeOperationError as the error under stopWorkflow', async () => {
		const result = await runWorkflow(tokenRun(rows('a', 'boom')));

		// n8n stores a plain copy of the error in the run data ({ ...error, message, stack }), not the instance.
		expect(result.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'Could not create group "boom" (HTTP 500)',
			context: { itemIndex: 1 },
		});
		expect(result.outputs).toEqual([]);
		expect(result.runData.resultData.error?.message).toBe('Could not create group "boom" (HTTP 500)');
	});

	it('captures what n8n and the node log, and the run data serializes without the secrets', async () => {
		const result = await runWorkflow(tokenRun(rows('a')));

		const entries = result.logs.map((line) => JSON.parse(line) as { level: string; message: string; metadata?: IDataObject });
		expect(entries).toContainEqual(
			expect.objectContaining({ level: 'info', message: 'probe: creating group', metadata: { name: 'a', itemIndex: 0 } }),
		);
		// The engine's own messages go through LoggerProxy.
		expect(entries.some((entry) => entry.level === 'debug' && /node/i.test(entry.message))).toBe(true);
		const serialized = JSON.stringify(result.runData) + result.logs.join('\n');
		expect(serialized).not.toContain(BEARER_TOKEN);
	});

	it('rejects a typeVersion the node does not have', async () => {
		await expect(runWorkflow(tokenRun(rows('a'), { typeVersion: 3 }))).rejects.toThrow(/no version 3/);
	});
});

describe('runLoadOptions through LoadOptionsContext', () => {
	it('calls the method with working credentials and authentication', async () => {
		const credentials = sessionStore();
		// Outside an execution n8n still resolves expressions in credential data.
		credentials.probeSessionApi.baseUrl = `={{ "${server.baseUrl}" }}`;
		const options = await runLoadOptions({
			node: { type: HarnessProbe, parameters: { authentication: 'session' }, credentials: { probeSessionApi: 'S' } },
			method: 'listGroups',
			credentialTypes,
			credentials,
		});

		expect(options).toEqual([
			{ name: 'Admins', value: '7' },
			{ name: 'Staff', value: '8' },
		]);
		expect(groupRequests()[0].authorization).toMatch(/^Session session-\d+$/);
	});
});
