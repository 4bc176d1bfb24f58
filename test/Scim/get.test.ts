/** Group → Get Many and Group → Get on the SCIM 2.0 node: the shared cases (1-based startIndex/count paging, displayName not caseExact). */
import { describeReadOperations } from '../support/read-cases';
import { useSandbox } from '../support/use-sandbox';
import { runNode } from '../support/run';
import { jsonOf, rows } from '../support/items';
import { lists } from './requests';

const sandbox = useSandbox();

describeReadOperations(sandbox, {
	vendor: 'scim',
	seed: (box, name) => box.vendors.scim.addGroup(name).id,
	pageSize: 100,
	ignorePaging: (box) => box.configure('scim', { paging: 'ignored' }),
	// Get asks the service's `displayName eq` filter. RFC 7644 §3.4.2.2 makes it ignore case for
	// displayName (caseExact: false), but scimmy's `eq` compares exactly: there, "sales team" does not
	// find "Sales Team". The node then says so rather than reading the whole directory for every miss.
	foldsCase: false,
	nameField: 'displayName',
});

describe('SCIM Group → Get with names the filter must escape', () => {
	it.each(['Say "hi"', 'back\\slash', 'x" or displayName pr or displayName eq "y'])('finds %s among decoys', async (name) => {
		sandbox.vendors.scim.addGroup('x');
		sandbox.vendors.scim.addGroup('y');
		const wanted = sandbox.vendors.scim.addGroup(name);
		const result = await runNode(sandbox, 'scim', { items: rows(name), parameters: { operation: 'get' } });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.outputs[0]).map((json) => [json.id, json.name])).toEqual([[wanted.id, name]]);
		expect(lists(sandbox).length).toBeGreaterThan(0);
	});
});
