import { START_IN_FLIGHT } from '../../nodes/shared/concurrency';
import { DEFAULTS, optionsCollection } from '../../nodes/shared/descriptions';
import { commonFailure, messageFrom } from '../../nodes/shared/outcome';
import { REDACTED, redactor, secretsIn } from '../../nodes/shared/redact';

describe('redactor', () => {
	const credentials = {
		apiToken: 'tok-123456',
		baseUrl: 'https://api.example.com',
		oauthTokenData: { access_token: 'acc-abcdef', expires_in: 900 },
	};

	it('collects values under secret-like keys at any depth', () => {
		expect(secretsIn(credentials).sort()).toEqual(['acc-abcdef', 'tok-123456']);
	});

	it('replaces secrets and their Base64 form deeply, leaving the rest', () => {
		const redact = redactor([credentials, { refreshed_token: 'new-token-42' }], ['derived-9999']);
		const b64 = Buffer.from('tok-123456').toString('base64');
		const value = {
			message: 'Bearer tok-123456 rejected',
			nested: [{ header: `Basic ${b64}` }, 'derived-9999', 7],
			url: 'https://api.example.com/groups',
			later: 'new-token-42',
		};
		expect(redact(value)).toEqual({
			later: REDACTED,
			message: `Bearer ${REDACTED} rejected`,
			nested: [{ header: `Basic ${REDACTED}` }, REDACTED, 7],
			url: 'https://api.example.com/groups',
		});
	});
});

describe('redactor: every form and every depth', () => {
	const secret = 'p@ss word/+?=&ü~!';
	const redact = redactor([{ username: 'ana.user', password: secret, apiKey: 'key-1234', apiSecret: 'sec/ret+5678' }]);
	const b64url = (text: string) => Buffer.from(text).toString('base64url');

	it.each([
		['URL-encoded', encodeURIComponent(secret)],
		['URL-encoded, lower-case hex', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())],
		['form-encoded', new URLSearchParams({ s: secret }).toString().slice(2)],
		['form-encoded (+ for spaces)', encodeURIComponent(secret).replace(/%20/g, '+')],
		['base64url', b64url(secret)],
		['Base64 without padding', Buffer.from(secret).toString('base64').replace(/=+$/, '')],
		['a user:password pair in Base64', Buffer.from(`ana.user:${secret}`).toString('base64')],
		['a user:password pair in base64url', b64url(`ana.user:${secret}`)],
		['a key:secret pair URL-encoded', encodeURIComponent('key-1234:sec/ret+5678')],
		['a key:secret pair in base64url', b64url('key-1234:sec/ret+5678')],
	])('scrubs the %s form', (_form, text) => {
		const scrubbed = redact({ message: `echo ${text} end` });
		expect(scrubbed.message).toBe(`echo ${REDACTED} end`);
	});

	it('replaces what is nested deeper than it walks by a marker, never returning it unscrubbed', () => {
		let deep: unknown = { token: secret, text: `Bearer ${secret}` };
		for (let level = 0; level < 40; level++) deep = level % 2 ? { next: deep } : [deep];
		const out = JSON.stringify(redact({ raw: deep }));
		expect(out).not.toContain(secret);
		expect(out).toContain('[too deep]');
	});

	it('walks deep values even when the credential holds no secret', () => {
		let deep: unknown = { leaf: 'x' };
		for (let level = 0; level < 30; level++) deep = { next: deep };
		expect(JSON.stringify(redactor([{}])(deep))).toContain('[too deep]');
	});
});

describe('messageFrom', () => {
	it.each([
		[{ code: 409, message: 'Group already registered' }, 'Group already registered'],
		[{ errors: [{ code: 12012, message: 'Group name must be unique' }] }, 'Group name must be unique'],
		[{ status: { success: false, code: 12012, message: 'dup' } }, 'dup'],
		[{ name: ['has already been taken'] }, 'name has already been taken'],
		[{ error: 'bad' }, 'bad'],
		[{ resultMsg: 'nope' }, 'nope'],
		['{"message":"as text"}', 'as text'],
		['plain words', 'plain words'],
	])('reads %p', (body, expected) => {
		expect(messageFrom(body)).toBe(expected);
	});

	it('ignores HTML pages and empty bodies', () => {
		expect(messageFrom('<!DOCTYPE html><html><body>Bad gateway</body></html>')).toBeUndefined();
		expect(messageFrom('')).toBeUndefined();
	});
});

describe('commonFailure', () => {
	it('says what a 401 means and adds the vendor hint', () => {
		const failure = commonFailure({ statusCode: 401, headers: {}, body: {} }, 'HelloID', {
			unauthorizedHint: 'Keys can be IP-restricted.',
		});
		expect(failure.message).toBe('HelloID rejected the credential (HTTP 401): check the credential. Keys can be IP-restricted.');
	});

	it('explains an HTML page', () => {
		const failure = commonFailure({ statusCode: 502, headers: {}, body: '<html><body>x</body></html>' }, 'Assembla');
		expect(failure.message).toBe('Assembla is unreachable behind its gateway (HTTP 502)');
		expect(failure.description).toMatch(/HTML page/);
	});
});

describe('options collection', () => {
	it('shows the defaults the engine uses', () => {
		const byName = Object.fromEntries((optionsCollection().options ?? []).map((option) => [option.name, option]));
		expect(byName.concurrency).toMatchObject({ default: DEFAULTS.concurrency });
		expect(byName.maxRetries).toMatchObject({ default: DEFAULTS.maxRetries });
		expect(byName.timeout).toMatchObject({ default: DEFAULTS.timeoutSeconds });
		expect(byName.adaptiveConcurrency).toMatchObject({ default: true });
		expect((byName.adaptiveConcurrency as { description?: string }).description).toContain(`start with ${START_IN_FLIGHT} requests in flight`);
	});
});
