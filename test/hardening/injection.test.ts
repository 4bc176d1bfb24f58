/**
 * No input can send a request somewhere the credential did not name: company names, hosts, tenants
 * and portfolios that are not one DNS label or host, learn-center ids that are not ids, base URLs with
 * user info, queries or fragments are refused before anything is sent (the sandbox sees no request);
 * XML and form metacharacters in names are escaped (the vendor stores exactly what the user typed).
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../support/use-sandbox';
import { isDnsLabel } from './hostile-values';
import { rows } from '../support/items';
import { landings } from './outcomes';
import {
	ASSEMBLA,
	ASSEMBLA_XML,
	CAPILLARY,
	credentialCase,
	HELLOID_SINGLE_MODE,
	INVISIBLE_COLLECTOR,
	LEARN_CENTER,
	runCase,
	TALEO_LEARN,
} from './vendors';
import type { VendorCase } from './vendors';

const sandbox = useSandbox();

/** Runs two items with a credential whose `field` holds `value`; every item must fail on that field. */
async function expectRefusedCredential(
	vendorCase: VendorCase,
	credentialType: string,
	changes: IDataObject,
	field: string,
): Promise<void> {
	const working = credentialCase(vendorCase, credentialType).working(sandbox);
	const credentials = { [credentialType]: { ...working[credentialType], ...changes } as (typeof working)[string] };
	const result = await runCase(sandbox, vendorCase, {
		items: rows('first', 'second'),
		credentialType,
		credentials,
		onError: 'continueErrorOutput',
	});
	expect(result.error).toBeUndefined();
	for (const landing of landings(result, 2)) {
		expect(landing.place).toBe('error');
		expect((landing.json.details as IDataObject).field).toBe(field);
		expect(String(landing.json.error)).toContain(`"${field}"`);
	}
	expect(sandbox.requests).toEqual([]);
}

const HOSTS_THAT_ARE_NOT_LABELS = ['evil.com/', 'a@b', 'x#', '..', 'evil.com', 'sandbox.evil.com', 'sandbox/../x', 'sandbox:443', ' ', ''];

describe('HelloID company name', () => {
	it.each(HOSTS_THAT_ARE_NOT_LABELS)('refuses %j even with a Base URL override that would reach the sandbox', async (companyName) => {
		await expectRefusedCredential(HELLOID_SINGLE_MODE, 'helloIdApi', { companyName }, 'Company Name');
	});

	it('sends to the override exactly when the company name is one DNS label', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(fc.string({ maxLength: 70 }), fc.domain(), fc.constantFrom(...HOSTS_THAT_ARE_NOT_LABELS)), async (companyName) => {
				sandbox.reset();
				const store = credentialCase(HELLOID_SINGLE_MODE).working(sandbox);
				const result = await runCase(sandbox, HELLOID_SINGLE_MODE, {
					items: rows('one'),
					credentials: { helloIdApi: { ...store.helloIdApi, companyName } },
					onError: 'continueErrorOutput',
				});
				const [landing] = landings(result, 1);
				if (isDnsLabel(companyName)) {
					expect(landing.place).toBe('created');
					expect(sandbox.requests.map((request) => request.path)).toEqual(['/api/v1/groups']);
				} else {
					expect((landing.json.details as IDataObject).field).toBe('Company Name');
					expect(sandbox.requests).toEqual([]);
				}
			}),
			{ numRuns: 40 },
		);
	});

	it.each(['http://a:b@127.0.0.1/helloid', 'http://evil.example', 'https://sandbox.helloid.com?x=1', 'https://sandbox.helloid.com#x'])(
		'refuses the Base URL %j',
		async (baseUrl) => {
			await expectRefusedCredential(HELLOID_SINGLE_MODE, 'helloIdApi', { baseUrl }, 'Base URL');
		},
	);
});

describe('Capillary host', () => {
	const local = () => sandbox.baseUrl('capillary');
	const hostileHosts = () => [
		...HOSTS_THAT_ARE_NOT_LABELS.filter((host) => !['evil.com', 'sandbox.evil.com', ''].includes(host)),
		`${local().replace('http://', '')}#`,
		local().replace('http://', 'http://user@'),
		`${local()}?x=`,
		`${local()}#fragment`,
		'http://evil.example/capillary',
		local().replace('http://', 'ftp://'),
	];

	it.each(['capillaryApi', 'capillaryOAuthApi'])('refuses every custom host that is not a host or a safe base URL (%s)', async (type) => {
		for (const customHost of hostileHosts()) {
			sandbox.reset();
			await expectRefusedCredential(CAPILLARY, type, { customHost }, 'Custom Host');
		}
	});

	it('refuses a region that is not one of the list', async () => {
		await expectRefusedCredential(CAPILLARY, 'capillaryApi', { region: 'evil.com' }, 'Host');
	});
});

describe('Taleo Learn instance and learn center', () => {
	const local = () => sandbox.baseUrl('taleoLearn');

	it('refuses an instance URL with user info, a query, a fragment, another scheme, or plain http elsewhere', async () => {
		const hostile = [
			local().replace('http://', 'http://admin:pw@'),
			`${local()}?tenant=other`,
			`${local()}#x`,
			'http://evil.example',
			'javascript:alert(1)',
			'file:///etc/passwd',
			'127.0.0.1',
		];
		for (const instanceUrl of hostile) {
			sandbox.reset();
			await expectRefusedCredential(TALEO_LEARN, 'taleoLearnApi', { instanceUrl }, 'Instance URL');
		}
	});

	const hostileIds = [
		`${LEARN_CENTER}/../${LEARN_CENTER + 1}`,
		'..',
		'%2F',
		`${LEARN_CENTER}%2F..%2F${LEARN_CENTER + 1}`,
		`${LEARN_CENTER}/groups?x=`,
		`/${LEARN_CENTER}`,
		`${LEARN_CENTER}#`,
		`${LEARN_CENTER} ${LEARN_CENTER + 1}`,
		`${LEARN_CENTER}.0`,
		'0x2B8E9',
	];

	it.each(hostileIds)('refuses the learn center %j before any request', async (learnCenter) => {
		const result = await runCase(sandbox, TALEO_LEARN, {
			items: [{ name: 'Injected', learnCenter }],
			parameters: { learnCenterId: '={{ $json.learnCenter }}' },
			onError: 'continueErrorOutput',
		});
		const [landing] = landings(result, 1);
		expect(landing.place).toBe('error');
		expect((landing.json.details as IDataObject).field).toBe('Learn Center');
		expect(sandbox.requests).toEqual([]);
	});

	it('puts an id given with spaces into the path as digits only', async () => {
		const result = await runCase(sandbox, TALEO_LEARN, {
			items: [{ name: 'Spaced', learnCenter: ` ${LEARN_CENTER + 1} ` }],
			parameters: { learnCenterId: '={{ $json.learnCenter }}' },
			onError: 'continueErrorOutput',
		});
		expect(landings(result, 1)[0].place).toBe('created');
		expect(sandbox.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST /learn.rest/v1/learnCenters/${LEARN_CENTER + 1}/groups`,
		]);
	});
});

describe('Assembla portfolio, base URL and body encodings', () => {
	it.each([...HOSTS_THAT_ARE_NOT_LABELS, 'sandbox&portfolio=other', 'sandbox%2F..'])('refuses the portfolio %j', async (portfolio) => {
		const result = await runCase(sandbox, ASSEMBLA, {
			items: [{ name: 'Injected', portfolio }],
			parameters: { portfolio: '={{ $json.portfolio }}' },
			onError: 'continueErrorOutput',
		});
		const [landing] = landings(result, 1);
		expect(landing.place).toBe('error');
		expect((landing.json.details as IDataObject).field).toBe('Portfolio');
		expect(sandbox.requests).toEqual([]);
	});

	it('refuses a base URL with user info, a query or plain http elsewhere', async () => {
		const local = sandbox.baseUrl('assembla');
		for (const baseUrl of [local.replace('http://', 'http://k:s@'), `${local}?portfolio=other`, 'http://evil.example']) {
			sandbox.reset();
			await expectRefusedCredential(ASSEMBLA, 'assemblaApi', { baseUrl }, 'Base URL');
		}
	});

	const METACHARACTER_NAMES = [
		'<name>x</name>',
		'a & b',
		'x]]>y',
		'"double" \'single\'',
		'<!-- comment -->',
		'<?xml version="1.0"?>',
		'</name><type>user</type><name>',
		'&amp; &#x3C; &lt;',
		'<![CDATA[z]]>',
	];

	it('escapes XML metacharacters in names and items: the vendor stores exactly what was typed', async () => {
		const items = ['</item><item>evil', 'a&b', '<x/>'];
		const result = await runCase(sandbox, ASSEMBLA_XML, {
			items: METACHARACTER_NAMES.map((name) => ({ name, ids: items })),
			parameters: { items: '={{ $json.ids }}' },
			onError: 'continueErrorOutput',
		});
		expect(landings(result, METACHARACTER_NAMES.length).map((landing) => landing.place)).toEqual(
			METACHARACTER_NAMES.map(() => 'created'),
		);
		expect(result.outputs[0].map((item) => item.json.name)).toEqual(METACHARACTER_NAMES);
		const stored = sandbox.vendors.assembla.groupsOf();
		expect(stored.map((group) => group.name).sort()).toEqual([...METACHARACTER_NAMES].sort());
		for (const group of stored) {
			expect(group.type).toBe('space');
			expect(group.items).toEqual(items);
		}
		expect(sandbox.requests.every((request) => request.path === '/v1/groups.xml')).toBe(true);
	});

	it('encodes form metacharacters in query-string mode: no extra field reaches the vendor', async () => {
		const names = ['a&group[type]=user', 'b=c&group[items][]=x', '100% sure', 'plus+sign', 'semi;colon'];
		const result = await runCase(sandbox, ASSEMBLA, {
			items: rows(...names),
			options: { bodyFormat: 'queryString' },
			onError: 'continueErrorOutput',
		});
		expect(landings(result, names.length).map((landing) => landing.place)).toEqual(names.map(() => 'created'));
		const stored = sandbox.vendors.assembla.groupsOf();
		expect(stored.map((group) => group.name).sort()).toEqual([...names].sort());
		for (const group of stored) {
			expect(group.type).toBe('space');
			expect(group.items).toEqual([]);
		}
	});
});

describe('Invisible Collector base URL', () => {
	it('refuses a base URL with user info, a query, a fragment or another scheme', async () => {
		const local = sandbox.baseUrl('invisibleCollector');
		for (const baseUrl of [local.replace('http://', 'http://u:p@'), `${local}?x=1`, `${local}#x`, 'javascript:alert(1)', 'not a url']) {
			sandbox.reset();
			await expectRefusedCredential(INVISIBLE_COLLECTOR, 'invisibleCollectorApi', { baseUrl }, 'Base URL');
		}
	});
});
