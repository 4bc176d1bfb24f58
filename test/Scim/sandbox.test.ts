/** The SCIM sandbox itself, over HTTP: what scimmy answers, so the node tests stand on a real implementation. */
import { SCIM_DEFAULT_TOKEN } from '../sandbox/vendors/scim';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

const call = async (method: string, path: string, body?: unknown, token = SCIM_DEFAULT_TOKEN) => {
	const answer = await fetch(`${sandbox.baseUrl('scim')}${path}`, {
		method,
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
};

describe('SCIM sandbox (scimmy + scimmy-routers)', () => {
	it('creates with 201 and refuses the same displayName with 409 uniqueness, unless uniqueNames is off', async () => {
		const first = await call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Twice' });
		expect(first.status).toBe(201);
		expect(first.body).toMatchObject({ schemas: [GROUP_SCHEMA], displayName: 'Twice', meta: { resourceType: 'Group' } });

		const second = await call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Twice' });
		expect(second).toEqual({ status: 409, body: expect.objectContaining({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' }) });

		sandbox.configure('scim', { uniqueNames: false });
		expect((await call('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Twice' })).status).toBe(201);
		expect(sandbox.vendors.scim.countGroups('Twice')).toBe(2);
		expect(() => sandbox.vendors.scim.addGroup('Twice')).not.toThrow();
		sandbox.configure('scim', { uniqueNames: true });
		expect(() => sandbox.vendors.scim.addGroup('Twice')).toThrow();
	});

	it('validates the body with scimmy: a Group without displayName is 400', async () => {
		const answer = await call('POST', '/Groups', { schemas: [GROUP_SCHEMA] });
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '400' });
	});

	it('pages 1-based with startIndex and count, and filters with eq', async () => {
		for (let index = 0; index < 5; index++) sandbox.vendors.scim.addGroup(`g${index}`);
		const page = await call('GET', '/Groups?startIndex=2&count=2');
		expect(page.body).toMatchObject({ totalResults: 5, startIndex: 2, itemsPerPage: 2 });
		expect((page.body.Resources as { displayName: string }[]).map((group) => group.displayName)).toEqual(['g1', 'g2']);
		const filtered = await call('GET', `/Groups?filter=${encodeURIComponent('displayName eq "g3"')}`);
		expect((filtered.body.Resources as { displayName: string }[]).map((group) => group.displayName)).toEqual(['g3']);
	});

	it('answers 401 with a SCIM error to a wrong token', async () => {
		const answer = await call('GET', '/Groups', undefined, 'wrong');
		expect(answer).toEqual({ status: 401, body: expect.objectContaining({ schemas: [ERROR_SCHEMA], status: '401' }) });
	});
});
