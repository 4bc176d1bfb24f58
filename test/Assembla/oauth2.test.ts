/** The OAuth2 credential: Bearer tokens, and n8n's own refresh when Assembla says the access token expired. */
import { ASSEMBLA_CLIENT_ID, ASSEMBLA_CLIENT_SECRET } from '../sandbox/vendors/assembla';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { createRequests, tokenRequests } from './requests';
import { runNode } from '../support/run';
import { sandboxCredential } from '../support/vendors';
import type { CredentialStore } from '../harness';

const sandbox = useSandbox();
const NOT_CONNECTED = 'The Assembla OAuth2 credential is not connected yet: open it and click Connect (n8n 1.x: "Connect my account"), or use an Assembla API key credential';
interface TokenData {
	access_token: string;
	refresh_token: string;
}
const tokenData = (credentials: CredentialStore): TokenData =>
	credentials.assemblaOAuth2Api.oauthTokenData as unknown as TokenData;

it('creates groups with the stored access token as a Bearer header and no API key headers', async () => {
	const credentials = sandboxCredential(sandbox, 'assembla', 'assemblaOAuth2Api');
	const { access_token: accessToken } = tokenData(credentials);
	const result = await runNode(sandbox, 'assembla', {
		items: rows('Alpha', 'Beta'),
		credentialType: 'assemblaOAuth2Api',
		credentials,
		options: { bodyFormat: 'xml' },
	});
	expect(result.error).toBeUndefined();
	expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
	for (const request of createRequests(sandbox)) {
		expect(request.headers.authorization).toBe(`Bearer ${accessToken}`);
		expect(request.headers['x-api-key']).toBeUndefined();
	}
	expect(tokenRequests(sandbox)).toHaveLength(0);
	expect(sandbox.vendors.assembla.groupsOf().map((group) => group.name)).toEqual(['Alpha', 'Beta']);
});

it('refreshes an expired access token once, at the token URL under the Base URL, and still creates every group', async () => {
	sandbox.configure('assembla', { accessTokenTtlMs: 60_000 });
	const credentials = sandboxCredential(sandbox, 'assembla', 'assemblaOAuth2Api');
	const before = tokenData(credentials);
	sandbox.vendors.assembla.expireAccessTokens();

	const result = await runNode(sandbox, 'assembla', {
		items: rows('One', 'Two', 'Three'),
		credentialType: 'assemblaOAuth2Api',
		credentials,
		// One at a time, so the refresh is not raced by parallel requests of this test.
		options: { concurrency: 1 },
	});
	expect(result.error).toBeUndefined();
	expect(jsonOf(result.outputs[0]).map((item) => item.outcome)).toEqual(['created', 'created', 'created']);
	expect(sandbox.vendors.assembla.groupsOf().map((group) => group.name)).toEqual(['One', 'Two', 'Three']);

	// One refresh grant, with the client's id and secret as Basic auth, as Assembla wants them.
	expect(sandbox.vendors.assembla.refreshes).toBe(1);
	const [refresh] = tokenRequests(sandbox);
	expect(refresh.method).toBe('POST');
	expect(refresh.headers.authorization).toBe(
		`Basic ${Buffer.from(`${ASSEMBLA_CLIENT_ID}:${ASSEMBLA_CLIENT_SECRET}`).toString('base64')}`,
	);
	expect(new URLSearchParams(refresh.body).get('grant_type')).toBe('refresh_token');
	expect(new URLSearchParams(refresh.body).get('refresh_token')).toBe(before.refresh_token);

	// The first create got 401 with the old token (asked twice: the second time with status errors
	// thrown, which is when n8n's OAuth2 helper refreshes); everything after carries the new one.
	const creates = createRequests(sandbox);
	expect(creates.map((request) => request.status)).toEqual([401, 401, 201, 201, 201]);
	expect(creates[0].headers.authorization).toBe(`Bearer ${before.access_token}`);
	const after = tokenData(credentials);
	expect(after.access_token).not.toBe(before.access_token);
	expect(after.refresh_token).toBe(before.refresh_token);
	expect(creates.slice(2).map((request) => request.headers.authorization)).toEqual(
		Array(3).fill(`Bearer ${after.access_token}`),
	);

	// The stored token is the fresh one: the next run needs no refresh.
	sandbox.resetStats();
	const next = await runNode(sandbox, 'assembla', { items: rows('Four'), credentialType: 'assemblaOAuth2Api', credentials });
	expect(next.error).toBeUndefined();
	expect(tokenRequests(sandbox)).toHaveLength(0);
	expect(sandbox.vendors.assembla.refreshes).toBe(1);
});

it('refreshes once when several requests in flight find the token expired', async () => {
	const credentials = sandboxCredential(sandbox, 'assembla', 'assemblaOAuth2Api');
	sandbox.vendors.assembla.expireAccessTokens();
	sandbox.setLatency(20);
	const names = ['a', 'b', 'c', 'd', 'e', 'f'];
	const result = await runNode(sandbox, 'assembla', { items: rows(...names), credentialType: 'assemblaOAuth2Api', credentials });
	expect(result.error).toBeUndefined();
	expect(pairedRows(result.outputs[0])).toEqual([0, 1, 2, 3, 4, 5]);
	expect(sandbox.vendors.assembla.groupsOf().map((group) => group.name)).toEqual(expect.arrayContaining(names));
	expect(sandbox.vendors.assembla.refreshes).toBe(1);
	expect(createRequests(sandbox).filter((request) => request.status === 201)).toHaveLength(names.length);
});

it('asks to reconnect the credential when the refresh token is no longer valid', async () => {
	const credentials = sandboxCredential(sandbox, 'assembla', 'assemblaOAuth2Api');
	// A trailing slash on the Base URL still gives <base>/token.
	credentials.assemblaOAuth2Api.baseUrl = `${sandbox.baseUrl('assembla')}/`;
	credentials.assemblaOAuth2Api.oauthTokenData = { ...tokenData(credentials), refresh_token: 'revoked-refresh-token' };
	sandbox.vendors.assembla.expireAccessTokens();
	const result = await runNode(sandbox, 'assembla', {
		items: rows('Never'),
		credentialType: 'assemblaOAuth2Api',
		credentials,
		onError: 'continueErrorOutput',
	});
	expect(pairedRows(result.outputs[2])).toEqual([0]);
	expect(jsonOf(result.outputs[2])[0].error).toContain('The credential "Assembla sandbox" needs to be reconnected.');
	expect(tokenRequests(sandbox).map((request) => [request.path, request.status])).toEqual([['/token', 400]]);
	expect(sandbox.vendors.assembla.groupsOf()).toEqual([]);
});

it('looks up a conflicting group with the OAuth2 credential too', async () => {
	const existing = sandbox.vendors.assembla.addGroup('Taken');
	const result = await runNode(sandbox, 'assembla', { items: rows('taken'), credentialType: 'assemblaOAuth2Api' });
	expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', id: String(existing.id) })]);
});

it('keeps tokens and the client secret out of outputs, run data and logs', async () => {
	const credentials = sandboxCredential(sandbox, 'assembla', 'assemblaOAuth2Api');
	const before = tokenData(credentials);
	sandbox.vendors.assembla.expireAccessTokens();
	const result = await runNode(sandbox, 'assembla', { items: rows('Secretive'), credentialType: 'assemblaOAuth2Api', credentials });
	const after = tokenData(credentials);
	const everything = JSON.stringify([result.outputs, result.runData, result.logs]);
	for (const secret of [before.access_token, before.refresh_token, after.access_token, ASSEMBLA_CLIENT_SECRET]) {
		expect(everything).not.toContain(secret);
	}
});

describe('a credential never connected (no token yet: Connect was not clicked)', () => {
	const unconnected = (): CredentialStore => {
		const credentials = sandboxCredential(sandbox, 'assembla', 'assemblaOAuth2Api');
		delete credentials.assemblaOAuth2Api.oauthTokenData;
		return credentials;
	};

	it('fails every item with a message that says to connect the credential, and sends nothing', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: rows('One', 'Two'),
			credentialType: 'assemblaOAuth2Api',
			credentials: unconnected(),
			onError: 'continueErrorOutput',
		});
		expect(pairedRows(result.outputs[2])).toEqual([0, 1]);
		for (const failed of jsonOf(result.outputs[2])) {
			expect(failed.error).toEqual(expect.stringContaining(NOT_CONNECTED)); // n8n 1.x adds " [item 0]"
			expect(failed.error).not.toMatch(/unable to sign/i);
		}
		expect(sandbox.requests).toHaveLength(0);
	});

	it('says the same when n8n kept an empty token record (a Connect that did not finish)', async () => {
		const credentials = unconnected();
		credentials.assemblaOAuth2Api.oauthTokenData = {};
		const result = await runNode(sandbox, 'assembla', { items: rows('One'), credentialType: 'assemblaOAuth2Api', credentials, onError: 'continueErrorOutput' });
		expect(jsonOf(result.outputs[2]).map((item) => item.error)).toEqual([expect.stringContaining(NOT_CONNECTED)]);
		expect(sandbox.requests).toHaveLength(0);
	});

	it('stops the run with the same message when the node does not continue on error', async () => {
		const result = await runNode(sandbox, 'assembla', { items: rows('One'), credentialType: 'assemblaOAuth2Api', credentials: unconnected() });
		expect(result.error?.message).toContain(NOT_CONNECTED);
		expect(result.error?.description).toBeTruthy();
	});

	it('fails a Get Many the same way', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: rows('One'),
			parameters: { operation: 'getAll' },
			credentialType: 'assemblaOAuth2Api',
			credentials: unconnected(),
			onError: 'continueRegularOutput',
		});
		expect(jsonOf(result.outputs[0]).map((item) => item.error)).toEqual([expect.stringContaining(NOT_CONNECTED)]);
	});
});
