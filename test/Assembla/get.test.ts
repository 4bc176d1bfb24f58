/** Group → Get Many and Group → Get on Assembla: the shared cases, and the portfolio as the list's filter. */
import { jsonOf, rows } from '../support/items';
import { describeReadOperations } from '../support/read-cases';
import { runNode } from '../support/run';
import { useSandbox } from '../support/use-sandbox';
import { listRequests } from './requests';

const sandbox = useSandbox();

describeReadOperations(sandbox, {
	vendor: 'assembla',
	seed: (box, name) => String(box.vendors.assembla.addGroup(name).id),
	pageSize: 100,
	ignorePaging: (box) => box.configure('assembla', { paging: 'repeatsFirstPage' }),
	foldsCase: true,
});

it('lists the groups of the Portfolio only', async () => {
	sandbox.vendors.assembla.addGroup('Here');
	sandbox.vendors.assembla.addPortfolio('other');
	sandbox.vendors.assembla.addGroup('Elsewhere', 'other');
	const result = await runNode(sandbox, 'assembla', { items: rows('x'), parameters: { operation: 'getAll', returnAll: true, portfolio: 'other' } });
	expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['Elsewhere']);
	expect(new Set(listRequests(sandbox).map((request) => request.query.portfolio))).toEqual(new Set(['other']));
});

it('ends the list at a 204 No Content page', async () => {
	sandbox.vendors.assembla.addGroup('Only');
	const result = await runNode(sandbox, 'assembla', { items: rows('x'), parameters: { operation: 'getAll', returnAll: true } });
	expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['Only']);
	expect(listRequests(sandbox).map((request) => request.status)).toEqual([200, 204]);
});
