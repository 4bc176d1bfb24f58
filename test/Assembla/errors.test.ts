/** Bad input, a bad portfolio, Assembla's refusals, and how each error mode routes them, without leaking secrets. */
import { ASSEMBLA_API_KEY, ASSEMBLA_API_SECRET } from '../sandbox/vendors/assembla';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { createRequests } from './requests';
import { runNode } from '../support/run';
import { sandboxCredential } from '../support/vendors';

const sandbox = useSandbox();
const postFault = (status: number, body: string | object) =>
	sandbox.inject({ vendor: 'assembla', method: 'POST', fault: { type: 'status', status, body } });

describe('portfolio', () => {
	it('says "portfolio not found or no access" for an unknown portfolio (an empty 404)', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: rows('Ops'),
			parameters: { portfolio: 'nowhere' },
			onError: 'continueErrorOutput',
		});
		// n8n merges the error into the input row it came from.
		expect(jsonOf(result.outputs[2])).toEqual([
			{
				name: 'Ops',
				row: 0,
				error: 'Assembla: portfolio "nowhere" not found or no access (HTTP 404)',
				details: {
					description: 'Check that "nowhere" is the portfolio\'s subdomain and that the credential\'s user belongs to it.',
					httpCode: 404,
					vendor: 'assembla',
					name: 'Ops',
					attempts: 1,
				},
			},
		]);
		expect(createRequests(sandbox).map((request) => request.status)).toEqual([404]);
	});

	it('says the same for a portfolio the user is not a member of', async () => {
		sandbox.vendors.assembla.addPortfolio('private', { member: false });
		const result = await runNode(sandbox, 'assembla', { items: rows('Ops'), parameters: { portfolio: 'private' } });
		expect(result.error?.message).toBe('Assembla: portfolio "private" not found or no access (HTTP 404) [item 0]');
		expect(sandbox.vendors.assembla.groupsOf('private')).toEqual([]);
	});

	it('rejects a portfolio that is not a DNS label before sending anything, naming the field', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: [
				{ name: 'A', portfolio: 'sandbox' },
				{ name: 'B', portfolio: 'evil.com/x?portfolio=sandbox' },
			],
			parameters: { portfolio: '={{ $json.portfolio }}' },
			onError: 'continueErrorOutput',
		});
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		expect(pairedRows(result.outputs[2])).toEqual([1]);
		const [failed] = jsonOf(result.outputs[2]);
		expect(failed.error).toMatch(/^"Portfolio" may hold only letters, digits and hyphens/);
		expect(failed.details).toEqual(expect.objectContaining({ field: 'Portfolio', attempts: 0, httpCode: null }));
		expect(createRequests(sandbox)).toHaveLength(1);
	});

	it('sends the portfolio lower-cased, as the subdomain it is', async () => {
		await runNode(sandbox, 'assembla', { items: rows('Ops'), parameters: { portfolio: ' SandBox ' } });
		expect(createRequests(sandbox).map((request) => request.query.portfolio)).toEqual(['sandbox']);
		expect(sandbox.vendors.assembla.countGroups('Ops')).toBe(1);
	});
});

describe('other input', () => {
	it('rejects a Type other than space or user from an expression', async () => {
		const result = await runNode(sandbox, 'assembla', { items: [{ name: 'X', type: 'team' }], parameters: { type: '={{ $json.type }}' } });
		expect(result.error?.message).toBe('"Type" must be one of "space", "user" [item 0]');
		expect(createRequests(sandbox)).toHaveLength(0);
	});

	it('refuses a plain-http base URL that is not this machine, before sending the key anywhere', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: rows('Ops'),
			credentials: sandboxCredential(sandbox, 'assembla', 'assemblaApi', { baseUrl: 'http://api.assembla.example' }),
		});
		expect(result.error?.message).toBe('"Base URL" must use https:// (http:// is only allowed for localhost) [item 0]');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe("Assembla's refusals", () => {
	it('reports a wrong key or secret as a credential problem', async () => {
		const result = await runNode(sandbox, 'assembla', {
			items: rows('Ops'),
			credentials: sandboxCredential(sandbox, 'assembla', 'assemblaApi', { apiSecret: 'not-the-secret-at-all' }),
			onError: 'continueRegularOutput',
		});
		expect(jsonOf(result.outputs[0])).toEqual([
			expect.objectContaining({ error: 'Assembla rejected the credential (HTTP 401): check the credential' }),
		]);
		expect(result.outputs[1]).toEqual([]);
	});

	it('treats a 422 about other fields as a validation error quoting Assembla, not a conflict', async () => {
		postFault(422, { type: ['is not included in the list'], items: ['is invalid'] });
		const result = await runNode(sandbox, 'assembla', { items: rows('Ops'), onError: 'continueErrorOutput' });
		expect(result.outputs[1]).toEqual([]);
		expect(jsonOf(result.outputs[2])).toEqual([
			expect.objectContaining({
				error: 'Assembla rejected the data (HTTP 422): type is not included in the list; items is invalid',
			}),
		]);
	});

	it('treats a 422 about the form of the name (too long) as a validation error', async () => {
		postFault(422, { name: ['is too long (maximum is 255 characters)'] });
		const result = await runNode(sandbox, 'assembla', { items: rows('Ops'), onError: 'continueErrorOutput' });
		expect(result.outputs[1]).toEqual([]);
		expect(jsonOf(result.outputs[2])[0].error).toBe(
			'Assembla rejected the data (HTTP 422): name is too long (maximum is 255 characters)',
		);
	});

	it('reads a 422 in XML and quotes its messages', async () => {
		sandbox.inject({
			vendor: 'assembla',
			method: 'POST',
			fault: {
				type: 'body',
				status: 422,
				contentType: 'application/xml',
				body: '<?xml version="1.0"?><errors><error>Type is not included in the list</error><error>Items &amp; more are invalid</error></errors>',
			},
		});
		const result = await runNode(sandbox, 'assembla', { items: rows('Ops'), options: { bodyFormat: 'xml' }, onError: 'continueErrorOutput' });
		expect(jsonOf(result.outputs[2])[0].error).toBe(
			'Assembla rejected the data (HTTP 422): Type is not included in the list; Items & more are invalid',
		);
	});

	it('retries a 503 and then creates the group once', async () => {
		postFault(503, 'maintenance');
		const result = await runNode(sandbox, 'assembla', { items: rows('Ops') });
		expect(jsonOf(result.outputs[0])).toEqual([expect.objectContaining({ outcome: 'created', attempts: 2 })]);
		expect(createRequests(sandbox).map((request) => request.status)).toEqual([503, 201]);
		expect(sandbox.vendors.assembla.countGroups('Ops')).toBe(1);
	});

	it('says an HTML error page is in the way', async () => {
		sandbox.inject({ vendor: 'assembla', method: 'POST', fault: { type: 'html', status: 500 } });
		const result = await runNode(sandbox, 'assembla', { items: rows('Ops'), onError: 'continueErrorOutput' });
		const [failed] = jsonOf(result.outputs[2]);
		expect(failed.error).toBe('Assembla had an internal error (HTTP 500)');
		expect((failed.details as { description: string }).description).toMatch(/HTML page/);
	});
});

describe('error modes', () => {
	const setup = () => postFault(422, { type: ['is not included in the list'] });

	it('stops the workflow at the failed item by default, naming it', async () => {
		setup();
		const result = await runNode(sandbox, 'assembla', { items: rows('Bad', 'Good') });
		expect(result.error?.message).toBe('Assembla rejected the data (HTTP 422): type is not included in the list [item 0]');
	});

	it('puts the failed item on the Created output under "Continue"', async () => {
		setup();
		const result = await runNode(sandbox, 'assembla', { items: rows('Bad', 'Good'), onError: 'continueRegularOutput' });
		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
		expect(jsonOf(result.outputs[0]).map((item) => item.outcome ?? 'error')).toEqual(['error', 'created']);
	});

	it('routes it to the error output, merged with its input row, under "Continue (using error output)"', async () => {
		setup();
		const result = await runNode(sandbox, 'assembla', { items: rows('Bad', 'Good'), onError: 'continueErrorOutput' });
		expect(pairedRows(result.outputs[0])).toEqual([1]);
		expect(pairedRows(result.outputs[2])).toEqual([0]);
		expect(jsonOf(result.outputs[2])[0]).toEqual(expect.objectContaining({ name: 'Bad', row: 0, error: expect.any(String) }));
	});
});

it('keeps the key and secret out of outputs, errors, run data and logs, even when Assembla echoes them', async () => {
	postFault(422, { error: `key ${ASSEMBLA_API_KEY} with secret ${ASSEMBLA_API_SECRET} is not allowed here` });
	const result = await runNode(sandbox, 'assembla', { items: rows('Ops', 'Dev'), onError: 'continueErrorOutput' });
	expect(jsonOf(result.outputs[2])[0].error).toBe(
		'Assembla rejected the data (HTTP 422): key [redacted] with secret [redacted] is not allowed here',
	);
	const everything = JSON.stringify([result.outputs, result.runData, result.logs]);
	expect(everything).not.toContain(ASSEMBLA_API_KEY);
	expect(everything).not.toContain(ASSEMBLA_API_SECRET);
	// The requests did carry them: the check above is not vacuous.
	expect(createRequests(sandbox)[0].headers['x-api-secret']).toBe(ASSEMBLA_API_SECRET);
});
