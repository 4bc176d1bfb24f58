/** Names that break naive encoders reach Assembla intact and come back intact, in every encoding. */
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows } from '../support/items';
import { createRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
const HOSTILE = [
	'<script>alert(1)</script>',
	'Tom & Jerry &amp; Co',
	`"double" and 'single' quotes`,
	'Ends a CDATA ]]> here',
	'Équipe Zürich – 東京 🚀',
	'group[name]=x&group[type]=user',
	'&#60; not a tag &lt;',
];

describe.each(['xml', 'json', 'queryString'] as const)('%s body', (bodyFormat) => {
	it('creates each hostile name exactly as given and reports it unchanged', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: HOSTILE.map((name, row) => ({ name, row, ids: [`${name}-item`] })),
			parameters: { items: '={{ $json.ids }}' },
			options: { bodyFormat },
		});
		expect(result.error).toBeUndefined();
		expect(createRequests(sandbox)).toHaveLength(HOSTILE.length);

		const stored = sandbox.vendors.assembla.groupsOf();
		expect(stored.map((group) => group.name)).toEqual(HOSTILE);
		expect(stored.map((group) => group.items)).toEqual(HOSTILE.map((name) => [`${name}-item`]));

		const created = jsonOf(result.outputs[0]);
		expect(created.map((item) => item.name)).toEqual(HOSTILE);
		expect(created.map((item) => (item.group as { name: string }).name)).toEqual(HOSTILE);
		expect(created.map((item) => (item.group as { items: string[] }).items)).toEqual(HOSTILE.map((name) => [`${name}-item`]));
		expect(created.map((item) => item.id)).toEqual(stored.map((group) => String(group.id)));
		expect(pairedRows(result.outputs[0])).toEqual(HOSTILE.map((_, row) => row));
	});
});

it('escapes markup in the XML it sends, so the body stays one well-formed <group>', async () => {
	await runNode(sandbox, 'assembla', { items: [{ name: '</name><type>user</type><name>x' }], options: { bodyFormat: 'xml' } });
	const [request] = createRequests(sandbox);
	expect(request.body).toContain('<name>&lt;/name&gt;&lt;type&gt;user&lt;/type&gt;&lt;name&gt;x</name><type>space</type>');
	expect(sandbox.vendors.assembla.groupsOf().map(({ name, type }) => ({ name, type }))).toEqual([
		{ name: '</name><type>user</type><name>x', type: 'space' },
	]);
});
