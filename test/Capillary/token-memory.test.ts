/**
 * The key/secret credential's token memory stays bounded in a worker that runs for weeks: many
 * credentials (tenants, rotated secrets) each fetch a token or are refused, and the process keeps at
 * most MAX_REMEMBERED_CREDENTIALS of each, while every credential still gets its own token.
 */
import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { request } from 'undici';

import {
	accessTokenFor,
	MAX_REMEMBERED_CREDENTIALS,
	rememberedCredentials,
	TokenRequestError,
} from '../../credentials/common/capillary/token';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();
const CREDENTIALS = MAX_REMEMBERED_CREDENTIALS + 30;

/** n8n's plain `httpRequest` for a credential hook, sending JSON over undici the way n8n does. */
const http: IHttpRequestHelper = {
	helpers: {
		async httpRequest(options: IHttpRequestOptions) {
			const answer = await request(options.url, {
				method: options.method ?? 'GET',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(options.body),
			});
			const text = await answer.body.text();
			return { statusCode: answer.statusCode, headers: answer.headers, body: text ? (JSON.parse(text) as unknown) : '' };
		},
	},
} as unknown as IHttpRequestHelper;

const credentialsOf = (key: string, secret: string) => ({
	region: 'custom',
	customHost: sandbox.baseUrl('capillary'),
	clientKey: key,
	clientSecret: secret,
});

it(`keeps at most ${MAX_REMEMBERED_CREDENTIALS} issued tokens, and each credential's own`, async () => {
	const clients = Array.from({ length: CREDENTIALS }, (_, i) => ({ key: `tenant-key-${i}`, secret: `tenant-secret-${i}` }));
	sandbox.configure('capillary', { clients });

	for (const { key, secret } of clients) {
		const token = await accessTokenFor(http, credentialsOf(key, secret));
		expect(sandbox.vendors.capillary.tokenClient(token)).toBe(key);
	}

	expect(rememberedCredentials().tokens).toBe(MAX_REMEMBERED_CREDENTIALS);
});

it(`keeps at most ${MAX_REMEMBERED_CREDENTIALS} refused credentials`, async () => {
	for (let i = 0; i < CREDENTIALS; i++) {
		await expect(accessTokenFor(http, credentialsOf(`unknown-key-${i}`, `wrong-secret-${i}`))).rejects.toBeInstanceOf(
			TokenRequestError,
		);
	}

	expect(rememberedCredentials().refusals).toBe(MAX_REMEMBERED_CREDENTIALS);
});
