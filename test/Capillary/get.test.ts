/** Group → Get Many and Group → Get on Capillary: the shared cases, the name filter and the path families. */
import { jsonOf, rows } from '../support/items';
import { describeReadOperations } from '../support/read-cases';
import { runNode } from '../support/run';
import { useSandbox } from '../support/use-sandbox';
import { VENDORS } from '../support/vendors';

const sandbox = useSandbox();
const listRequests = () => sandbox.requests.filter(VENDORS.capillary.isList);

describeReadOperations(sandbox, {
	vendor: 'capillary',
	seed: (box, name) => String(box.vendors.capillary.addGroup(name).id),
	pageSize: 100,
	ignorePaging: (box) => box.configure('capillary', { paging: 'repeatsFirstPage' }),
	foldsCase: true,
});

it("Get sends the name to the list's name filter and picks the exact name among its partial matches", async () => {
	sandbox.vendors.capillary.addGroup('Gold Members');
	const gold = sandbox.vendors.capillary.addGroup('Gold');
	const result = await runNode(sandbox, 'capillary', { items: rows('Gold'), parameters: { operation: 'get' } });
	expect(jsonOf(result.outputs[0]).map(({ id, name }) => ({ id, name }))).toEqual([{ id: String(gold.id), name: 'Gold' }]);
	expect(listRequests().map((request) => request.query.name)).toEqual(['Gold']);
});

it('Get Many sends no name filter', async () => {
	sandbox.vendors.capillary.addGroup('Gold');
	const result = await runNode(sandbox, 'capillary', { items: rows('x'), parameters: { operation: 'getAll', returnAll: true } });
	expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['Gold']);
	expect(listRequests().map((request) => Object.keys(request.query).sort())).toEqual([['page', 'size']]);
});

it.each([
	['core', 'rewardsCore', '/api_gateway/rewards/core/v1/group'],
	['rewardsCore', 'core', '/api_gateway/core/v1/group'],
] as const)('with API Path %s lists through the other family when %s is the only one', async (apiPath, only, listedPath) => {
	sandbox.configure('capillary', { paths: [only] });
	sandbox.vendors.capillary.addGroup('Gold');
	const result = await runNode(sandbox, 'capillary', {
		items: rows('x'),
		parameters: { operation: 'getAll', returnAll: true },
		options: { apiPath },
	});
	expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['Gold']);
	expect(listRequests().map((request) => [request.path, request.status])).toEqual([
		[apiPath === 'core' ? '/api_gateway/core/v1/group' : '/api_gateway/rewards/core/v1/group', 404],
		[listedPath, 200],
	]);
});
