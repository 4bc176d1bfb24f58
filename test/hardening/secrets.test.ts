/**
 * For every credential type: success and failure paths (refused credential, 5xx, 401, timeout,
 * answers that echo the secrets back) with distinctive secret values. The whole run data, the error
 * and everything n8n logged are serialized; no secret, nor a form the credential derives (Base64
 * pairs, md5, fetched tokens), may appear in it.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CredentialStore, OnErrorSetting, RunResult } from '../harness';
import type { Fault } from '../sandbox/types';
import { useSandbox } from '../support/use-sandbox';
import { everythingOf, rows } from '../support/items';
import { landings } from './outcomes';
import { CREDENTIAL_ROWS, credentialRow, runCase } from './vendors';
import type { CredentialCase, VendorCase } from './vendors';

const sandbox = useSandbox();

/** The secret forms found in what the run left behind (read after the run: fetched tokens count too). */
function leaked(result: RunResult, credential: CredentialCase, store: CredentialStore, earlierForms: string[] = []): string[] {
	const everything = everythingOf(result);
	const forms = [...new Set([...credential.secretForms(store), ...earlierForms])].filter((form) => form.length >= 4);
	return forms.filter((form) => everything.includes(form));
}

/** A vendor answer that repeats the secrets back, as a careless error page might. */
function echoOf(forms: string[]): IDataObject {
	return {
		message: `Request refused for ${forms.join(' / ')}`,
		errors: forms.map((form) => ({ field: 'authorization', message: `Basic ${form}` })),
	};
}

const FAILURE_MODES: OnErrorSetting[] = ['continueErrorOutput', 'stopWorkflow'];

describe.each(CREDENTIAL_ROWS.map(({ vendorCase, credential }) => [credential.type, vendorCase, credential] as const))(
	'%s',
	(_type, vendorCase: VendorCase, credential: CredentialCase) => {
		const run = (store: CredentialStore, onError: OnErrorSetting, options: IDataObject = {}) =>
			runCase(sandbox, vendorCase, {
				items: rows('secret-check-a', 'secret-check-b'),
				credentialType: credential.type,
				credentials: store,
				onError,
				options: { maxRetries: 0, ...options },
			});
		const inject = (fault: Fault) => sandbox.inject({ vendor: vendorCase.vendor, ...vendorCase.create, fault, times: Infinity });

		it('leaves no secret behind when the groups are created', async () => {
			const store = credential.working(sandbox);
			const result = await run(store, 'continueErrorOutput');
			expect(landings(result, 2).map((landing) => landing.place)).toEqual(['created', 'created']);
			expect(leaked(result, credential, store)).toEqual([]);
		});

		it.each(FAILURE_MODES)('leaves no secret behind when the vendor refuses the credential (%s)', async (onError) => {
			const store = credential.refused(sandbox);
			const result = await run(store, onError);
			if (onError === 'stopWorkflow') expect(result.error?.message).toMatch(/401|refused|credential/i);
			else expect(landings(result, 2).map((landing) => landing.place)).toEqual(['error', 'error']);
			expect(leaked(result, credential, store)).toEqual([]);
		});

		it.each(FAILURE_MODES)('leaves no secret behind when a 500 echoes every secret form (%s)', async (onError) => {
			const store = credential.working(sandbox);
			const forms = credential.secretForms(store);
			inject({ type: 'status', status: 500, body: echoOf(forms) });
			const result = await run(store, onError);
			// The echo reached the item (and, when the node stopped, n8n's log of the error), scrubbed.
			expect(everythingOf(result)).toContain('Request refused for [redacted]');
			if (onError === 'stopWorkflow') expect(result.logs.join('\n')).toContain('Request refused for [redacted]');
			expect(leaked(result, credential, store, forms)).toEqual([]);
		});

		it('leaves no secret behind when a 401 echoes every secret form', async () => {
			const store = credential.working(sandbox);
			const forms = credential.secretForms(store);
			inject({ type: 'status', status: 401, body: echoOf(forms) });
			const result = await run(store, 'continueErrorOutput');
			expect(landings(result, 2).map((landing) => landing.place)).toEqual(['error', 'error']);
			expect(everythingOf(result)).toContain('Request refused for [redacted]');
			expect(leaked(result, credential, store, forms)).toEqual([]);
		});

		it('leaves no secret behind when a text or HTML error page echoes the Authorization header', async () => {
			const store = credential.working(sandbox);
			const forms = credential.secretForms(store);
			sandbox.inject({
				vendor: vendorCase.vendor,
				...vendorCase.create,
				fault: { type: 'body', status: 400, contentType: 'text/plain', body: `Bad header: Authorization: Basic ${forms.join(',')}` },
			});
			sandbox.inject({
				vendor: vendorCase.vendor,
				...vendorCase.create,
				fault: { type: 'body', status: 403, contentType: 'text/html', body: `<p>token ${forms.join(' ')}</p>` },
			});
			const result = await run(store, 'continueErrorOutput', { concurrency: 1 });
			expect(landings(result, 2).map((landing) => landing.place)).toEqual(['error', 'error']);
			expect(everythingOf(result)).toContain('Bad header: Authorization: Basic [redacted]');
			expect(leaked(result, credential, store, forms)).toEqual([]);
		});

		it.each(FAILURE_MODES)('leaves no secret behind when the vendor does not answer in time (%s)', async (onError) => {
			const store = credential.working(sandbox);
			inject({ type: 'delay', ms: 1_200 });
			const result = await run(store, onError, { timeout: 1 });
			expect(everythingOf(result)).toContain('no answer within 1 s (timeout)');
			expect(leaked(result, credential, store)).toEqual([]);
		});
	},
);

/**
 * Tokens the credential fetches during the run (Capillary's access token, a refreshed OAuth2 token)
 * are secrets too. The echo is injected once the token exists: a 502 first makes the engine wait
 * (backoff 0.25–0.5 s) before the attempt that meets the echo.
 */
describe('tokens fetched during the run', () => {
	function echoOnceTokenChanges(vendorCase: VendorCase, readToken: () => string | undefined): () => void {
		const before = readToken();
		const timer = setInterval(() => {
			const token = readToken();
			if (!token || token === before) return;
			sandbox.inject({ vendor: vendorCase.vendor, ...vendorCase.create, fault: { type: 'status', status: 500, body: echoOf([token]) } });
			clearInterval(timer);
		}, 5);
		return () => clearInterval(timer);
	}

	it("scrubs Capillary's access token, fetched after the node read its credential", async () => {
		const { vendorCase, credential } = credentialRow('capillaryOAuthApi');
		const store = credential.working(sandbox);
		sandbox.inject({ vendor: 'capillary', ...vendorCase.create, fault: { type: 'status', status: 502 } });
		const stop = echoOnceTokenChanges(vendorCase, () => store.capillaryOAuthApi.accessToken as string | undefined);
		const result = await runCase(sandbox, vendorCase, {
			items: rows('token-echo'),
			credentialType: credential.type,
			credentials: store,
			onError: 'continueErrorOutput',
			options: { maxRetries: 1 },
		}).finally(stop);
		expect(vendorCase.createRequests(sandbox).length).toBe(2);
		expect(everythingOf(result)).toContain('Request refused for');
		expect(leaked(result, credential, store)).toEqual([]);
	});

	it('scrubs an Assembla OAuth2 access token refreshed during the run', async () => {
		const { vendorCase, credential } = credentialRow('assemblaOAuth2Api');
		const store = credential.working(sandbox);
		const accessToken = () => (store.assemblaOAuth2Api.oauthTokenData as IDataObject | undefined)?.access_token as string | undefined;
		const firstToken = accessToken();
		// A 401 (answered again when the node asks the way that lets n8n refresh) makes n8n refresh the
		// token; the 502 after it makes the engine wait before the next attempt.
		sandbox.inject({ vendor: 'assembla', ...vendorCase.create, times: 2, fault: { type: 'status', status: 401 } });
		sandbox.inject({ vendor: 'assembla', ...vendorCase.create, fault: { type: 'status', status: 502 } });
		const stop = echoOnceTokenChanges(vendorCase, accessToken);
		const result = await runCase(sandbox, vendorCase, {
			items: rows('token-echo'),
			credentialType: credential.type,
			credentials: store,
			onError: 'continueErrorOutput',
			options: { maxRetries: 1 },
		}).finally(stop);
		expect(sandbox.vendors.assembla.refreshes).toBe(1);
		expect(accessToken()).not.toBe(firstToken);
		expect(everythingOf(result)).toContain('Request refused for');
		expect(leaked(result, credential, store, firstToken ? [firstToken] : [])).toEqual([]);
	});
});

describe('answers that look like success', () => {
	it('scrubs a secret echoed inside the created group and the raw response', async () => {
		const { vendorCase, credential } = credentialRow('invisibleCollectorApi');
		const store = credential.working(sandbox);
		const forms = credential.secretForms(store);
		const body = JSON.stringify({ id: 'g-1', name: 'echoed', createdWith: `Bearer ${forms.join(' ')}` });
		sandbox.inject({ vendor: vendorCase.vendor, ...vendorCase.create, fault: { type: 'body', status: 201, body } });
		const result = await runCase(sandbox, vendorCase, {
			items: rows('echoed'),
			credentials: store,
			options: { includeRawResponse: true },
			onError: 'continueErrorOutput',
		});
		const [landing] = landings(result, 1);
		expect(landing.place).toBe('created');
		expect((landing.json.group as IDataObject).createdWith).toMatch(/^Bearer \[redacted\]/);
		expect((landing.json.rawResponse as IDataObject).createdWith).toMatch(/^Bearer \[redacted\]/);
		expect(leaked(result, credential, store, forms)).toEqual([]);
	});
});

/*
 * The vendor's words are clipped at 500 characters; the clip must not cut a secret in two and leave
 * its first part in the message or the description.
 */
describe('the 500-character limit on vendor messages', () => {
	it('does not cut a secret in two and leave its first half in the message', async () => {
		const { vendorCase, credential } = credentialRow('invisibleCollectorApi');
		const store = credential.working(sandbox);
		const token = String(store.invisibleCollectorApi.apiToken);
		const half = token.slice(0, Math.floor(token.length / 2));
		// The message is clipped at 500 characters: the token starts so that only its first half fits.
		const message = `${'x'.repeat(500 - half.length)}${token}`;
		sandbox.inject({ vendor: vendorCase.vendor, ...vendorCase.create, fault: { type: 'status', status: 500, body: { message } } });
		const result = await runCase(sandbox, vendorCase, {
			items: rows('clipped'),
			credentials: store,
			onError: 'continueErrorOutput',
		});
		expect(landings(result, 1)[0].place).toBe('error');
		expect(everythingOf(result)).not.toContain(half);
	});
});
