import { TALEO_PASSWORD } from '../sandbox/vendors/taleoLearn';
import { useSandbox } from '../support/use-sandbox';
import { everythingOf, jsonOf, pairedRows, rows } from '../support/items';
import { BASIC_AUTH, createRequests } from './requests';
import { runNode } from '../support/run';

// These cases are about the 409 of a taken name: a tenant that keeps names unique (the sandbox's
// default does not, as the documents promise the 409 only for the same identifier).
const sandbox = useSandbox({ vendors: { taleoLearn: { uniqueNames: true } } });

const taleo = () => sandbox.vendors.taleoLearn;
const BASIC_TOKEN = BASIC_AUTH.slice('Basic '.length);

describe('Taleo Learn: errors', () => {
	it("quotes the vendor's message of a 400", async () => {
		const result = await runNode(sandbox, 'taleoLearn', {
			items: [{ name: 'Owned', owners: '113458, 999' }],
			parameters: { additionalFields: { owners: '={{ $json.owners }}' } },
			onError: 'continueRegularOutput',
		});

		expect(createRequests(sandbox)).toHaveLength(1);
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				error: 'Taleo Learn rejected the request as invalid (HTTP 400): User 999 does not exist',
				details: {
					description: 'Taleo Learn said: User 999 does not exist',
					httpCode: 400,
					vendor: 'taleoLearn',
					name: 'Owned',
					attempts: 1,
				},
			},
		]);
	});

	it('retries a 500 and reports the group the next attempt created', async () => {
		sandbox.inject({ vendor: 'taleoLearn', method: 'POST', fault: { type: 'status', status: 500, body: { title: 'Internal Server Error' } } });

		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Retried') });

		expect(result.error).toBeUndefined();
		expect(createRequests(sandbox).map((request) => request.status)).toEqual([500, 201]);
		expect(jsonOf(result.outputs[0])).toEqual([expect.objectContaining({ outcome: 'created', name: 'Retried', attempts: 2 })]);
		expect(taleo().countGroups(178409, 'Retried')).toBe(1);
	});

	it('says the group found after a dropped answer may be its own earlier attempt', async () => {
		// The connection drops after the vendor applied the request. Whether the engine sends the create
		// again (and meets the 409) or looks the name up first (Taleo does not promise to refuse a repeat,
		// issue 12 point 2), the row ends as a Conflict with the group it made, and makes no second one.
		sandbox.inject({ vendor: 'taleoLearn', method: 'POST', fault: { type: 'reset', when: 'after' } });

		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Twice') });

		expect(taleo().countGroups(178409, 'Twice')).toBe(1);
		expect(jsonOf(result.outputs[1])).toEqual([
			expect.objectContaining({
				outcome: 'conflict',
				id: String(taleo().groupsOf(178409)[0].id),
				mayHaveBeenCreatedByEarlierAttempt: true,
			}),
		]);
	});

	it('gives up after Max Retries of 500s, with the count in the message', async () => {
		sandbox.inject({ vendor: 'taleoLearn', method: 'POST', times: Infinity, fault: { type: 'status', status: 500 } });

		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Down'), options: { maxRetries: 2 }, onError: 'continueErrorOutput' });

		expect(createRequests(sandbox)).toHaveLength(3);
		expect(pairedRows(result.outputs[2])).toEqual([0]);
		expect(jsonOf(result.outputs[2])[0]).toMatchObject({
			name: 'Down',
			error: 'Taleo Learn had an internal error (HTTP 500) (gave up after 3 attempts)',
			details: { httpCode: 500, attempts: 3 },
		});
	});

	it('names the learn center when the vendor does not know it', async () => {
		const result = await runNode(sandbox, 'taleoLearn', { items: [{ name: 'Lost', learnCenter: 999 }], onError: 'continueRegularOutput' });

		expect(sandbox.requests.map((request) => request.path)).toEqual(['/learn.rest/v1/learnCenters/999/groups']);
		expect(jsonOf(result.outputs[0])[0].error).toBe(
			'Taleo Learn: there is no learn center with ID 999, or this API user cannot see it (HTTP 404)',
		);
	});

	it('explains a 401 and keeps the password and its Basic form out of everything n8n keeps', async () => {
		const wrongPassword = 'Wr0ng-Passw0rd-123';
		// A gateway that echoes the request back: the secrets must still not come through. n8n's auth
		// helper re-sends a request once after a 401 (to refresh a token), so both sends get the echo.
		sandbox.inject({
			vendor: 'taleoLearn',
			times: 2,
			fault: { type: 'status', status: 401, body: { message: `Bad credentials ${TALEO_PASSWORD} / ${BASIC_TOKEN}` } },
		});

		const echoed = await runNode(sandbox, 'taleoLearn', { items: rows('Echo'), onError: 'continueRegularOutput' });
		const wrong = await runNode(sandbox, 'taleoLearn', { items: rows('Nope'), credential: { password: wrongPassword } });

		expect(createRequests(sandbox).map((request) => request.status)).toEqual([401, 401]);
		expect(jsonOf(echoed.outputs[0])[0]).toMatchObject({
			error:
				'Taleo Learn rejected the credential (HTTP 401): check the credential. Taleo Learn takes the user name and password of an API user of the instance.',
		});
		expect(everythingOf(echoed)).not.toContain(TALEO_PASSWORD);
		expect(everythingOf(echoed)).not.toContain(BASIC_TOKEN);
		expect(jsonOf(echoed.outputs[0])[0].details).toMatchObject({ description: 'Taleo Learn said: Bad credentials [redacted] / [redacted]' });

		expect(wrong.error?.message).toMatch(/^Taleo Learn rejected the credential \(HTTP 401\).* \[item 0\]$/);
		expect(everythingOf(wrong)).not.toContain(wrongPassword);
		expect(everythingOf(wrong)).not.toContain(Buffer.from(`n8n-api:${wrongPassword}`).toString('base64'));
	});

	describe('error modes', () => {
		const items = rows('Good', 'Bad', 'Taken');
		const parameters = { learnCenterId: '={{ $json.name === "Bad" ? 999 : 178409 }}' };
		beforeEach(() => taleo().addGroup(178409, { name: 'Taken' }));

		it('stops the workflow at the failed item by default', async () => {
			const result = await runNode(sandbox, 'taleoLearn', { items, parameters });

			expect(result.error?.message).toBe(
				'Taleo Learn: there is no learn center with ID 999, or this API user cannot see it (HTTP 404) [item 1]',
			);
			expect(result.outputs).toEqual([]);
		});

		it('puts the failed item on Created with its error under "Continue"', async () => {
			const result = await runNode(sandbox, 'taleoLearn', { items, parameters, onError: 'continueRegularOutput' });

			expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
			expect(jsonOf(result.outputs[0])[1]).toMatchObject({ error: expect.stringContaining('HTTP 404'), details: { name: 'Bad' } });
			expect(pairedRows(result.outputs[1])).toEqual([2]);
		});

		it('routes the failed item, with its own row, to the error output', async () => {
			const result = await runNode(sandbox, 'taleoLearn', { items, parameters, onError: 'continueErrorOutput' });

			expect(result.outputs).toHaveLength(3);
			expect(pairedRows(result.outputs[0])).toEqual([0]);
			expect(pairedRows(result.outputs[1])).toEqual([2]);
			expect(pairedRows(result.outputs[2])).toEqual([1]);
			expect(jsonOf(result.outputs[2])[0]).toMatchObject({ name: 'Bad', row: 1, error: expect.stringContaining('HTTP 404') });
		});
	});
});
