/** Each of the three body encodings creates the group, with the API key credential. */
import { ASSEMBLA_API_KEY, ASSEMBLA_API_SECRET } from '../sandbox/vendors/assembla';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { createRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
describe('JSON body (the default)', () => {
	it('posts the fields flat, as the page\'s JSON examples do, to /v1/groups.json?portfolio= with the key and secret headers', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: [{ name: 'Developers', ids: ['dCDf9QDNyr4PMj5bfBjDYC', 'deug5QDNyr4PMj5bfBjDYC'] }],
			parameters: { items: '={{ $json.ids }}' },
		});
		expect(result.error).toBeUndefined();

		const [request] = createRequests(sandbox);
		expect(request.path).toBe('/v1/groups.json');
		expect(request.query).toEqual({ portfolio: 'sandbox' });
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.headers['x-api-key']).toBe(ASSEMBLA_API_KEY);
		expect(request.headers['x-api-secret']).toBe(ASSEMBLA_API_SECRET);
		expect(request.headers.authorization).toBeUndefined();
		expect(JSON.parse(request.body)).toEqual({
			name: 'Developers',
			type: 'space',
			items: ['dCDf9QDNyr4PMj5bfBjDYC', 'deug5QDNyr4PMj5bfBjDYC'],
		});

		const [stored] = sandbox.vendors.assembla.groupsOf();
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				vendor: 'assembla',
				outcome: 'created',
				id: String(stored.id),
				name: 'Developers',
				group: { ...stored, items: [...stored.items] },
				attempts: 1,
			},
		]);
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		expect(result.outputs[1]).toEqual([]);
	});

	it('takes Items as comma-separated text and Type "user", and leaves out an empty list', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: [
				{ name: 'Admins', ids: ' u1, u2 , u3 ' },
				{ name: 'Nobody', ids: '' },
			],
			parameters: { type: 'user', items: '={{ $json.ids }}' },
		});
		expect(result.error).toBeUndefined();
		const bodies = createRequests(sandbox).map((request) => JSON.parse(request.body) as unknown);
		expect(bodies).toEqual([
			{ name: 'Admins', type: 'user', items: ['u1', 'u2', 'u3'] },
			{ name: 'Nobody', type: 'user' },
		]);
		expect(sandbox.vendors.assembla.groupsOf().map(({ name, type, items }) => ({ name, type, items }))).toEqual([
			{ name: 'Admins', type: 'user', items: ['u1', 'u2', 'u3'] },
			{ name: 'Nobody', type: 'user', items: [] },
		]);
		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
	});

	it('takes the id from the Location header when the 201 has no body', async () => {
		sandbox.configure('assembla', { createdBody: 'empty' });
		const result = await runNode(sandbox, 'assembla', { items: rows('Ops') });
		const [stored] = sandbox.vendors.assembla.groupsOf();
		expect(jsonOf(result.outputs[0])).toEqual([
			expect.objectContaining({ outcome: 'created', id: String(stored.id), name: 'Ops' }),
		]);
	});
});

describe('XML body', () => {
	it('posts <group> to /v1/groups.xml and reads the typed XML answer into numbers and arrays', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: [{ name: 'Designers', ids: 'only-one' }],
			parameters: { items: '={{ $json.ids }}' },
			options: { bodyFormat: 'xml' },
		});
		expect(result.error).toBeUndefined();

		const [request] = createRequests(sandbox);
		expect(request.path).toBe('/v1/groups.xml');
		expect(request.query).toEqual({ portfolio: 'sandbox' });
		expect(request.headers['content-type']).toMatch(/^application\/xml/);
		expect(request.headers.accept).toBe('application/xml');
		expect(request.body).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><group><name>Designers</name><type>space</type>' +
				'<items type="array"><item>only-one</item></items></group>',
		);

		const [stored] = sandbox.vendors.assembla.groupsOf();
		const [created] = jsonOf(result.outputs[0]);
		expect(created).toEqual({
			vendor: 'assembla',
			outcome: 'created',
			id: String(stored.id),
			name: 'Designers',
			// `<id type="integer">` is a number, `<items type="array">` a list even with one entry,
			// and `<portfolio-id>` reads as portfolio_id.
			group: { id: stored.id, name: 'Designers', portfolio_id: stored.portfolio_id, type: 'space', items: ['only-one'] },
			attempts: 1,
		});
	});

	it('takes the id from the Location header when the XML 201 has no body', async () => {
		sandbox.configure('assembla', { createdBody: 'empty' });
		const result = await runNode(sandbox, 'assembla', { items: rows('QA'), options: { bodyFormat: 'xml' } });
		const [stored] = sandbox.vendors.assembla.groupsOf();
		expect(jsonOf(result.outputs[0])).toEqual([expect.objectContaining({ outcome: 'created', id: String(stored.id) })]);
	});
});

describe('query-string body', () => {
	it('posts group[name]=..&group[items][]=.. without a Content-Type to /v1/groups.json', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: [{ name: 'R&D = 100% fun', ids: ['a b', 'c+d'] }],
			parameters: { type: 'space', items: '={{ $json.ids }}' },
			options: { bodyFormat: 'queryString' },
		});
		expect(result.error).toBeUndefined();

		const [request] = createRequests(sandbox);
		expect(request.path).toBe('/v1/groups.json');
		expect(request.query).toEqual({ portfolio: 'sandbox' });
		expect(request.headers['content-type']).toBeUndefined();
		expect(request.body).toBe(
			'group[name]=R%26D%20%3D%20100%25%20fun&group[type]=space&group[items][]=a%20b&group[items][]=c%2Bd',
		);
		expect(sandbox.vendors.assembla.groupsOf().map(({ name, items }) => ({ name, items }))).toEqual([
			{ name: 'R&D = 100% fun', items: ['a b', 'c+d'] },
		]);
		expect(jsonOf(result.outputs[0])).toEqual([expect.objectContaining({ outcome: 'created', name: 'R&D = 100% fun' })]);
	});
});
