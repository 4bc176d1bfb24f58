/** The Assembla sandbox reads requests the way a Rails server would, so the node's tests mean something. */
import { ClientOAuth2 } from '@n8n/client-oauth2';

import {
	ASSEMBLA_API_KEY,
	ASSEMBLA_API_SECRET,
	ASSEMBLA_CLIENT_ID,
	ASSEMBLA_CLIENT_SECRET,
	parseNestedQuery,
} from '../sandbox/vendors/assembla';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();
const keyHeaders = { 'x-api-key': ASSEMBLA_API_KEY, 'x-api-secret': ASSEMBLA_API_SECRET };

type Body = NonNullable<Parameters<typeof fetch>[1]>['body'];

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: Body } = {}) {
	const response = await fetch(`${sandbox.baseUrl('assembla')}${path}`, {
		method: init.method ?? 'GET',
		headers: { ...keyHeaders, ...init.headers },
		body: init.body,
	});
	return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** A POST whose body has no Content-Type at all (fetch would add text/plain to a string, not to bytes). */
const bare = (body: string) => ({ method: 'POST', body: new TextEncoder().encode(body) });

describe('create', () => {
	const json = { 'content-type': 'application/json' };
	const wrappedBody = '{"group":{"name":"Wrapped","type":"user","items":["u1"]}}';

	it('takes the flat JSON body the page shows and refuses {group: {...}} by default (a group without attributes)', async () => {
		expect((await call('/v1/groups.json?portfolio=sandbox', { method: 'POST', headers: json, body: '{"name":"Flat"}' })).status).toBe(201);
		const wrapped = await call('/v1/groups.json?portfolio=sandbox', { method: 'POST', headers: json, body: wrappedBody });
		expect([wrapped.status, JSON.parse(wrapped.text)]).toEqual([422, { name: ["can't be blank"] }]);
		expect(sandbox.vendors.assembla.groupsOf().map(({ name }) => name)).toEqual(['Flat']);
	});

	it('takes only {group: {...}} with jsonBody "wrapped", and both forms with "both" (Rails params wrapping)', async () => {
		sandbox.configure('assembla', { jsonBody: 'wrapped' });
		const flat = await call('/v1/groups.json?portfolio=sandbox', { method: 'POST', headers: json, body: '{"name":"Flat"}' });
		expect(flat.status).toBe(422);
		const wrapped = await call('/v1/groups.json?portfolio=sandbox', { method: 'POST', headers: json, body: wrappedBody });
		expect(wrapped.status).toBe(201);
		expect(JSON.parse(wrapped.text)).toEqual(expect.objectContaining({ name: 'Wrapped', type: 'user', items: ['u1'] }));
		sandbox.configure('assembla', { jsonBody: 'both' });
		expect((await call('/v1/groups.json?portfolio=sandbox', { method: 'POST', headers: json, body: '{"name":"Flat"}' })).status).toBe(201);
	});

	it('reads a form body without Content-Type or with the form type, and refuses a scalar where a list belongs', async () => {
		expect((await call('/v1/groups.json?portfolio=sandbox', bare('group[name]=A+b&group[items][]=1'))).status).toBe(201);
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		expect((await call('/v1/groups.json?portfolio=sandbox', { method: 'POST', headers: form, body: 'group%5Bname%5D=C' })).status).toBe(201);
		expect(sandbox.vendors.assembla.groupsOf().map(({ name, items }) => ({ name, items }))).toEqual([
			{ name: 'A b', items: ['1'] },
			{ name: 'C', items: [] },
		]);
		const scalar = await call('/v1/groups.json?portfolio=sandbox', bare('group[name]=D&group[items]=1'));
		expect([scalar.status, JSON.parse(scalar.text)]).toEqual([422, { items: ['is invalid'] }]);
	});

	it('has no parameters for a body type Rails cannot read, and 400 for malformed XML', async () => {
		const text = await call('/v1/groups.json?portfolio=sandbox', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
		expect(text.status).toBe(400);
		const xml = { 'content-type': 'application/xml' };
		expect((await call('/v1/groups.xml?portfolio=sandbox', { method: 'POST', headers: xml, body: '<group><name>x</group>' })).status).toBe(400);
	});

	it('answers a taken name (any case) with a Rails errors hash in JSON and full messages in XML', async () => {
		sandbox.vendors.assembla.addGroup('Ops');
		const xml = { 'content-type': 'application/xml' };
		const json = await call('/v1/groups.json?portfolio=sandbox', bare('group[name]=OPS'));
		expect([json.status, JSON.parse(json.text)]).toEqual([422, { name: ['has already been taken'] }]);
		const inXml = await call('/v1/groups.xml?portfolio=sandbox', { method: 'POST', headers: xml, body: '<group><name>oPs</name></group>' });
		expect(inXml.status).toBe(422);
		expect(inXml.text).toContain('<error>Name has already been taken</error>');
	});

	it('answers an unknown portfolio with an empty 404', async () => {
		const response = await call('/v1/groups.json?portfolio=nowhere', bare('group[name]=X'));
		expect([response.status, response.text]).toEqual([404, '']);
	});
});

describe('list', () => {
	it('pages with per_page (capped) and answers an empty page with 204 No Content', async () => {
		sandbox.configure('assembla', { maxPerPage: 2 });
		for (const name of ['a', 'b', 'c']) sandbox.vendors.assembla.addGroup(name);
		const names = async (page: number) => {
			const response = await call(`/v1/groups.json?portfolio=sandbox&page=${page}&per_page=100`);
			return response.status === 204 ? 204 : (JSON.parse(response.text) as Array<{ name: string }>).map((group) => group.name);
		};
		expect([await names(1), await names(2), await names(3)]).toEqual([['a', 'b'], ['c'], 204]);
	});
});

describe('auth', () => {
	it('refuses a wrong secret and an expired token, and refreshes only for the right client', async () => {
		expect((await call('/v1/user.json', { headers: { 'x-api-secret': 'wrong' } })).status).toBe(401);
		expect((await call('/v1/user.json')).status).toBe(200);

		const tokens = sandbox.vendors.assembla.issueTokens();
		const bearer = { authorization: `Bearer ${tokens.access_token}` };
		const asBearer = (path: string) =>
			fetch(`${sandbox.baseUrl('assembla')}${path}`, { headers: bearer }).then((response) => response.status);
		expect(await asBearer('/v1/user.json')).toBe(200);
		sandbox.vendors.assembla.expireAccessTokens();
		expect(await asBearer('/v1/user.json')).toBe(401);

		const refresh = (client: string) =>
			fetch(`${sandbox.baseUrl('assembla')}/token`, {
				method: 'POST',
				headers: { authorization: `Basic ${Buffer.from(client).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
				body: `grant_type=refresh_token&refresh_token=${tokens.refresh_token}`,
			}).then((response) => response.status);
		expect(await refresh(`${ASSEMBLA_CLIENT_ID}:wrong`)).toBe(401);
		expect(await refresh(`${ASSEMBLA_CLIENT_ID}:${ASSEMBLA_CLIENT_SECRET}`)).toBe(200);
		expect(sandbox.vendors.assembla.refreshes).toBe(1);
	});
});

describe('authorization-code flow, as n8n\'s OAuth2 client (the editor\'s Connect) runs it', () => {
	const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
	const client = () =>
		new ClientOAuth2({
			clientId: ASSEMBLA_CLIENT_ID,
			clientSecret: ASSEMBLA_CLIENT_SECRET,
			authorizationUri: `${sandbox.baseUrl('assembla')}/authorization`,
			accessTokenUri: `${sandbox.baseUrl('assembla')}/token`,
			redirectUri: REDIRECT,
			authentication: 'header',
			state: 'csrf-state-1',
			scopes: [],
		});
	const authorize = (uri: string) => fetch(uri, { redirect: 'manual' });

	it('redirects back with a code and the state, exchanges the code once for tokens that work and refresh', async () => {
		const oauth = client();
		const page = await authorize(oauth.code.getUri());
		expect(page.status).toBe(302);
		const back = page.headers.get('location') ?? '';
		expect(back.startsWith(`${REDIRECT}?`)).toBe(true);
		expect(new URL(back).searchParams.get('state')).toBe('csrf-state-1');

		const token = await oauth.code.getToken(back);
		expect(token.tokenType).toBe('bearer');
		const asBearer = (accessToken: string) =>
			fetch(`${sandbox.baseUrl('assembla')}/v1/user.json`, { headers: { authorization: `Bearer ${accessToken}` } }).then((r) => r.status);
		expect(await asBearer(token.accessToken)).toBe(200);

		// The code is spent: a second exchange (a replayed callback) is refused.
		await expect(oauth.code.getToken(back)).rejects.toThrow(/invalid_grant|authorization code/i);

		sandbox.vendors.assembla.expireAccessTokens();
		expect(await asBearer(token.accessToken)).toBe(401);
		const refreshed = await token.refresh();
		expect(await asBearer(refreshed.accessToken)).toBe(200);
		expect(sandbox.vendors.assembla.refreshes).toBe(1);
	});

	it('refuses an unknown client on the authorize page and a code used by another redirect URI', async () => {
		const unknown = new URL(client().code.getUri());
		unknown.searchParams.set('client_id', 'someone-else');
		expect((await authorize(unknown.toString())).status).toBe(400);

		const back = (await authorize(client().code.getUri())).headers.get('location') ?? '';
		const code = new URL(back).searchParams.get('code') ?? '';
		const exchange = await fetch(`${sandbox.baseUrl('assembla')}/token`, {
			method: 'POST',
			headers: {
				authorization: `Basic ${Buffer.from(`${ASSEMBLA_CLIENT_ID}:${ASSEMBLA_CLIENT_SECRET}`).toString('base64')}`,
				'content-type': 'application/x-www-form-urlencoded',
			},
			body: `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent('http://elsewhere.invalid/cb')}`,
		});
		expect(exchange.status).toBe(400);
		expect(await exchange.json()).toMatchObject({ error: 'invalid_grant' });
	});
});

it('parses nested query strings like Rack', () => {
	expect(parseNestedQuery('group[name]=a%20b+c&group[items][]=1&group[items][]=2&x=&y')).toEqual({
		group: { name: 'a b c', items: ['1', '2'] },
		x: '',
		y: '',
	});
});
