/** The open points of docs/vendors/scim.md, each answered the way the node chose. */
import { jsonOf, rows } from '../support/items';
import { runNode } from '../support/run';
import { useSandbox } from '../support/use-sandbox';
import { lists } from './requests';

const sandbox = useSandbox();
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

describe('SCIM 2.0: open points', () => {
	it('a 409 without scimType on a create is a Conflict too, its id through the lookup', async () => {
		const existing = sandbox.vendors.scim.addGroup('Quiet');
		sandbox.inject({
			method: 'POST',
			path: '/Groups',
			fault: { type: 'status', status: 409, body: { schemas: [ERROR_SCHEMA], status: '409', detail: 'Group exists' } },
		});

		const result = await runNode(sandbox, 'scim', { items: rows('Quiet') });

		expect(jsonOf(result.outputs[1])[0]).toMatchObject({ outcome: 'conflict', id: existing.id, message: 'Group exists' });
	});

	it('names differing only in case are one group to the node (displayName is caseExact: false): the later row is its Conflict', async () => {
		// scimmy itself compares exactly and would take both; the node follows RFC 7643's schema instead.
		const result = await runNode(sandbox, 'scim', { items: rows('Sales', 'SALES') });

		const [created] = jsonOf(result.outputs[0]);
		expect(created).toMatchObject({ name: 'Sales' });
		expect(jsonOf(result.outputs[1])).toEqual([expect.objectContaining({ outcome: 'conflict', name: 'SALES', id: created.id })]);
		expect(sandbox.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('a lookup that the service answers with a non-page fails the lookup instead of saying "no such group"', async () => {
		sandbox.vendors.scim.addGroup('Hidden');
		sandbox.inject({ method: 'GET', path: '/Groups', fault: { type: 'html', status: 200 } });

		const result = await runNode(sandbox, 'scim', { items: rows('Hidden') });

		const [conflict] = jsonOf(result.outputs[1]);
		expect(conflict).toMatchObject({ outcome: 'conflict', id: null });
		expect(JSON.stringify(conflict)).toContain('SCIM 2.0 lookup failed');
		expect(lists(sandbox)).toHaveLength(1);
	});
});
