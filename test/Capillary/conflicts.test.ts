/** Error code 12012 in any shape and under any HTTP status goes to Conflict; the lookup finds the existing group. */
import type { CapDuplicateMode } from '../sandbox/vendors/capillary';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { createRequests, listRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
const capillary = () => sandbox.vendors.capillary;

const CREATE = { vendor: 'capillary', method: 'POST', path: '/group/create' } as const;

describe('12012 → Conflict', () => {
	it.each<[CapDuplicateMode, number]>([
		['status', 400],
		['errors', 400],
		['status', 200],
		['errors', 409],
		['status', 500],
	])('reads %s-shaped 12012 answered with HTTP %i as a conflict, with the existing id', async (duplicate, status) => {
		sandbox.configure('capillary', { duplicate, duplicateHttpStatus: status });
		const existing = capillary().addGroup('Gold', 5);

		const result = await runNode(sandbox, 'capillary', { items: rows('Silver', 'Gold') });

		expect(result.error).toBeUndefined();
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		expect(pairedRows(result.outputs[1])).toEqual([1]);
		expect(jsonOf(result.outputs[1])).toEqual([
			{
				vendor: 'capillary',
				outcome: 'conflict',
				name: 'Gold',
				id: String(existing.id),
				existing: { ...existing },
				message: 'Group name must be unique',
				httpCode: status,
				attempts: 1,
			},
		]);
		expect(capillary().countGroups('Gold')).toBe(1);
	});

	it('reads 12012 inside the message alone as a conflict', async () => {
		capillary().addGroup('Gold');
		sandbox.inject({ ...CREATE, fault: { type: 'status', status: 422, body: { message: 'Error 12012: duplicate group' } } });

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold') });

		expect(jsonOf(result.outputs[1]).map((json) => [json.message, json.httpCode])).toEqual([
			['Error 12012: duplicate group', 422],
		]);
	});

	it('treats "Group name must not be null" as a validation error, not a conflict', async () => {
		sandbox.inject({
			...CREATE,
			fault: { type: 'status', status: 400, body: { status: { success: false, code: 400, message: 'Group name must not be null' } } },
		});

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold'), onError: 'continueErrorOutput' });

		expect(result.outputs[1]).toEqual([]);
		expect(jsonOf(result.outputs[2])).toEqual([
			{
				name: 'Gold',
				row: 0,
				error: 'Capillary rejected the group name (HTTP 400): Group name must not be null',
				details: {
					description: 'Capillary received no usable name. Check what the Name field maps to for this item.',
					httpCode: 400,
					vendor: 'capillary',
					name: 'Gold',
					attempts: 1,
				},
			},
		]);
	});

	it('does not count HTTP 200 with success: false and another code as created', async () => {
		sandbox.inject({
			...CREATE,
			fault: { type: 'status', status: 200, body: { status: { success: false, code: 8015, message: 'Org not configured' } } },
		});

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold'), onError: 'continueRegularOutput' });

		expect(jsonOf(result.outputs[0]).map((json) => json.error)).toEqual([
			'Capillary reported a failure (HTTP 200): Org not configured',
		]);
	});

	it('pages through the list (pagingDto.last) to find the exact name among partial matches', async () => {
		for (let i = 0; i < 230; i++) capillary().addGroup(`Gold ${i}`);
		const gold = capillary().addGroup('Gold');

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold') });

		expect(jsonOf(result.outputs[1]).map((json) => json.id)).toEqual([String(gold.id)]);
		expect(listRequests(sandbox).map((request) => [request.path, request.query])).toEqual([
			['/api_gateway/core/v1/group', { name: 'Gold', page: '0', size: '100' }],
			['/api_gateway/core/v1/group', { name: 'Gold', page: '1', size: '100' }],
			['/api_gateway/core/v1/group', { name: 'Gold', page: '2', size: '100' }],
		]);
	});

	it('looks up on the list path of the chosen family, and on the other one when that is missing', async () => {
		const gold = capillary().addGroup('Gold');
		sandbox.inject({
			vendor: 'capillary',
			method: 'GET',
			path: '/api_gateway/rewards/core/v1/group',
			fault: { type: 'status', status: 404, body: { status: { success: false, code: 404, message: 'Not Found' } } },
		});

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold'), options: { apiPath: 'rewardsCore' } });

		expect(jsonOf(result.outputs[1]).map((json) => json.id)).toEqual([String(gold.id)]);
		expect(listRequests(sandbox).map((request) => [request.path, request.status])).toEqual([
			['/api_gateway/rewards/core/v1/group', 404],
			['/api_gateway/core/v1/group', 200],
		]);
	});

	it('skips the lookup when it is turned off', async () => {
		capillary().addGroup('Gold');

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold'), options: { lookUpExisting: false } });

		expect(jsonOf(result.outputs[1]).map((json) => [json.id, json.existing])).toEqual([[null, null]]);
		expect(listRequests(sandbox)).toHaveLength(0);
	});

	it('fails the item instead when On Conflict says so', async () => {
		const gold = capillary().addGroup('Gold');

		const result = await runNode(sandbox, 'capillary', {
			items: rows('Gold', 'Silver'),
			options: { onConflict: 'fail' },
			onError: 'continueErrorOutput',
		});

		expect(pairedRows(result.outputs[0])).toEqual([1]);
		expect(result.outputs[1]).toEqual([]);
		const [failed] = jsonOf(result.outputs[2]);
		expect(failed.error).toBe('Group name must be unique');
		// The wording is the shared engine's; what matters here is that it names the existing group and the option.
		const { description } = failed.details as { description: string };
		expect(description).toContain(String(gold.id));
		expect(description).toContain('"On Conflict"');
	});

	it('creates a name given twice in one run once: the first row wins, the later one is a conflict with its id', async () => {
		const result = await runNode(sandbox, 'capillary', { items: rows('Gold', 'Silver', 'Gold') });

		const [created] = jsonOf(result.outputs[0]);
		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
		expect(pairedRows(result.outputs[1])).toEqual([2]);
		expect(jsonOf(result.outputs[1])[0].id).toBe(created.id);
		expect(capillary().countGroups('Gold')).toBe(1);
		const golds = createRequests(sandbox).filter((request) => request.body.includes('Gold'));
		expect(golds.map((request) => request.status)).toEqual([200, 400]);
		expect(listRequests(sandbox)).toHaveLength(0);
	});
});
