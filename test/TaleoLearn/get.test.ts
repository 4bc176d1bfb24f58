/** Group → Get Many and Group → Get on Taleo Learn: the shared cases, and the learn center as the list's filter. */
import { jsonOf, rows } from '../support/items';
import { describeReadOperations } from '../support/read-cases';
import { runNode } from '../support/run';
import { useSandbox } from '../support/use-sandbox';
import { TALEO_LEARN_CENTER, VENDORS } from '../support/vendors';

const sandbox = useSandbox();

describeReadOperations(sandbox, {
	vendor: 'taleoLearn',
	seed: (box, name) => String(box.vendors.taleoLearn.addGroup(TALEO_LEARN_CENTER, { name }).id),
	pageSize: 50,
	ignorePaging: (box) => box.configure('taleoLearn', { paging: 'repeatsFirstPage' }),
	foldsCase: true,
});

it('lists the groups of the chosen learn center only', async () => {
	const [, other] = sandbox.vendors.taleoLearn.learnCenters.filter((center) => center.id !== TALEO_LEARN_CENTER);
	sandbox.vendors.taleoLearn.addGroup(TALEO_LEARN_CENTER, { name: 'Here' });
	sandbox.vendors.taleoLearn.addGroup(other.id, { name: 'Elsewhere' });
	const result = await runNode(sandbox, 'taleoLearn', {
		items: [{ learnCenter: other.id }],
		parameters: { operation: 'getAll', returnAll: true },
	});
	expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['Elsewhere']);
	expect(sandbox.requests.filter(VENDORS.taleoLearn.isList).map((request) => request.path)).toEqual([
		`/learn.rest/v1/learnCenters/${other.id}/groups`,
	]);
});

it('pages by the groups actually returned when the server caps the page size', async () => {
	sandbox.configure('taleoLearn', { maxLimit: 3 });
	for (let n = 1; n <= 8; n++) sandbox.vendors.taleoLearn.addGroup(TALEO_LEARN_CENTER, { name: `G${n}` });
	const result = await runNode(sandbox, 'taleoLearn', { items: rows('x'), parameters: { operation: 'getAll', limit: 5 } });
	expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5']);
	expect(sandbox.requests.filter(VENDORS.taleoLearn.isList).map((request) => request.query.offset)).toEqual(['0', '3']);
});
