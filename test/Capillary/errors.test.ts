/** The node's error modes, and answers that are neither created nor conflict. */
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { createRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
const capillary = () => sandbox.vendors.capillary;

const CREATE = { vendor: 'capillary', method: 'POST', path: '/group/create' } as const;
const forbidden = {
	...CREATE,
	fault: { type: 'status', status: 403, body: { status: { success: false, code: 403, message: 'Access denied for org' } } },
} as const;
const FORBIDDEN_MESSAGE = 'Capillary refused access with this credential (HTTP 403): Access denied for org';

describe('error modes', () => {
	it('stops the node with the item index and the HTTP code by default', async () => {
		sandbox.inject(forbidden);

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold') });

		expect(result.error?.message).toBe(`${FORBIDDEN_MESSAGE} [item 0]`);
		expect(result.error?.description).toBe('Capillary said: Access denied for org');
		expect((result.error as { httpCode?: string } | undefined)?.httpCode).toBe('403');
		expect(result.outputs).toEqual([]);
	});

	it('puts the failed item on output 0 as { error, details } under "Continue"', async () => {
		sandbox.inject(forbidden);

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold', 'Silver'), onError: 'continueRegularOutput' });

		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
		const [failed, created] = jsonOf(result.outputs[0]);
		expect(failed).toEqual({
			error: FORBIDDEN_MESSAGE,
			details: {
				description: 'Capillary said: Access denied for org',
				httpCode: 403,
				vendor: 'capillary',
				name: 'Gold',
				attempts: 1,
			},
		});
		expect(created.outcome).toBe('created');
	});

	it('routes the failed item, with the user\'s own row, to the error output under "Continue (using error output)"', async () => {
		sandbox.inject(forbidden);

		const result = await runNode(sandbox, 'capillary', {
			items: [{ name: 'Gold', sheetRow: 7 }, { name: 'Silver', sheetRow: 8 }],
			onError: 'continueErrorOutput',
		});

		expect(result.outputs).toHaveLength(3);
		expect(pairedRows(result.outputs[0])).toEqual([1]);
		expect(pairedRows(result.outputs[2])).toEqual([0]);
		expect(jsonOf(result.outputs[2])[0]).toMatchObject({ name: 'Gold', sheetRow: 7, error: FORBIDDEN_MESSAGE });
	});

	it('retries a 503 and reports the attempts', async () => {
		sandbox.inject({ ...CREATE, fault: { type: 'status', status: 503, headers: { 'retry-after': '0' } } });

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold') });

		expect(jsonOf(result.outputs[0]).map((json) => [json.outcome, json.attempts])).toEqual([['created', 2]]);
		expect(createRequests(sandbox).map((request) => request.status)).toEqual([503, 200]);
		expect(capillary().countGroups('Gold')).toBe(1);
	});

	it('says so when a proxy answers with an HTML page', async () => {
		sandbox.inject({ ...CREATE, fault: { type: 'html', status: 502 } });

		const result = await runNode(sandbox, 'capillary', {
			items: rows('Gold'),
			options: { maxRetries: 0 },
			onError: 'continueRegularOutput',
		});

		const [failed] = jsonOf(result.outputs[0]);
		expect(failed.error).toBe('Capillary is unreachable behind its gateway (HTTP 502) (gave up after 1 attempts)');
		expect((failed.details as { description: string }).description).toBe(
			'Capillary answered with an HTML page instead of JSON; a proxy or maintenance page may be in the way.',
		);
	});

	it('does not take a 200 without a group id as created', async () => {
		sandbox.inject({ ...CREATE, fault: { type: 'body', status: 200, body: '{"name":"Gold"}' } });

		const result = await runNode(sandbox, 'capillary', { items: rows('Gold'), onError: 'continueRegularOutput' });

		expect(jsonOf(result.outputs[0]).map((json) => json.error)).toEqual([
			'Capillary answered HTTP 200 with JSON without the group id, not the created group',
		]);
	});
});
