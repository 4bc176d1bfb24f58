/** The Capillary sandbox module itself, over plain HTTP: the behaviour the node's tests rely on. */
import { createHash } from 'node:crypto';

import { CAP_CLIENT_KEY, CAP_CLIENT_SECRET, CAP_PASSWORD, CAP_USERNAME } from '../sandbox/vendors/capillary';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();
const capillary = () => sandbox.vendors.capillary;

const basic = (password: string) =>
	`Basic ${Buffer.from(`${CAP_USERNAME}:${password}`).toString('base64')}`;
const md5 = createHash('md5').update(CAP_PASSWORD).digest('hex');
const JSON_TYPE = { 'content-type': 'application/json' };

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
	const response = await fetch(`${sandbox.baseUrl('capillary')}${path}`, {
		method: init.method ?? 'GET',
		headers: init.headers,
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const create = (name: unknown, headers: Record<string, string> = { authorization: basic(md5) }) =>
	call('/api_gateway/core/v1/group/create', { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body: { name } });

describe('Capillary sandbox', () => {
	it('accepts Basic only with the md5 of the password, not the password itself', async () => {
		expect((await create('Gold', { authorization: basic(CAP_PASSWORD) })).status).toBe(401);
		expect((await create('Gold', { authorization: basic(md5.toUpperCase()) })).status).toBe(401);
		const created = await create('Gold');
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ id: 2412, orgId: 100737, name: 'Gold', rank: null, isActive: true });
	});

	it('issues tokens that expire, and refuses them afterwards', async () => {
		sandbox.configure('capillary', { tokenTtlSeconds: 42 });
		const refused = await call('/v3/oauth/token/generate', {
			method: 'POST',
			headers: JSON_TYPE,
			body: { key: CAP_CLIENT_KEY, secret: 'nope' },
		});
		expect(refused).toMatchObject({ status: 401, body: { data: null, errors: [{ message: 'Invalid key or secret' }] } });

		const issued = await call('/v3/oauth/token/generate', {
			method: 'POST',
			headers: JSON_TYPE,
			body: { key: CAP_CLIENT_KEY, secret: CAP_CLIENT_SECRET },
		});
		const data = issued.body.data as { accessToken: string; ttlSeconds: number };
		expect(issued.status).toBe(200);
		expect(data.ttlSeconds).toBe(42);
		expect((await create('Gold', { 'x-cap-api-oauth-token': data.accessToken })).status).toBe(200);

		capillary().expireTokens();
		const expired = await create('Silver', { 'x-cap-api-oauth-token': data.accessToken });
		expect(expired).toMatchObject({ status: 401, body: { errors: [{ message: 'Token expired' }] } });
	});

	it('answers a duplicate in the status shape by default and in the errors shape when switched', async () => {
		await create('Gold');
		expect(await create('Gold')).toMatchObject({
			status: 400,
			body: { status: { success: false, code: 12012, message: 'Group name must be unique' } },
		});
		sandbox.configure('capillary', { duplicate: 'errors', duplicateHttpStatus: 409 });
		expect(await create('Gold')).toMatchObject({
			status: 409,
			body: { errors: [{ code: 12012, message: 'Group name must be unique' }] },
		});
		expect(capillary().countGroups('Gold')).toBe(1);
	});

	it('refuses a missing name as "Group name must not be null"', async () => {
		expect(await create(null)).toMatchObject({
			status: 400,
			body: { status: { success: false, code: 400, message: 'Group name must not be null' } },
		});
	});

	it('lists groups by partial name with pagingDto on both paths', async () => {
		for (const name of ['Gold', 'Gold Plus', 'Silver']) capillary().addGroup(name);
		for (const path of ['/api_gateway/core/v1/group', '/api_gateway/rewards/core/v1/group']) {
			const page = await call(`${path}?name=gold&page=0&size=1`, { headers: { authorization: basic(md5) } });
			expect(page.body.groupRoList).toEqual([expect.objectContaining({ name: 'Gold' })]);
			expect(page.body.pagingDto).toMatchObject({ page: 0, size: 1, totalElements: 2, last: false });
		}
	});

	it('limits each key per window with 429 and a Retry-After in whole seconds', async () => {
		sandbox.configure('capillary', { rateLimit: { limit: 2, windowMs: 60_000 } });
		expect((await create('A')).status).toBe(200);
		expect((await create('B')).status).toBe(200);
		const limited = await create('C');
		expect(limited.status).toBe(429);
		const retryAfter = Number(limited.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(59);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(capillary().rateLimited()).toBe(1);
		expect(capillary().countGroups('C')).toBe(0);
	});

	it('serves only the configured path families', async () => {
		sandbox.configure('capillary', { paths: ['rewardsCore'] });
		expect((await create('Gold')).status).toBe(404);
	});
});
