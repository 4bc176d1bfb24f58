/**
 * No second group after an answer that never came: the vendor creates the group and then drops the
 * connection or answers 500/502/504. A vendor that refuses a repeated create gets the create again
 * only when the name cannot be looked up (it answers "already exists"); otherwise the name is looked up first.
 * Either way, one row never makes two groups of one name.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Fault } from '../sandbox/types';
import { useSandbox } from '../support/use-sandbox';
import { rows } from '../support/items';
import { landings, uniqueName } from './outcomes';
import type { Landing } from './outcomes';
import { INVISIBLE_COLLECTOR, runCase, TALEO_LEARN, VENDOR_CASES } from './vendors';
import type { VendorCase } from './vendors';

const sandbox = useSandbox();

async function runOne(vendorCase: VendorCase, options: IDataObject = {}): Promise<Landing & { name: string }> {
	const name = uniqueName(vendorCase.vendor);
	const result = await runCase(sandbox, vendorCase, { items: rows(name), options, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	return { ...landings(result, 1)[0], name };
}

const details = (landing: Landing) => (landing.json.details ?? {}) as IDataObject;

/** The vendor's requests in order, as `POST` / `GET` (create and list). */
const methods = (vendorCase: VendorCase) =>
	sandbox.requests.filter((request) => request.vendor === vendorCase.vendor).map((request) => request.method);

const ACTED_THEN_LOST: Array<[string, Fault]> = [
	['a reset after the vendor acted', { type: 'reset', when: 'after' }],
	['a 502 after the vendor acted', { type: 'applied', status: 502 }],
	['a 504 after the vendor acted', { type: 'applied', status: 504 }],
	['a 500 after the vendor acted', { type: 'applied', status: 500 }],
];

/** The sandbox's switch: whether the vendor refuses a second group of one name (Taleo Learn's default: no). */
const MODES = [
	['names unique', true],
	['names not unique', false],
] as const;

describe.each(VENDOR_CASES.map((vendorCase) => [vendorCase.label, vendorCase] as const))('%s', (_label, vendorCase) => {
	describe.each(MODES)('%s', (_mode, uniqueNames) => {
		beforeEach(() => sandbox.configure(vendorCase.vendor, { uniqueNames }));

		it.each(ACTED_THEN_LOST)('makes one group of one row after %s', async (_what, fault) => {
			sandbox.inject({ vendor: vendorCase.vendor, ...vendorCase.create, fault });
			const landing = await runOne(vendorCase, { maxRetries: 2 });
			expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
			const retried = !(fault.type === 'applied' && fault.status === 500 && !vendorCase.retries500);
			if (!retried) {
				// A 500 this vendor does not retry is final: nothing is sent again.
				expect(landing.place).toBe('error');
				expect(vendorCase.createRequests(sandbox)).toHaveLength(1);
				return;
			}
			expect(landing.place).toBe('conflict');
			expect(landing.json.mayHaveBeenCreatedByEarlierAttempt).toBe(true);
			expect(landing.json.id).toBe(vendorCase.groupId(sandbox, landing.name));
			expect(landing.json.existing).not.toBeNull();
			// The lookup found the group: the create is not sent again.
			expect(vendorCase.createRequests(sandbox)).toHaveLength(1);
		});
	});
});

describe('with Look Up Existing Group off', () => {
	it('sends the create again to a vendor that refuses a repeat, and meets its "already exists"', async () => {
		const ic = INVISIBLE_COLLECTOR;
		sandbox.inject({ vendor: ic.vendor, ...ic.create, fault: { type: 'reset', when: 'after' } });
		const landing = await runOne(ic, { maxRetries: 2, lookUpExisting: false });
		expect(landing.place).toBe('conflict');
		expect(landing.json.mayHaveBeenCreatedByEarlierAttempt).toBe(true);
		expect(ic.createRequests(sandbox)).toHaveLength(2);
		expect(ic.countGroups(sandbox, landing.name)).toBe(1);
	});

	it('still looks before sending again to a vendor that may take a repeat', async () => {
		sandbox.inject({ vendor: 'taleoLearn', ...TALEO_LEARN.create, fault: { type: 'reset', when: 'after' } });
		const landing = await runOne(TALEO_LEARN, { maxRetries: 2, lookUpExisting: false });
		expect(landing.place).toBe('conflict');
		expect(TALEO_LEARN.createRequests(sandbox)).toHaveLength(1);
		expect(TALEO_LEARN.countGroups(sandbox, landing.name)).toBe(1);
	});
});

describe('Taleo Learn (a repeated create is not known to be refused)', () => {
	const taleo = TALEO_LEARN;
	const injectCreate = (fault: Fault, times = 1) => sandbox.inject({ vendor: 'taleoLearn', ...taleo.create, fault, times });
	const injectList = (fault: Fault, times = 1) =>
		sandbox.inject({ vendor: 'taleoLearn', method: 'GET', path: '/groups', fault, times });

	it('looks the name up before sending again, and sends again when the vendor has no such group', async () => {
		// The connection drops before the vendor read the request: nothing was created.
		injectCreate({ type: 'reset', when: 'before' });
		const landing = await runOne(taleo, { maxRetries: 2 });
		expect(landing.place).toBe('created');
		expect(landing.json.attempts).toBe(2);
		expect(methods(taleo)).toEqual(['POST', 'GET', 'POST']);
		expect(taleo.countGroups(sandbox, landing.name)).toBe(1);
	});

	it('does not send again when the lookup fails, and says the group may exist', async () => {
		injectCreate({ type: 'applied', status: 502 });
		injectList({ type: 'status', status: 401, body: { message: 'no access to lists' } }, Infinity);
		const landing = await runOne(taleo, { maxRetries: 2 });
		expect(landing.place).toBe('error');
		expect(taleo.createRequests(sandbox)).toHaveLength(1);
		expect(taleo.countGroups(sandbox, landing.name)).toBe(1);
		expect(String(details(landing).description)).toMatch(/may have been created/);
		expect(String(details(landing).description)).toMatch(/looking the name up first failed/);
		expect(details(landing).httpCode).toBe(502);
	});

	it('does not send again when no answer comes to the lookup either', async () => {
		injectCreate({ type: 'reset', when: 'after' });
		injectList({ type: 'reset', when: 'before' }, Infinity);
		const landing = await runOne(taleo, { maxRetries: 1 });
		expect(landing.place).toBe('error');
		expect(taleo.createRequests(sandbox)).toHaveLength(1);
		expect(taleo.countGroups(sandbox, landing.name)).toBe(1);
		expect(String(details(landing).description)).toMatch(/may have been created/);
	});

	it('looks afresh: a list page read before the attempt is not trusted', async () => {
		// Row 1 conflicts and pages the list (the group of row 2 is not on it yet); row 2 is then
		// created by an attempt whose answer is lost, and its lookup must read the list again.
		sandbox.configure('taleoLearn', { uniqueNames: true });
		const taken = uniqueName('taleo-taken');
		const fresh = uniqueName('taleo-fresh');
		const first = await runCase(sandbox, taleo, { items: rows(taken), onError: 'continueErrorOutput' });
		expect(landings(first, 1)[0].place).toBe('created');
		sandbox.resetStats();
		injectCreate({ type: 'delay', ms: 0 }); // row 1's create goes through as usual
		injectCreate({ type: 'applied', status: 504 });
		const result = await runCase(sandbox, taleo, {
			items: rows(taken, fresh),
			options: { maxRetries: 2, concurrency: 1 },
			onError: 'continueErrorOutput',
		});
		const [again, created] = landings(result, 2);
		expect(again.place).toBe('conflict');
		expect(created.place).toBe('conflict');
		expect(created.json.mayHaveBeenCreatedByEarlierAttempt).toBe(true);
		expect(created.json.id).toBe(taleo.groupId(sandbox, fresh));
		expect(taleo.countGroups(sandbox, fresh)).toBe(1);
		expect(taleo.createRequests(sandbox)).toHaveLength(2);
	});
});
