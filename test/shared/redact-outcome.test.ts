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
	});
});
