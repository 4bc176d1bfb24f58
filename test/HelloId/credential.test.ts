/** The credential: where requests go, and that a crafted company name sends nothing anywhere. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { HelloIdApi } from '../../credentials/HelloIdApi.credentials';
import { HelloId } from '../../nodes/HelloId/HelloId.node';
import { helloIdConnection } from '../../nodes/HelloId/connection';
import { buildWorkflow } from '../harness/workflow';
import { HELLOID_API_KEY, HELLOID_API_SECRET } from '../sandbox/vendors/helloId';
import { useSandbox } from '../support/use-sandbox';
import { pairedRows, rows } from '../support/items';
import { runNode } from '../support/run';

const sandbox = useSandbox();

const credential = (fields: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject => ({
	companyName: 'acme',
	apiKey: HELLOID_API_KEY,
	apiSecret: HELLOID_API_SECRET,
	baseUrl: '',
	...fields,
});

describe('a hostile company name', () => {
	const hostile = ['evil.example.com#', 'acme.evil.example', 'a/b', '127.0.0.1:8080', 'acme@evil', '-acme', ''];

	it.each(hostile)('%j fails every item and no request reaches the sandbox', async (companyName) => {
		const result = await runNode(sandbox, 'helloId', {
			items: rows('a', 'b'),
			credential: { companyName },
			onError: 'continueErrorOutput',
		});

		expect(sandbox.requests).toHaveLength(0);
		expect(pairedRows(result.outputs[2])).toEqual([0, 1]);
		expect(result.outputs[2][0].json).toMatchObject({
			error: '"Company Name" may hold only letters, digits and hyphens (no spaces or dots), at most 63 characters',
			details: { httpCode: null, attempts: 0 },
		});
	});

	it('stops the workflow with a NodeOperationError when errors are not continued', async () => {
		const result = await runNode(sandbox, 'helloId', { items: rows('a'), credential: { companyName: 'evil.example.com#' } });

		expect(sandbox.requests).toHaveLength(0);
		expect(result.error).toMatchObject({ name: 'NodeOperationError', context: { itemIndex: 0 } });
	});
});

describe('the connection', () => {
	it('is https://{company}.helloid.com/api/v1 without an override', () => {
		expect(helloIdConnection(credential({ companyName: ' Acme-EU ' }))).toEqual({ baseUrl: 'https://acme-eu.helloid.com/api/v1' });
	});

	it('takes an override with or without /api/v1 and a trailing slash', () => {
		expect(helloIdConnection(credential({ baseUrl: 'https://ids.example.org/' }))).toEqual({
			baseUrl: 'https://ids.example.org/api/v1',
		});
		expect(helloIdConnection(credential({ baseUrl: 'https://ids.example.org/api/v1/' }))).toEqual({
			baseUrl: 'https://ids.example.org/api/v1',
		});
	});

	it('refuses plain http away from this machine, and user info in the override', () => {
		expect(() => helloIdConnection(credential({ baseUrl: 'http://ids.example.org' }))).toThrow('must use https://');
		expect(() => helloIdConnection(credential({ baseUrl: 'https://user:pw@ids.example.org' }))).toThrow(
			'must not contain a user name or password',
		);
	});
});

describe('the credential Test request', () => {
	const { test } = new HelloIdApi();
	const { workflow, nodeUnderTest } = buildWorkflow({ type: HelloId, parameters: {} }, []);
	const portalFor = (fields: ICredentialDataDecryptedObject): unknown =>
		workflow.expression.getSimpleParameterValue(
			nodeUnderTest,
			test.request.baseURL,
			'internal',
			{ $credentials: credential(fields) },
			undefined,
			'',
		);

	it('asks for one group', () => {
		expect(test.request).toMatchObject({ url: '/api/v1/groups', qs: { take: 1, skip: 0 } });
	});

	it('goes to the company portal, or to the override when one is set', () => {
		expect(portalFor({ companyName: 'Acme' })).toBe('https://acme.helloid.com');
		expect(portalFor({ baseUrl: 'http://127.0.0.1:5678/helloid/' })).toBe('http://127.0.0.1:5678/helloid');
		expect(portalFor({ baseUrl: 'https://ids.example.org/api/v1' })).toBe('https://ids.example.org');
	});

	it('goes to an unresolvable reserved host for a crafted company name', () => {
		for (const companyName of ['evil.example.com#', 'a/b', '127.0.0.1:8080']) {
			expect(portalFor({ companyName })).toBe('https://company-name-is-not-a-dns-label.invalid');
			expect(portalFor({ companyName, baseUrl: sandbox.baseUrl('helloId') })).toBe(
				'https://company-name-is-not-a-dns-label.invalid',
			);
		}
	});
});
