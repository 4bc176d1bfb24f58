import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { useSandbox } from '../support/use-sandbox';
import { startSandbox } from './server';
import type { Sandbox } from './types';
import { IC_DEFAULT_COMPANY, IC_DEFAULT_TOKEN } from './vendors/invisibleCollector';

const IC = '/invisible-collector';
const JSON_TYPE = { 'content-type': 'application/json' };

interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	json: () => unknown;
}

const sandbox = useSandbox();
const agent = new Agent({ keepAliveTimeout: 10_000 });

async function call(
	method: Dispatcher.HttpMethod,
	path: string,
	init: { token?: string | null; body?: string; headers?: Record<string, string>; timeoutMs?: number; on?: Sandbox } = {},
): Promise<Reply> {
	const token = init.token === undefined ? IC_DEFAULT_TOKEN : init.token;
	const headers: Record<string, string> = { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...init.headers };
	const res = await request((init.on ?? sandbox).url + path, {
		method,
		headers,
		body: init.body,
		dispatcher: agent,
		signal: init.timeoutMs === undefined ? undefined : AbortSignal.timeout(init.timeoutMs),
	});
	const text = await res.body.text();
	return { status: res.statusCode, headers: res.headers, text, json: () => JSON.parse(text) };
}

const createGroup = (name: unknown, init: { token?: string | null; on?: Sandbox } = {}): Promise<Reply> =>
	call('POST', `${IC}/groups`, { ...init, body: JSON.stringify({ name }), headers: JSON_TYPE });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > end) throw new Error('condition not met in time');
		await sleep(10);
	}
}

afterAll(async () => await agent.close());

describe('core', () => {
	it('mounts IC under its prefix and answers unknown paths with 404 JSON', async () => {
		expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sandbox.baseUrl('invisibleCollector')).toBe(`${sandbox.url}${IC}`);
		const reply = await call('GET', '/nowhere/groups');
		expect(reply.status).toBe(404);
		expect(reply.json()).toEqual({ code: 404, message: 'Not Found' });
		expect(sandbox.requests[0]).toMatchObject({ vendor: null, path: '/nowhere/groups', status: 404 });
	});

	it('records every request with vendor, relative path, query, lower-case headers and raw body', async () => {
		const before = Date.now();
		await call('POST', `${IC}/groups?a=1&a=2&b=x%20y`, { body: '{"name":"Rec"}', headers: { 'Content-Type': 'application/json', 'X-Trace': 'T1' } });
		expect(sandbox.requests).toHaveLength(1);
		const [record] = sandbox.requests;
		expect(record).toMatchObject({
			vendor: 'invisibleCollector',
			method: 'POST',
			path: '/groups',
			query: { a: ['1', '2'], b: 'x y' },
			body: '{"name":"Rec"}',
			status: 201,
			fault: null,
		});
		expect(record.headers['x-trace']).toBe('T1');
		expect(record.headers['content-type']).toBe('application/json');
		expect(record.receivedAt).toBeGreaterThanOrEqual(before);
		expect(record.receivedAt).toBeLessThanOrEqual(Date.now());
	});

	it('summarises base URLs and default credentials', () => {
		const summary = sandbox.summary();
		expect(summary.url).toBe(sandbox.url);
		expect(summary.vendors.invisibleCollector).toEqual({ baseUrl: `${sandbox.url}${IC}`, apiToken: IC_DEFAULT_TOKEN });
	});

	it('rejects unknown vendors and bad options at the type level and at runtime', () => {
		// @ts-expect-error not a vendor
		expect(() => sandbox.baseUrl('nobody')).toThrow(/unknown vendor/);
		// @ts-expect-error not a duplicate mode
		expect(() => sandbox.configure('invisibleCollector', { duplicate: '500' })).toThrow(RangeError);
		expect(() => sandbox.setLatency(-1)).toThrow(RangeError);
		expect(() => sandbox.setRateLimit({ perSecond: 0.5 })).toThrow(RangeError);
		expect(() => sandbox.inject({ fault: { type: 'delay', ms: Number.NaN } })).toThrow(RangeError);
	});
});

describe('reset between tests', () => {
	it('drops a request still held by a delay fault when the sandbox is reset, instead of carrying it out afterwards', async () => {
		sandbox.inject({ vendor: 'invisibleCollector', method: 'POST', path: '/groups', fault: { type: 'delay', ms: 300 } });
		const held = call('POST', `${IC}/groups`, { body: JSON.stringify({ name: 'Late' }), headers: JSON_TYPE }).catch((error: unknown) => error);
		await new Promise((resolve) => setTimeout(resolve, 100));
		sandbox.reset();
		// No answer: the socket is closed (an Error of undici's realm, so checked by shape).
		expect(await held).toEqual(expect.objectContaining({ message: expect.any(String) }));
		expect(await held).not.toHaveProperty('status');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(sandbox.vendors.invisibleCollector.countGroups('Late')).toBe(0);
	});
});

describe('Invisible Collector', () => {
	const ic = () => sandbox.vendors.invisibleCollector;

	it('creates a group (201, string id) and lists it', async () => {
		const created = await createGroup('Sales');
		expect(created.status).toBe(201);
		const group = created.json() as { id: string; name: string };
		expect(group).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Sales' });
		expect(ic().countGroups('Sales')).toBe(1);

		const list = await call('GET', `${IC}/groups`);
		expect(list.status).toBe(200);
		expect(list.json()).toEqual([group]);
	});

	it('answers GET /companies with the company of the token', async () => {
		const reply = await call('GET', `${IC}/companies`);
		expect(reply.status).toBe(200);
		expect(reply.json()).toEqual(IC_DEFAULT_COMPANY);
	});

	it.each([
		['missing', null],
		['unknown', 'f'.repeat(64)],
	])('answers 401 for a %s token without touching state', async (_label, token) => {
		for (const reply of [await call('GET', `${IC}/companies`, { token }), await createGroup('X', { token })]) {
			expect(reply.status).toBe(401);
			expect(reply.json()).toEqual({ code: 401, message: 'Credentials are required to access this resource' });
		}
		expect(ic().countGroups('X')).toBe(0);
	});

	it('accepts the Bearer scheme case-insensitively but not other schemes', async () => {
		expect((await call('GET', `${IC}/companies`, { token: null, headers: { authorization: `bearer ${IC_DEFAULT_TOKEN}` } })).status).toBe(200);
		expect((await call('GET', `${IC}/companies`, { token: null, headers: { authorization: `Basic ${IC_DEFAULT_TOKEN}` } })).status).toBe(401);
	});

	it('keeps each account a separate company with its own groups', async () => {
		const other = 'a'.repeat(64);
		const company = ic().addAccount(other, 'Other Co');
		await createGroup('Shared');
		expect((await createGroup('Shared', { token: other })).status).toBe(201);
		expect((await call('GET', `${IC}/companies`, { token: other })).json()).toEqual(company);
		expect(ic().groupsOf(other)).toHaveLength(1);
		expect(ic().groupsOf()).toHaveLength(1);
	});

	it.each([
		['invalid JSON', '{"name":'],
		['a missing name', '{}'],
		['a blank name', '{"name":"   "}'],
		['a non-string name', '{"name":42}'],
		['an array body', '[{"name":"A"}]'],
	])('answers 422 for %s with a message that does not claim a duplicate', async (_label, body) => {
		const reply = await call('POST', `${IC}/groups`, { body, headers: JSON_TYPE });
		expect(reply.status).toBe(422);
		const error = reply.json() as { code: number; message: string };
		expect(error.code).toBe(422);
		expect(error.message).not.toMatch(/exist|already/i);
		expect(ic().groupsOf()).toEqual([]);
	});

	it('answers 415 when the body is not declared as JSON', async () => {
		const reply = await call('POST', `${IC}/groups`, { body: '{"name":"A"}', headers: { 'content-type': 'text/plain' } });
		expect(reply.status).toBe(415);
		expect(ic().groupsOf()).toEqual([]);
	});

	it('matches duplicate names exactly and case-sensitively', async () => {
		await createGroup('Team');
		expect((await createGroup('team')).status).toBe(201);
		expect((await createGroup('Team ')).status).toBe(201);
		expect((await createGroup('Team')).status).toBe(409);
		expect(ic().countGroups('Team')).toBe(1);
	});

	it.each([
		['409', 409, (id: string) => ({ code: 409, message: 'Group already registered', gid: id })],
		['409-id', 409, (id: string) => ({ code: 409, message: 'Group already registered', id })],
		['409-no-gid', 409, () => ({ code: 409, message: 'Group already registered' })],
		['422', 422, () => ({ code: 422, message: 'A group with the given name already exists' })],
	] as const)('answers a duplicate in mode %s', async (mode, status, expected) => {
		sandbox.configure('invisibleCollector', { duplicate: mode });
		const { id } = (await createGroup('Dup')).json() as { id: string };
		const reply = await createGroup('Dup');
		expect(reply.status).toBe(status);
		expect(reply.json()).toEqual(expected(id));
		expect(ic().countGroups('Dup')).toBe(1);
	});

	it('takes duplicate mode and extra accounts from start options, and reset() returns to them', async () => {
		const other = 'b'.repeat(64);
		const own = await startSandbox({ vendors: { invisibleCollector: { duplicate: '422', accounts: [{ token: other, name: 'B' }] } } });
		try {
			expect((await createGroup('G', { token: other, on: own })).status).toBe(201);
			expect((await createGroup('G', { token: other, on: own })).status).toBe(422);
			own.configure('invisibleCollector', { duplicate: '409' });
			own.vendors.invisibleCollector.addAccount('c'.repeat(64));
			own.reset();
			expect(own.vendors.invisibleCollector.options.duplicate).toBe('422');
			expect(own.vendors.invisibleCollector.companyOf(other)?.name).toBe('B');
			expect(own.vendors.invisibleCollector.companyOf('c'.repeat(64))).toBeUndefined();
			expect(own.vendors.invisibleCollector.groupsOf(other)).toEqual([]);
		} finally {
			await own.close();
		}
	});
});

describe('faults', () => {
	const ic = () => sandbox.vendors.invisibleCollector;

	it('status: answers with the given status, headers and JSON body before auth, without touching state', async () => {
		sandbox.inject({ vendor: 'invisibleCollector', fault: { type: 'status', status: 503, headers: { 'retry-after': '2' }, body: { error: 'busy' } } });
		const reply = await createGroup('F', { token: null });
		expect(reply.status).toBe(503);
		expect(reply.headers['retry-after']).toBe('2');
		expect(reply.headers['content-type']).toMatch(/^application\/json/);
		expect(reply.json()).toEqual({ error: 'busy' });
		expect(ic().countGroups('F')).toBe(0);
		expect(sandbox.requests[0]).toMatchObject({ fault: 'status', status: 503 });
		expect((await createGroup('F')).status).toBe(201); // used up
	});

	it('status: sends a string body as is, and nothing when there is no body', async () => {
		sandbox.inject({ times: 2, fault: { type: 'status', status: 500, body: 'oops' } });
		sandbox.inject({ fault: { type: 'status', status: 502 } });
		expect((await call('GET', `${IC}/groups`)).text).toBe('oops');
		expect((await call('GET', `${IC}/groups`)).text).toBe('oops');
		const empty = await call('GET', `${IC}/groups`);
		expect([empty.status, empty.text]).toEqual([502, '']);
		expect(sandbox.pendingFaults).toBe(0);
	});

	it('matches by vendor, method and path substring, in FIFO order', async () => {
		sandbox.inject({ method: 'post', path: '/groups', fault: { type: 'status', status: 500 } });
		sandbox.inject({ path: '/companies', fault: { type: 'status', status: 501 } });
		sandbox.inject({ path: '/groups', fault: { type: 'status', status: 502 } });
		expect((await call('GET', `${IC}/companies`)).status).toBe(501);
		expect((await call('GET', `${IC}/groups`)).status).toBe(502);
		expect((await call('GET', `${IC}/groups`)).status).toBe(200);
		expect((await createGroup('M')).status).toBe(500);
		expect(sandbox.pendingFaults).toBe(0);
	});

	it('applied: creates the group, then answers the given status instead; a second create sees the conflict', async () => {
		sandbox.inject({ path: '/groups', fault: { type: 'applied', status: 504, body: { message: 'gateway timeout' } } });
		const reply = await createGroup('Applied');
		expect(reply.status).toBe(504);
		expect(reply.json()).toEqual({ message: 'gateway timeout' });
		expect(ic().countGroups('Applied')).toBe(1);
		expect(sandbox.requests[0]).toMatchObject({ fault: 'applied', status: 504 });
		expect((await createGroup('Applied')).status).toBe(409);
		expect(ic().countGroups('Applied')).toBe(1);
	});

	it('applied: a request the vendor refuses is refused, and still answered with the given status', async () => {
		sandbox.inject({ path: '/groups', fault: { type: 'applied', status: 500 } });
		const reply = await createGroup('Refused', { token: null });
		expect([reply.status, reply.text]).toEqual([500, '']);
		expect(ic().countGroups('Refused')).toBe(0);
	});

	it('reset before: drops the connection and creates nothing', async () => {
		sandbox.inject({ path: '/groups', fault: { type: 'reset', when: 'before' } });
		await expect(createGroup('Before')).rejects.toThrow();
		expect(ic().countGroups('Before')).toBe(0);
		expect(sandbox.requests[0]).toMatchObject({ fault: 'reset', status: null, body: '{"name":"Before"}' });
		expect((await createGroup('Before')).status).toBe(201);
	});

	it('reset after: creates the group, then drops the connection; a retry sees the conflict', async () => {
		sandbox.inject({ method: 'POST', fault: { type: 'reset', when: 'after' } });
		await expect(createGroup('After')).rejects.toThrow();
		expect(ic().countGroups('After')).toBe(1);
		const [created] = ic().groupsOf();
		const retry = await createGroup('After');
		expect(retry.status).toBe(409);
		expect(retry.json()).toMatchObject({ gid: created.id });
		expect(ic().countGroups('After')).toBe(1);
	});

	it('delay: holds the request; the group is still created after the client gave up', async () => {
		sandbox.inject({ fault: { type: 'delay', ms: 300 } });
		const started = Date.now();
		await expect(
			call('POST', `${IC}/groups`, { body: '{"name":"Slow"}', headers: JSON_TYPE, timeoutMs: 100 }),
		).rejects.toMatchObject({ name: 'TimeoutError' });
		expect(Date.now() - started).toBeLessThan(300);
		expect(ic().countGroups('Slow')).toBe(0);
		await waitFor(() => ic().countGroups('Slow') === 1);
		expect(sandbox.requests[0].status).toBeNull();
		await waitFor(() => sandbox.inFlight === 0);
	});

	it('delay: answers normally when the client waits', async () => {
		sandbox.inject({ fault: { type: 'delay', ms: 150 } });
		const started = Date.now();
		expect((await createGroup('Patient')).status).toBe(201);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('html: answers an HTML error page', async () => {
		sandbox.inject({ fault: { type: 'html', status: 502 } });
		const reply = await createGroup('H');
		expect(reply.status).toBe(502);
		expect(reply.headers['content-type']).toMatch(/^text\/html/);
		expect(reply.text).toContain('<title>502 Bad Gateway</title>');
		expect(ic().countGroups('H')).toBe(0);
	});

	it('body: answers a raw body (truncated JSON, empty) without touching state', async () => {
		sandbox.inject({ fault: { type: 'body', status: 201, body: '{"id":"ab' } });
		sandbox.inject({ fault: { type: 'body', status: 200, body: '', contentType: 'text/plain' } });
		const truncated = await createGroup('B');
		expect([truncated.status, truncated.text, truncated.headers['content-type']]).toEqual([201, '{"id":"ab', 'application/json']);
		const empty = await createGroup('B');
		expect([empty.status, empty.text, empty.headers['content-type']]).toEqual([200, '', 'text/plain']);
		expect(ic().countGroups('B')).toBe(0);
	});
});

describe('rate limit', () => {
	const burst = async (n: number): Promise<Reply[]> => {
		const replies: Reply[] = [];
		for (let i = 0; i < n; i++) replies.push(await call('GET', `${IC}/groups`));
		return replies;
	};

	it('answers 429 with Retry-After in seconds beyond the limit, and admits again after that', async () => {
		sandbox.setRateLimit({ perSecond: 3 });
		const replies = await burst(4);
		expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
		const limited = replies[3];
		expect(limited.json()).toEqual({ code: 429, message: 'Too Many Requests' });
		expect(limited.headers['retry-after']).toBe('1');
		expect(sandbox.requests[3].status).toBe(429);
		await sleep(1000 * Number(limited.headers['retry-after']));
		expect((await call('GET', `${IC}/groups`)).status).toBe(200);
	});

	it('answers Retry-After as an HTTP date rounded up to the second when the slot frees', async () => {
		sandbox.setRateLimit({ perSecond: 1, retryAfter: 'http-date' });
		const before = Date.now();
		const [, limited] = await burst(2);
		expect(limited.status).toBe(429);
		const value = String(limited.headers['retry-after']);
		expect(value).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
		const at = Date.parse(value);
		expect(at).toBeGreaterThanOrEqual(before + 1000 - 1000); // rounded up, so never before the slot frees
		expect(at).toBeLessThanOrEqual(Date.now() + 2000);
		await sleep(Math.max(0, at - Date.now()));
		expect((await call('GET', `${IC}/groups`)).status).toBe(200);
	});

	it('can omit Retry-After and limit only one vendor', async () => {
		sandbox.setRateLimit({ perSecond: 1, retryAfter: 'none', vendor: 'invisibleCollector' });
		expect((await call('GET', '/other')).status).toBe(404);
		expect((await call('GET', '/other')).status).toBe(404);
		const [ok, limited] = await burst(2);
		expect([ok.status, limited.status]).toEqual([200, 429]);
		expect(limited.headers['retry-after']).toBeUndefined();
	});

	it('does not touch state on a 429', async () => {
		sandbox.setRateLimit({ perSecond: 1 });
		expect((await createGroup('One')).status).toBe(201);
		expect((await createGroup('Two')).status).toBe(429);
		expect(sandbox.vendors.invisibleCollector.groupsOf().map((g) => g.name)).toEqual(['One']);
	});

	it('is cleared by setRateLimit(null) and by reset()', async () => {
		sandbox.setRateLimit({ perSecond: 1 });
		sandbox.setRateLimit(null);
		expect((await burst(3)).map((r) => r.status)).toEqual([200, 200, 200]);
		sandbox.setRateLimit({ perSecond: 1 });
		sandbox.reset();
		expect((await burst(3)).map((r) => r.status)).toEqual([200, 200, 200]);
	});
});

describe('concurrency, latency, stats', () => {
	it('counts requests in flight and the maximum seen', async () => {
		sandbox.setLatency(150);
		const pending = Array.from({ length: 8 }, (_, i) => createGroup(`P${i}`));
		await waitFor(() => sandbox.inFlight === 8);
		const replies = await Promise.all(pending);
		expect(replies.every((r) => r.status === 201)).toBe(true);
		expect(sandbox.maxInFlight).toBe(8);
		await waitFor(() => sandbox.inFlight === 0);
		sandbox.resetStats();
		expect(sandbox.maxInFlight).toBe(0);
		await createGroup('Solo');
		expect(sandbox.maxInFlight).toBe(1);
	});

	it('adds latency before every answer, including faults', async () => {
		sandbox.setLatency(120);
		let started = Date.now();
		await call('GET', `${IC}/groups`);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		sandbox.inject({ fault: { type: 'status', status: 500 } });
		started = Date.now();
		await call('GET', `${IC}/groups`);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		sandbox.setLatency(0);
		started = Date.now();
		await call('GET', `${IC}/groups`);
		expect(Date.now() - started).toBeLessThan(100);
	});

	it('resetStats clears requests only; reset also clears state, faults and latency', async () => {
		await createGroup('Keep');
		sandbox.inject({ fault: { type: 'status', status: 500 } });
		sandbox.setLatency(50);
		sandbox.resetStats();
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.vendors.invisibleCollector.countGroups('Keep')).toBe(1);
		expect(sandbox.pendingFaults).toBe(1);

		sandbox.reset();
		expect(sandbox.vendors.invisibleCollector.groupsOf()).toEqual([]);
		expect(sandbox.pendingFaults).toBe(0);
		const started = Date.now();
		expect((await call('GET', `${IC}/groups`)).status).toBe(200);
		expect(Date.now() - started).toBeLessThan(50);
	});

	it('clearGroups forgets every vendor\'s groups and the request log, and keeps issued tokens valid', async () => {
		const { vendors } = sandbox;
		await createGroup('Sales');
		vendors.helloId.addGroup('Sales');
		vendors.capillary.addGroup('Sales');
		vendors.taleoLearn.addGroup(178409, { name: 'Sales', code: 'SALES' });
		const tokens = vendors.assembla.issueTokens();
		const bearer = { token: tokens.access_token, headers: JSON_TYPE, body: JSON.stringify({ name: 'Sales' }) };
		expect((await call('POST', '/assembla/v1/groups.json?portfolio=sandbox', bearer)).status).toBe(201);

		sandbox.clearGroups();
		expect(sandbox.requests).toHaveLength(0);
		expect(vendors.invisibleCollector.groupsOf()).toEqual([]);
		expect(vendors.helloId.groups()).toEqual([]);
		expect(vendors.capillary.groups()).toEqual([]);
		expect(vendors.taleoLearn.allGroups()).toEqual([]);
		expect(vendors.assembla.groupsOf()).toEqual([]);
		// The same names are free again, and the access token issued before still signs requests.
		expect((await createGroup('Sales')).status).toBe(201);
		expect((await call('POST', '/assembla/v1/groups.json?portfolio=sandbox', bearer)).status).toBe(201);
	});

	it('serves thousands of keep-alive requests', async () => {
		const total = 3000;
		let next = 0;
		const worker = async (): Promise<void> => {
			while (next < total) {
				const i = next++;
				const reply = await createGroup(`Bulk ${i}`);
				if (reply.status !== 201) throw new Error(`unexpected ${reply.status}`);
			}
		};
		await Promise.all(Array.from({ length: 32 }, worker)); // speed is the benchmarks' business
		expect(sandbox.requests).toHaveLength(total);
		expect(sandbox.vendors.invisibleCollector.groupsOf()).toHaveLength(total);
		expect(sandbox.maxInFlight).toBeLessThanOrEqual(32);
	});
});

describe('lifecycle', () => {
	it('listens on a given port', async () => {
		const probe = await startSandbox();
		const { port } = new URL(probe.url);
		await probe.close();
		const own = await startSandbox({ port: Number(port) });
		try {
			expect(own.url).toBe(`http://127.0.0.1:${port}`);
		} finally {
			await own.close();
		}
	});

	it('close() ends open keep-alive sockets and pending delays promptly, and is idempotent', async () => {
		const own = await startSandbox();
		await call('GET', `${IC}/groups`, { on: own }); // leaves an idle keep-alive socket
		own.inject({ fault: { type: 'delay', ms: 60_000 } });
		const hanging = call('GET', `${IC}/groups`, { on: own });
		await waitFor(() => own.inFlight === 1);
		const started = Date.now();
		await own.close();
		await own.close();
		expect(Date.now() - started).toBeLessThan(1000);
		await expect(hanging).rejects.toThrow();
		await expect(call('GET', `${IC}/groups`, { on: own })).rejects.toThrow();
	});
});
