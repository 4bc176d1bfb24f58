import type { IAuthenticate, IHttpRequestOptions } from 'n8n-workflow';

import { basicAuthFromFields, headersFromFields } from '../../credentials/common/authenticate';

async function apply(authenticate: IAuthenticate, request: IHttpRequestOptions) {
	if (typeof authenticate !== 'function') throw new Error('expected a function');
	return await authenticate({ apiToken: 'tok', user: 'u', pass: 'p' }, request);
}

describe('credential authenticate functions', () => {
	const bearer = headersFromFields({ Authorization: { field: 'apiToken', prefix: 'Bearer ' } });
	const basic = basicAuthFromFields('user', 'pass');

	it('add the header or Basic auth, keeping what the request had', async () => {
		expect(await apply(bearer, { url: 'https://api.example.com/groups', headers: { a: '1' } })).toEqual({
			url: 'https://api.example.com/groups',
			headers: { a: '1', Authorization: 'Bearer tok' },
		});
		expect((await apply(basic, { url: '/x', baseURL: 'http://127.0.0.1:8080/api' })).auth).toEqual({
			username: 'u',
			password: 'p',
		});
	});

	it.each([
		['plain http to another host', { url: 'http://api.example.com/groups' }],
		['plain http through a base URL', { url: '/companies', baseURL: 'http://evil.example' }],
		['another scheme', { url: 'ftp://api.example.com/x' }],
		['no URL at all', { url: '' }],
	])('refuse %s before adding any secret', async (_label, request) => {
		await expect(apply(bearer, request)).rejects.toThrow('only to an https:// address');
		await expect(apply(basic, request)).rejects.toThrow('only to an https:// address');
	});
});
