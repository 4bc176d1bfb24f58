/** The credential: its Test request against the scimmy service, with each scheme, and the https rule. */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { ScimApi } from '../../credentials/ScimApi.credentials';
import { connection } from '../../nodes/Scim/connection';
import { Scim } from '../../nodes/Scim/Scim.node';
import { buildWorkflow } from '../harness/workflow';
import { SCIM_DEFAULT_PASSWORD, SCIM_DEFAULT_TOKEN, SCIM_DEFAULT_USER } from '../sandbox/vendors/scim';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();
const credentialType = new ScimApi();
const { workflow, nodeUnderTest } = buildWorkflow({ type: Scim, parameters: {} }, []);

/** What n8n sends for the Test button: the test request's base URL evaluated, the credential's authenticate applied. */
async function testButton(fields: ICredentialDataDecryptedObject): Promise<Response> {
	const credentials = { baseUrl: sandbox.baseUrl('scim'), authentication: 'bearer', token: SCIM_DEFAULT_TOKEN, ...fields };
	const baseURL = workflow.expression.getSimpleParameterValue(
		nodeUnderTest,
		credentialType.test.request.baseURL,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	) as string;
	const authenticate = credentialType.authenticate as (
		c: ICredentialDataDecryptedObject,
		r: IHttpRequestOptions,
	) => Promise<IHttpRequestOptions>;
	const request = await authenticate(credentials, { url: credentialType.test.request.url ?? '', baseURL });
	const headers: Record<string, string> = { ...(request.headers as Record<string, string>) };
	if (request.auth) headers.authorization = `Basic ${Buffer.from(`${request.auth.username}:${request.auth.password}`).toString('base64')}`;
	return await fetch(`${baseURL}${request.url}`, { headers });
}

describe('the credential Test request', () => {
	it('GETs /ServiceProviderConfig, which answers 200 to the Bearer token', async () => {
		const answer = await testButton({ baseUrl: `${sandbox.baseUrl('scim')}/` });
		expect(answer.status).toBe(200);
		expect(((await answer.json()) as { schemas: string[] }).schemas).toEqual([
			'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
		]);
		expect(sandbox.requests.map((request) => [request.method, request.path])).toEqual([['GET', '/ServiceProviderConfig']]);
	});

	it('answers 200 to Basic and 401 to a wrong token or password', async () => {
		expect((await testButton({ authentication: 'basic', username: SCIM_DEFAULT_USER, password: SCIM_DEFAULT_PASSWORD })).status).toBe(200);
		expect((await testButton({ token: 'nope' })).status).toBe(401);
		expect((await testButton({ authentication: 'basic', username: SCIM_DEFAULT_USER, password: 'nope' })).status).toBe(401);
	});

	it('refuses to send the secret over plain http to another machine', async () => {
		await expect(testButton({ baseUrl: 'http://scim.example.com/scim/v2' })).rejects.toThrow('only to an https:// address');
	});
});

describe('the node connection', () => {
	it('takes https, or http to loopback, and refuses the rest', () => {
		expect(connection({ baseUrl: 'https://api.example.com/scim/v2/' })).toEqual({ baseUrl: 'https://api.example.com/scim/v2' });
		expect(() => connection({ baseUrl: 'http://api.example.com/scim/v2' })).toThrow();
	});
});
