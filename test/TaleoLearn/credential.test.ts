/**
 * The credential's Test request, resolved the way n8n's credential tester does (expressions against
 * `$credentials`, then the credential's `authenticate`) and sent to the sandbox.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { TaleoLearnApi } from '../../credentials/TaleoLearnApi.credentials';
import { TaleoLearn } from '../../nodes/TaleoLearn/TaleoLearn.node';
import { buildWorkflow } from '../harness/workflow';
import { TALEO_API_ROOT, TALEO_PASSWORD, TALEO_USERNAME } from '../sandbox/vendors/taleoLearn';
import { useSandbox } from '../support/use-sandbox';
import { BASIC_AUTH } from './requests';

const sandbox = useSandbox();

async function sendTestRequest(credentials: ICredentialDataDecryptedObject): Promise<number> {
	const type = new TaleoLearnApi();
	const { workflow, nodeUnderTest } = buildWorkflow({ type: TaleoLearn, parameters: {} }, []);
	const resolve = (value: string) =>
		String(workflow.expression.getSimpleParameterValue(nodeUnderTest, value, 'internal', { $credentials: credentials }));
	const { request } = type.test;
	const unauthenticated: IHttpRequestOptions = { url: resolve(request.url ?? ''), baseURL: resolve(request.baseURL ?? ''), qs: request.qs };
	if (typeof type.authenticate !== 'function') throw new Error('expected an authenticate function');
	const options = await type.authenticate(credentials, unauthenticated);
	const url = new URL(`${options.baseURL}${options.url}`);
	for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
	const { username, password } = options.auth ?? { username: '', password: '' };
	const response = await fetch(url, {
		headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
	});
	return response.status;
}

describe('Taleo Learn API credential', () => {
	it.each([
		['the instance URL', ''],
		['a trailing slash', '/'],
		['the API root', `${TALEO_API_ROOT}/`],
	])('tests with GET /learn.rest/v1/learnCenters?limit=1 and Basic auth, given %s', async (_label, suffix) => {
		const status = await sendTestRequest({
			instanceUrl: `${sandbox.baseUrl('taleoLearn')}${suffix}`,
			username: TALEO_USERNAME,
			password: TALEO_PASSWORD,
		});

		expect(status).toBe(200);
		expect(sandbox.requests.map((request) => [request.method, request.path, request.query])).toEqual([
			['GET', `${TALEO_API_ROOT}/learnCenters`, { limit: '1' }],
		]);
		expect(sandbox.requests[0].headers.authorization).toBe(BASIC_AUTH);
	});

	it('fails the test for a wrong password', async () => {
		const status = await sendTestRequest({
			instanceUrl: sandbox.baseUrl('taleoLearn'),
			username: TALEO_USERNAME,
			password: 'not-the-password',
		});

		expect(status).toBe(401);
	});
});
