/**
 * Issue 12, point 8: the credential dialog's Test asks the path family the node uses by default, and a
 * Test that fails says what it tried. The request is sent as n8n would (the credential's own
 * authenticate, then the Test's url and qs on the base URL) to a sandbox serving one family or the other.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { CapillaryApi } from '../../credentials/CapillaryApi.credentials';
import { CapillaryOAuthApi } from '../../credentials/CapillaryOAuthApi.credentials';
import { API_PATHS } from '../../credentials/common/capillary/paths';
import { apiPathOption } from '../../nodes/Capillary/properties';
import { CAP_PASSWORD, CAP_USERNAME, type CapPathFamily } from '../sandbox/vendors/capillary';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();
const basic = new CapillaryApi();

/** The Test request, authenticated by the credential, sent to the sandbox: the status it gets. */
async function runTest(): Promise<number> {
	const { request } = basic.test;
	const credentials = { region: 'custom', customHost: sandbox.baseUrl('capillary'), username: CAP_USERNAME, password: CAP_PASSWORD };
	const signed = await basic.authenticate(credentials, { url: '', headers: {} } as IHttpRequestOptions);
	const url = new URL(`${sandbox.baseUrl('capillary')}${String(request.url)}`);
	for (const [key, value] of Object.entries(request.qs ?? {})) url.searchParams.set(key, String(value));
	const response = await fetch(url, { headers: signed.headers as Record<string, string> });
	return response.status;
}

it("tests the list beside the node's default create path, with both credential types", () => {
	const family = apiPathOption.default as keyof typeof API_PATHS;
	expect(family).toBe('core');
	expect(basic.test.request.url).toBe(API_PATHS[family]);
	expect(new CapillaryOAuthApi().test.request.url).toBe(API_PATHS[family]);
});

it.each([
	[['core'], 200],
	[['core', 'rewardsCore'], 200],
	[['rewardsCore'], 404],
] as Array<[CapPathFamily[], number]>)('at a host serving %j the Test gets HTTP %i', async (paths, status) => {
	sandbox.configure('capillary', { paths });
	expect(await runTest()).toBe(status);
});

it('says which path it tried, and where the host comes from, when the Test fails', () => {
	const rules = basic.test.rules ?? [];
	const notFound = rules.find((rule) => rule.type === 'responseCode' && rule.properties.value === 404);
	expect(notFound?.properties.message).toBe(
		'Capillary answered HTTP 404 to GET /api_gateway/core/v1/group?page=0&size=1 on the host chosen in Host (or Custom Host): there is no group API at this path on this host. Check the Host; if your organisation only has the newer path, the node\'s API Path option "Rewards Core" uses it.',
	);
	for (const status of [401, 403, 429, 500, 502, 503]) {
		expect(rules.find((rule) => rule.type === 'responseCode' && rule.properties.value === status)?.properties.message).toContain(
			'/api_gateway/core/v1/group',
		);
	}
});
