/**
 * A failed lookup is not "not found": the Conflict item says the lookup failed (`id: null` and
 * `lookupError`), and the next item that needs the name asks the vendor again.
 */
import { useSandbox } from '../support/use-sandbox';
import { rows } from '../support/items';
import { landings, uniqueName } from './outcomes';
import { runCase, TALEO_LEARN } from './vendors';

const sandbox = useSandbox();

describe('Taleo Learn conflict lookups', () => {
	const taleo = TALEO_LEARN;
	const lists = () => sandbox.requests.filter((request) => request.vendor === 'taleoLearn' && request.method === 'GET');

	it('reports a failed lookup as such, and looks again for the next item of the name', async () => {
		sandbox.configure('taleoLearn', { uniqueNames: true });
		const taken = uniqueName('taleo-lookup');
		const first = await runCase(sandbox, taleo, { items: rows(taken), onError: 'continueErrorOutput' });
		expect(landings(first, 1)[0].place).toBe('created');
		sandbox.resetStats();
		// The first lookup meets a refused list request; the second one is answered.
		sandbox.inject({ vendor: 'taleoLearn', method: 'GET', path: '/groups', fault: { type: 'status', status: 401 } });
		const result = await runCase(sandbox, taleo, {
			items: rows(taken, taken),
			options: { concurrency: 1 },
			onError: 'continueErrorOutput',
		});
		const [failed, found] = landings(result, 2);
		expect(failed.place).toBe('conflict');
		expect(failed.json.id).toBeNull();
		expect(failed.json.existing).toBeNull();
		expect(failed.json.lookupError).toEqual(expect.stringContaining('401'));
		expect(found.place).toBe('conflict');
		expect(found.json.id).toBe(taleo.groupId(sandbox, taken));
		expect(found.json.lookupError).toBeUndefined();
		expect(lists().length).toBeGreaterThanOrEqual(2);
	});

	it('leaves lookupError out when the vendor answered and has no such group', async () => {
		const name = uniqueName('taleo-lookup');
		sandbox.inject({ vendor: 'taleoLearn', ...taleo.create, fault: { type: 'status', status: 409, body: { message: 'exists' } } });
		const result = await runCase(sandbox, taleo, { items: rows(name), onError: 'continueErrorOutput' });
		const [landing] = landings(result, 1);
		expect(landing.place).toBe('conflict');
		expect(landing.json.id).toBeNull();
		expect(landing.json).not.toHaveProperty('lookupError');
	});
});
