import { TALEO_API_ROOT, TALEO_LEARN_CENTERS, TALEO_PASSWORD } from '../sandbox/vendors/taleoLearn';
import { useSandbox } from '../support/use-sandbox';
import { BASIC_AUTH } from './requests';
import { loadOptions } from '../support/run';

const sandbox = useSandbox();

const listCalls = () => sandbox.requests.filter((request) => request.path === `${TALEO_API_ROOT}/learnCenters`);

describe('Taleo Learn: the Learn Center dropdown', () => {
	it('lists every learn center, sorted by name, with its ID as the value', async () => {
		const options = await loadOptions(sandbox, 'taleoLearn', 'getLearnCenters');

		expect(options).toEqual(
			[...TALEO_LEARN_CENTERS]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map((center) => ({ name: center.name, value: String(center.id), description: `ID ${center.id} · ${center.path}` })),
		);
		expect(listCalls()).toHaveLength(1);
		expect(listCalls()[0].headers.authorization).toBe(BASIC_AUTH);
	});

	it('pages with limit and offset until hasMore is false', async () => {
		sandbox.configure('taleoLearn', { maxLimit: 2 });

		const options = await loadOptions(sandbox, 'taleoLearn', 'getLearnCenters');

		expect(options).toHaveLength(TALEO_LEARN_CENTERS.length);
		expect(listCalls().map((request) => request.query)).toEqual([
			{ limit: '50', offset: '0' },
			{ limit: '50', offset: '2' },
			{ limit: '50', offset: '4' },
			{ limit: '50', offset: '6' },
		]);
	});

	it('retries a 500 while listing', async () => {
		sandbox.inject({ vendor: 'taleoLearn', fault: { type: 'status', status: 500 } });

		const options = await loadOptions(sandbox, 'taleoLearn', 'getLearnCenters');

		expect(options).toHaveLength(TALEO_LEARN_CENTERS.length);
		expect(listCalls().map((request) => request.status)).toEqual([500, 200]);
	});

	it('fails with a message that names the problem, not the password', async () => {
		const wrongPassword = 'Wr0ng-Passw0rd-123';

		const failure = loadOptions(sandbox, 'taleoLearn', 'getLearnCenters', { password: wrongPassword });

		await expect(failure).rejects.toThrow(
			'Could not list learn centers: Taleo Learn rejected the credential (HTTP 401): check the credential',
		);
		const error: unknown = await failure.catch((caught: unknown) => caught);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(wrongPassword);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(TALEO_PASSWORD);
	});

	it('refuses an Instance URL that would send the password in clear text, before any request', async () => {
		await expect(loadOptions(sandbox, 'taleoLearn', 'getLearnCenters', { instanceUrl: 'http://tenant.learn.taleo.net' })).rejects.toThrow(
			'"Instance URL" must use https:// (http:// is only allowed for localhost)',
		);
		expect(sandbox.requests).toEqual([]);
	});
});
