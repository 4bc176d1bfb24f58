/**
 * The cases of Group → Get Many and Group → Get that every vendor's `get.test.ts` runs against the
 * sandbox (issue 18): 0 groups, one page, many pages, a limit in the middle of a page, a vendor that
 * ignores the paging parameters, 401, a 5xx answered by a retry; Return All against Limit; Get found
 * and not found under each On Error setting; `pairedItem`; one output. A vendor file passes what
 * differs (how to seed a group, how it pages, how it compares names) and adds its own filter cases.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RunResult } from '../harness';
import type { RecordedRequest, Sandbox, VendorName } from '../sandbox/types';
import { jsonOf, pairedRows, rows } from './items';
import { runNode, type NodeRun } from './run';
import { VENDORS } from './vendors';

export interface ReadSpec {
	vendor: VendorName;
	/** Seeds a group as if created earlier; returns its id as the node reports it. */
	seed(sandbox: Sandbox, name: string): string;
	/** Groups the node asks for per page; null for a list that is not paged (one request). */
	pageSize: number | null;
	/** Makes the vendor ignore its paging parameters (only for paged lists). */
	ignorePaging?(sandbox: Sandbox): void;
	/** Whether Get finds a group stored as "Sales Team" when asked for "sales team" (the vendor's comparison). */
	foldsCase: boolean;
	/** The field of the vendor's group object that holds its name (default `name`; SCIM: `displayName`). */
	nameField?: string;
}

const listRequests = (sandbox: Sandbox, vendor: VendorName): RecordedRequest[] => sandbox.requests.filter(VENDORS[vendor].isList);

/** `count` groups named `Group 1` … in the vendor's list order; their ids. */
function seedMany(spec: ReadSpec, sandbox: Sandbox, count: number, prefix = 'Group'): Array<{ id: string; name: string }> {
	return Array.from({ length: count }, (_, n) => {
		const name = `${prefix} ${n + 1}`;
		return { id: spec.seed(sandbox, name), name };
	});
}

const getMany = (parameters: INodeParameters): INodeParameters => ({ operation: 'getAll', ...parameters });

export function describeReadOperations(sandbox: Sandbox, spec: ReadSpec): void {
	const { vendor } = spec;
	const run = (items: IDataObject[], parameters: INodeParameters, more: Partial<NodeRun> = {}): Promise<RunResult> =>
		runNode(sandbox, vendor, { items, parameters, ...more });
	const summary = (result: RunResult) => jsonOf(result.outputs[0]).map(({ id, name }) => ({ id, name }));
	const named = (name: unknown) => expect.objectContaining({ [spec.nameField ?? 'name']: name }) as unknown;

	describe('Group → Get Many', () => {
		it('emits nothing, on its one output, when the vendor has no group', async () => {
			const result = await run(rows('x'), getMany({ returnAll: true }));
			expect(result.error).toBeUndefined();
			expect(result.outputs).toEqual([[]]);
			expect(listRequests(sandbox, vendor).length).toBeGreaterThan(0);
		});

		it('emits every group of one page as { vendor, id, name, group }, paired with its input item', async () => {
			const seeded = seedMany(spec, sandbox, 3);
			const result = await run(rows('x'), getMany({ returnAll: true }));
			expect(result.error).toBeUndefined();
			expect(result.outputs).toHaveLength(1);
			expect(summary(result)).toEqual(seeded);
			for (const json of jsonOf(result.outputs[0])) {
				expect(Object.keys(json).sort()).toEqual(['group', 'id', 'name', 'vendor']);
				expect(json.vendor).toBe(vendor);
				expect(json.group).toEqual(named(json.name));
			}
			expect(pairedRows(result.outputs[0])).toEqual([0, 0, 0]);
		});

		it('lists once per input item, each group paired with the item that asked', async () => {
			const seeded = seedMany(spec, sandbox, 2);
			const result = await run(rows('a', 'b'), getMany({ returnAll: true }));
			expect(summary(result)).toEqual([...seeded, ...seeded]);
			expect(pairedRows(result.outputs[0])).toEqual([0, 0, 1, 1]);
		});

		it('stops at the Limit (default 50) when Return All is off', async () => {
			const seeded = seedMany(spec, sandbox, 53);
			const result = await run(rows('x'), getMany({ returnAll: false }));
			expect(result.error).toBeUndefined();
			expect(summary(result)).toEqual(seeded.slice(0, 50));
		});

		if (spec.pageSize === null) {
			it('reads the unpaged list in one request and keeps the first Limit groups', async () => {
				const seeded = seedMany(spec, sandbox, 5);
				const result = await run(rows('x'), getMany({ returnAll: false, limit: 2 }));
				expect(summary(result)).toEqual(seeded.slice(0, 2));
				expect(listRequests(sandbox, vendor)).toHaveLength(1);
			});
		} else {
			const pageSize = spec.pageSize;

			it('pages through many pages with Return All', async () => {
				const seeded = seedMany(spec, sandbox, pageSize * 2 + 5);
				const result = await run(rows('x'), getMany({ returnAll: true }));
				expect(result.error).toBeUndefined();
				expect(summary(result)).toEqual(seeded);
				expect(listRequests(sandbox, vendor).length).toBeGreaterThanOrEqual(3);
			});

			it('stops in the middle of a page at the Limit, reading no page after it', async () => {
				const seeded = seedMany(spec, sandbox, pageSize * 2 + 5);
				const result = await run(rows('x'), getMany({ returnAll: false, limit: pageSize + 2 }));
				expect(result.error).toBeUndefined();
				expect(summary(result)).toEqual(seeded.slice(0, pageSize + 2));
				expect(listRequests(sandbox, vendor)).toHaveLength(2);
			});

			it('fails the item when the vendor ignores the paging parameters, instead of listing forever', async () => {
				seedMany(spec, sandbox, pageSize * 2 + 5);
				spec.ignorePaging?.(sandbox);
				const result = await run(rows('x'), getMany({ returnAll: true }));
				expect(result.error?.message).toMatch(/could not list groups: .*ignores the paging parameters \[item 0\]$/);
				expect(listRequests(sandbox, vendor).length).toBeLessThanOrEqual(2);
			});
		}

		it('fails the item on a 401, saying so, without a retry', async () => {
			seedMany(spec, sandbox, 2);
			sandbox.inject({ vendor, method: 'GET', times: Infinity, fault: { type: 'status', status: 401, body: { message: 'Unauthorized' } } });
			const result = await run(rows('x'), getMany({ returnAll: true }));
			expect(result.error?.message).toBe(`${VENDORS[vendor].displayName} could not list groups: HTTP 401 [item 0]`);
			expect(listRequests(sandbox, vendor)).toHaveLength(1);
		});

		it('reads a page again after a 503 and lists every group', async () => {
			const seeded = seedMany(spec, sandbox, 3);
			sandbox.inject({ vendor, method: 'GET', fault: { type: 'status', status: 503, headers: { 'Retry-After': '1' } } });
			const result = await run(rows('x'), getMany({ returnAll: true }));
			expect(result.error).toBeUndefined();
			expect(summary(result)).toEqual(seeded);
			expect(listRequests(sandbox, vendor)[0].status).toBe(503);
		});

		it('gives up on a page after the retries, as a failed item under "Continue"', async () => {
			sandbox.inject({ vendor, method: 'GET', times: Infinity, fault: { type: 'status', status: 503, headers: { 'Retry-After': '1' } } });
			const result = await run(rows('x'), getMany({ returnAll: true }), { options: { maxRetries: 1 }, onError: 'continueRegularOutput' });
			expect(jsonOf(result.outputs[0])).toEqual([
				expect.objectContaining({ error: `${VENDORS[vendor].displayName} could not list groups: HTTP 503` }),
			]);
			expect(pairedRows(result.outputs[0])).toEqual([0]);
			expect(listRequests(sandbox, vendor)).toHaveLength(2);
		});
	});

	describe('Group → Get', () => {
		it('emits the group of the exact name, paired with its item, on one output', async () => {
			seedMany(spec, sandbox, 2, 'Other');
			const sales = spec.seed(sandbox, 'Sales Team');
			const support = spec.seed(sandbox, 'Support');
			const result = await run(rows('Support', 'Sales Team'), { operation: 'get' });
			expect(result.error).toBeUndefined();
			expect(result.outputs).toHaveLength(1);
			expect(summary(result)).toEqual([
				{ id: support, name: 'Support' },
				{ id: sales, name: 'Sales Team' },
			]);
			expect(jsonOf(result.outputs[0])[0]).toEqual({
				vendor,
				id: support,
				name: 'Support',
				group: named('Support'),
			});
			expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
		});

		it(`compares names as ${vendor} does (${spec.foldsCase ? 'without regard to case' : 'exactly'})`, async () => {
			const sales = spec.seed(sandbox, 'Sales Team');
			const result = await run(rows('sales team'), { operation: 'get' }, { onError: 'continueRegularOutput' });
			const expected = spec.foldsCase ? [{ vendor, id: sales, name: 'Sales Team', group: expect.anything() }] : [expect.objectContaining({ error: 'No group named "sales team"' })];
			expect(jsonOf(result.outputs[0])).toEqual(expected);
		});

		it('stops the workflow on a name it does not find (On Error: Stop Workflow)', async () => {
			spec.seed(sandbox, 'Sales Team');
			const result = await run(rows('Sales Team', 'Marketing'), { operation: 'get' });
			expect(result.error?.message).toBe('No group named "Marketing" [item 1]');
		});

		it('emits a failed item for a name it does not find (On Error: Continue)', async () => {
			const sales = spec.seed(sandbox, 'Sales Team');
			const result = await run(rows('Marketing', 'Sales Team'), { operation: 'get' }, { onError: 'continueRegularOutput' });
			expect(result.error).toBeUndefined();
			expect(result.outputs).toHaveLength(1);
			expect(jsonOf(result.outputs[0])).toEqual([
				{ error: 'No group named "Marketing"', details: expect.objectContaining({ vendor, name: 'Marketing' }) },
				expect.objectContaining({ id: sales, name: 'Sales Team' }),
			]);
			expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
		});

		it('routes a name it does not find to the error output (On Error: Continue using error output)', async () => {
			const sales = spec.seed(sandbox, 'Sales Team');
			const result = await run(rows('Sales Team', 'Marketing'), { operation: 'get' }, { onError: 'continueErrorOutput' });
			expect(result.error).toBeUndefined();
			expect(result.outputs).toHaveLength(2);
			expect(summary(result)).toEqual([{ id: sales, name: 'Sales Team' }]);
			expect(pairedRows(result.outputs[0])).toEqual([0]);
			expect(pairedRows(result.outputs[1])).toEqual([1]);
			expect(JSON.stringify(result.outputs[1][0].json)).toContain('No group named \\"Marketing\\"');
		});

		it('refuses an empty name before asking the vendor, as a failed item on its one output', async () => {
			const result = await run(rows('  ', 'Sales Team'), { operation: 'get' }, { onError: 'continueRegularOutput' });
			expect(result.outputs).toHaveLength(1);
			expect(jsonOf(result.outputs[0])).toEqual([
				expect.objectContaining({ error: '"Name" is empty', details: expect.objectContaining({ field: 'Name' }) }),
				expect.objectContaining({ error: 'No group named "Sales Team"' }),
			]);
			expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
			expect(listRequests(sandbox, vendor)).toHaveLength(1);
		});
	});
}
