/** Regions and the custom host: the base URL the node, the token fetch and the credential test use. */
import type { ICredentialDataDecryptedObject, INodePropertyOptions } from 'n8n-workflow';

import { CapillaryApi } from '../../credentials/CapillaryApi.credentials';
import { CapillaryOAuthApi } from '../../credentials/CapillaryOAuthApi.credentials';
import { Capillary } from '../../nodes/Capillary/Capillary.node';
import { BASE_URL_EXPRESSION, REGION_HOSTS, capillaryBaseUrl } from '../../credentials/common/capillary/hosts';
import '../harness';
import { buildWorkflow } from '../harness/workflow';

const { workflow, nodeUnderTest } = buildWorkflow({ type: Capillary, parameters: {} }, []);

/** The credential test's base URL, resolved by n8n's expression engine as for a credential test request. */
function testBaseUrl(credentials: ICredentialDataDecryptedObject): unknown {
	return workflow.expression.getSimpleParameterValue(
		nodeUnderTest,
		BASE_URL_EXPRESSION,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
}

describe('Capillary hosts', () => {
	it.each([
		['india', 'https://apac.api.capillarytech.com'],
		['apac2', 'https://apac2.api.capillarytech.com'],
		['eu', 'https://eu.api.capillarytech.com'],
		['us', 'https://us.api.capillarytech.com'],
		['china', 'https://api.capillarytech.cn.com'],
	])('region %s is %s, for requests and for the credential test alike', (region, baseUrl) => {
		expect(capillaryBaseUrl({ region })).toBe(baseUrl);
		expect(testBaseUrl({ region, customHost: '' })).toBe(baseUrl);
	});

	it('offers every region (and Custom Host) in both credentials, defaulting to India / APAC', () => {
		for (const credential of [new CapillaryApi(), new CapillaryOAuthApi()]) {
			const host = credential.properties.find((property) => property.name === 'region');
			const values = (host?.options as INodePropertyOptions[]).map((option) => option.value);
			expect(values.sort()).toEqual([...Object.keys(REGION_HOSTS), 'custom'].sort());
			for (const option of host?.options as INodePropertyOptions[]) {
				if (option.value !== 'custom') expect(option.name).toContain(REGION_HOSTS[option.value as keyof typeof REGION_HOSTS]);
			}
			expect(host?.default).toBe('india');
		}
	});

	it.each([
		['eucrm.cc.capillarytech.com', 'https://eucrm.cc.capillarytech.com'],
		[' EUCRM.cc.capillarytech.com ', 'https://eucrm.cc.capillarytech.com'],
		['https://gateway.example.com/capillary/', 'https://gateway.example.com/capillary'],
		['http://127.0.0.1:8080/capillary', 'http://127.0.0.1:8080/capillary'],
		['http://localhost:8080', 'http://localhost:8080'],
	])('accepts the custom host %j as %s', (customHost, baseUrl) => {
		expect(capillaryBaseUrl({ region: 'custom', customHost })).toBe(baseUrl);
	});

	it.each([
		['http://capillary.example.com', '"Custom Host" must use https:// (http:// is only allowed for localhost)'],
		['https://user:pw@capillary.example.com', '"Custom Host" must not contain a user name or password'],
		['ftp://capillary.example.com', '"Custom Host" must start with https://'],
		['capillary.example.com/path', '"Custom Host" must be a host name such as api.example.com, without https://, port or path'],
		['', '"Custom Host" must be a host name such as api.example.com, without https://, port or path'],
	])('refuses the custom host %j', (customHost, message) => {
		expect(() => capillaryBaseUrl({ region: 'custom', customHost })).toThrow(message);
	});

	it('refuses an unknown region', () => {
		expect(() => capillaryBaseUrl({ region: 'mars' })).toThrow('"Host" must be one of india, apac2, eu, us, china or custom');
	});

	it('gives the credential test the same custom base URL', () => {
		expect(testBaseUrl({ region: 'custom', customHost: 'eucrm.cc.capillarytech.com' })).toBe(
			'https://eucrm.cc.capillarytech.com',
		);
		expect(testBaseUrl({ region: 'custom', customHost: 'http://127.0.0.1:9/capillary' })).toBe('http://127.0.0.1:9/capillary');
	});

	it('attaches the md5 Basic header only for an allowed host', async () => {
		const credential = new CapillaryApi();
		const credentials = { region: 'custom', customHost: 'eucrm.cc.capillarytech.com', username: 'till', password: 'pw' };
		const authenticated = await credential.authenticate(credentials, { url: '/x', headers: { accept: 'application/json' } });
		expect(authenticated.headers).toEqual({
			accept: 'application/json',
			// md5('pw') in lower-case hex
			Authorization: `Basic ${Buffer.from('till:8fe4c11451281c094a6578e6ddbf5eed').toString('base64')}`,
		});
		await expect(
			credential.authenticate({ ...credentials, customHost: 'http://capillary.example.com' }, { url: '/x' }),
		).rejects.toThrow('"Custom Host" must use https://');
	});
});
