/** Both credentials through n8n's real credential resolution: md5 Basic, and the key/secret token's life. */
import { createHash } from 'node:crypto';

import type { CredentialStore, RunResult } from '../harness';
import { CAP_CLIENT_KEY, CAP_CLIENT_SECRET, CAP_PASSWORD, CAP_USERNAME } from '../sandbox/vendors/capillary';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, rows } from '../support/items';
import { createRequests, tokenRequests } from './requests';
import { runNode } from '../support/run';
import { everySandboxCredential } from '../support/vendors';

const sandbox = useSandbox();
const capillary = () => sandbox.vendors.capillary;

const md5 = createHash('md5').update(CAP_PASSWORD).digest('hex');
const hashedPair = `${CAP_USERNAME}:${md5}`;

/** Every form of a secret that must never show up in what n8n keeps of a run. */
function expectNoSecrets(result: RunResult, extra: string[] = []): void {
	const recorded = JSON.stringify(result.runData) + JSON.stringify(result.error ?? null) + result.logs.join('\n');
	const secrets = [
		CAP_PASSWORD,
		md5,
		Buffer.from(hashedPair).toString('base64'),
		CAP_CLIENT_SECRET,
		CAP_CLIENT_KEY,
		...extra,
	];
	for (const secret of secrets) expect(recorded).not.toContain(secret);
}

const names = (count: number, prefix: string) => rows(...Array.from({ length: count }, (_, i) => `${prefix} ${i}`));

describe('Basic credential (capillaryApi)', () => {
	it('sends username:md5(password) in Basic and creates every group', async () => {
		const result = await runNode(sandbox, 'capillary', { items: rows('Gold', 'Silver') });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['Gold', 'Silver']);
		const headers = createRequests(sandbox).map((request) => request.headers.authorization);
		expect(headers).toEqual([
			`Basic ${Buffer.from(hashedPair).toString('base64')}`,
			`Basic ${Buffer.from(hashedPair).toString('base64')}`,
		]);
		expect(tokenRequests(sandbox)).toHaveLength(0);
		expectNoSecrets(result);
	});

	it('reports a wrong password as a credential problem, with a hint and without secrets', async () => {
		const credentials = everySandboxCredential(sandbox, 'capillary', { password: 'not-the-password' });
		const result = await runNode(sandbox, 'capillary', {
			items: rows('Gold'),
			credentials,
			onError: 'continueRegularOutput',
		});

		const [item] = jsonOf(result.outputs[0]);
		expect(item.error).toBe(
			'Capillary rejected the credential (HTTP 401): check the credential. Basic: the user name and the plain password (the node sends its md5 hash itself). OAuth: the client key and secret; a fresh token was already tried.',
		);
		expect(capillary().groups()).toHaveLength(0);
		const wrongMd5 = createHash('md5').update('not-the-password').digest('hex');
		expectNoSecrets(result, ['not-the-password', wrongMd5]);
	});
});

describe('Key/secret credential (capillaryOAuthApi)', () => {
	it('fetches one token for many items sent five at a time, stores it, and sends it as X-CAP-API-OAUTH-TOKEN', async () => {
		const credentials = everySandboxCredential(sandbox, 'capillary');
		const result = await runNode(sandbox, 'capillary', { items: names(20, 'Tier'), credentialType: 'capillaryOAuthApi', credentials });

		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toHaveLength(20);
		expect(tokenRequests(sandbox)).toHaveLength(1);
		expect(JSON.parse(tokenRequests(sandbox)[0].body)).toEqual({ key: CAP_CLIENT_KEY, secret: CAP_CLIENT_SECRET });
		expect(capillary().tokensIssued()).toBe(1);
		const stored = credentials.capillaryOAuthApi.accessToken;
		expect(typeof stored).toBe('string');
		expect(new Set(createRequests(sandbox).map((request) => request.headers['x-cap-api-oauth-token']))).toEqual(
			new Set([stored]),
		);
		expect(createRequests(sandbox).every((request) => request.headers.authorization === undefined)).toBe(true);
		expectNoSecrets(result, [stored as string]);
	});

	it('reuses the stored token in the next run without fetching another', async () => {
		const credentials = everySandboxCredential(sandbox, 'capillary');
		await runNode(sandbox, 'capillary', { items: rows('A'), credentialType: 'capillaryOAuthApi', credentials });
		const first = credentials.capillaryOAuthApi.accessToken;
		sandbox.resetStats();

		const second = await runNode(sandbox, 'capillary', { items: rows('B', 'C'), credentialType: 'capillaryOAuthApi', credentials });

		expect(second.outputs[0]).toHaveLength(2);
		expect(second.preAuthentications).toEqual({});
		expect(tokenRequests(sandbox)).toHaveLength(0);
		expect(credentials.capillaryOAuthApi.accessToken).toBe(first);
	});

	it('fetches a new token once when the sandbox expires the old one mid-use (401 → refresh → success)', async () => {
		const credentials = everySandboxCredential(sandbox, 'capillary');
		await runNode(sandbox, 'capillary', { items: rows('Before'), credentialType: 'capillaryOAuthApi', credentials });
		const expired = credentials.capillaryOAuthApi.accessToken;
		capillary().expireTokens();
		sandbox.resetStats();

		const result = await runNode(sandbox, 'capillary', { items: names(8, 'After'), credentialType: 'capillaryOAuthApi', credentials });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.outputs[0]).map((json) => json.outcome)).toEqual(Array(8).fill('created'));
		expect(tokenRequests(sandbox)).toHaveLength(1);
		const renewed = credentials.capillaryOAuthApi.accessToken;
		expect(renewed).not.toBe(expired);
		const creates = createRequests(sandbox);
		// The requests sent with the expired token were refused and sent again with the new one.
		const refused = creates.filter((request) => request.status === 401);
		expect(refused.length).toBeGreaterThan(0);
		expect(refused.every((request) => request.headers['x-cap-api-oauth-token'] === expired)).toBe(true);
		const accepted = creates.filter((request) => request.status === 200);
		expect(accepted).toHaveLength(8);
		expect(accepted.every((request) => request.headers['x-cap-api-oauth-token'] === renewed)).toBe(true);
		expect(capillary().groups()).toHaveLength(9);
		expectNoSecrets(result, [expired as string, renewed as string]);
	});

	it('after a 401, fetches a new token rather than hand out an older one the vendor may have revoked with it', async () => {
		// Two executions that read the credential before either stored a token each fetched one, so
		// this process remembers the second while the credential holds the first. Then the vendor
		// ends both early (a revocation, not their ttlSeconds): the second must not be the answer to
		// the first's 401.
		const credentials = everySandboxCredential(sandbox, 'capillary');
		await runNode(sandbox, 'capillary', { items: rows('First'), credentialType: 'capillaryOAuthApi', credentials });
		const first = credentials.capillaryOAuthApi.accessToken;
		credentials.capillaryOAuthApi.accessToken = '';
		await runNode(sandbox, 'capillary', { items: rows('Second'), credentialType: 'capillaryOAuthApi', credentials });
		const second = credentials.capillaryOAuthApi.accessToken;
		expect(second).not.toBe(first);
		credentials.capillaryOAuthApi.accessToken = first;
		capillary().expireTokens();
		sandbox.resetStats();

		const result = await runNode(sandbox, 'capillary', { items: names(8, 'Revoked'), credentialType: 'capillaryOAuthApi', credentials });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.outputs[0]).map((json) => json.outcome)).toEqual(Array(8).fill('created'));
		expect(tokenRequests(sandbox)).toHaveLength(1);
		const renewed = credentials.capillaryOAuthApi.accessToken;
		expect([first, second]).not.toContain(renewed);
		expect(createRequests(sandbox).filter((request) => request.status === 200)).toHaveLength(8);
	});

	it('fetches again when the token outlives its ttlSeconds', async () => {
		sandbox.configure('capillary', { tokenTtlSeconds: 1 });
		const credentials = everySandboxCredential(sandbox, 'capillary');
		await runNode(sandbox, 'capillary', { items: rows('One'), credentialType: 'capillaryOAuthApi', credentials });
		await new Promise((resolve) => setTimeout(resolve, 1100));

		const result = await runNode(sandbox, 'capillary', { items: rows('Two'), credentialType: 'capillaryOAuthApi', credentials });

		expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['Two']);
		expect(tokenRequests(sandbox)).toHaveLength(2);
		// The 401 is asked once more with status errors thrown, which is when n8n fetches a new token.
		expect(createRequests(sandbox).map((request) => request.status)).toEqual([200, 401, 401, 200]);
	});

	it('fails items with a clear message when the key or secret is refused, and leaks neither', async () => {
		const credentials = everySandboxCredential(sandbox, 'capillary', { clientSecret: 'wrong-secret-value' });
		const result = await runNode(sandbox, 'capillary', {
			items: rows('Gold', 'Silver'),
			credentialType: 'capillaryOAuthApi',
			credentials,
			onError: 'continueErrorOutput',
		});

		expect(result.outputs[0]).toHaveLength(0);
		expect(result.outputs[1]).toHaveLength(0);
		const failed = jsonOf(result.outputs[2]);
		expect(failed).toHaveLength(2);
		for (const item of failed) {
			expect(item.error).toContain('Capillary refused the client key and secret (HTTP 401 from /v3/oauth/token/generate): Invalid key or secret');
		}
		expect(createRequests(sandbox)).toHaveLength(0);
		// One refusal is remembered for the run: the token endpoint is asked once, not once per item.
		expect(tokenRequests(sandbox)).toHaveLength(1);
		expect(credentials.capillaryOAuthApi.accessToken).toBeUndefined();
		expectNoSecrets(result, ['wrong-secret-value']);
	});

	it('sends neither key nor secret to a custom host over plain http that is not this machine', async () => {
		const credentials: CredentialStore = everySandboxCredential(sandbox, 'capillary', { customHost: 'http://capillary.example.com' });
		const result = await runNode(sandbox, 'capillary', { items: rows('Gold'), credentialType: 'capillaryOAuthApi', credentials });

		expect(result.error?.message).toBe(
			'"Custom Host" must use https:// (http:// is only allowed for localhost) [item 0]',
		);
		expect(result.preAuthentications).toEqual({});
		expect(sandbox.requests).toHaveLength(0);
	});
});
