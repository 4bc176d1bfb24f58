/** The sandbox's HelloID, spoken to directly: it must behave as docs/vendors/helloid.md says. */
import { DUPLICATE_REASON } from '../sandbox/vendors/helloId';
import { useSandbox } from '../support/use-sandbox';
import { BASIC_AUTH } from './requests';

const sandbox = useSandbox();

async function call(method: string, path: string, body?: unknown, authorization = BASIC_AUTH) {
	const response = await fetch(`${sandbox.baseUrl('helloId')}/api/v1${path}`, {
		method,
		headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as unknown };
}

/** The seed's sample request body, as printed. */
const SEED_BATCH = [
	{
		Name: 'Batchgroup1',
		IsEnabled: true,
		IsDefault: false,
		IsQrEnabled: false,
		UserNames: ['Loweng'],
		UserGUIDs: ['7DF48871-E9DA-4FB2-9251-00035AD8483B'],
		ApplicationNames: ['LinkedIn'],
		ApplicationGUIDs: ['A7915C9C-3B20-4E5D-8432-01DA35D4BC04'],
		ManagedByUserGuid: 'F0CE1E44-25E8-4B12-8151-EF3525017647',
	},
	{
		Name: 'Batchgroup2',
		IsEnabled: true,
		IsDefault: false,
		IsQrEnabled: false,
		UserNames: ['P.Vos'],
		UserGUIDs: ['B47680F0-4117-45FE-9F03-000CF783E2C1'],
		ApplicationNames: ['Xing'],
		ApplicationGUIDs: ['D6F824FC-7400-4E6D-AC98-7E4E55EC637C'],
	},
];

it('creates the vendor page sample batch and answers in camelCase', async () => {
	const { status, json } = await call('POST', '/groups/batch', SEED_BATCH);

	expect(status).toBe(200);
	expect(json).toEqual({
		succeededGroups: [
			expect.objectContaining({ name: 'Batchgroup1', managedByUserGuid: 'F0CE1E44-25E8-4B12-8151-EF3525017647', isEnabled: true }),
			expect.objectContaining({ name: 'Batchgroup2', managedByUserGuid: null, isQrEnabled: false }),
		],
		failedGroups: [],
	});
	expect(sandbox.vendors.helloId.groups()[0]).toMatchObject({ userNames: ['Loweng'], applicationNames: ['LinkedIn'] });
});

it('answers 200 with the vendor page wording for duplicates, case-insensitively and within one batch', async () => {
	sandbox.vendors.helloId.addGroup('TestApi');
	const { status, json } = await call('POST', '/groups/batch', [{ name: 'testapi' }, { NAME: 'New' }, { Name: 'NEW' }]);

	expect(status).toBe(200);
	expect(json).toMatchObject({
		succeededGroups: [{ name: 'New' }],
		failedGroups: [`Group testapi was not created, ${DUPLICATE_REASON}`, `Group NEW was not created, ${DUPLICATE_REASON}`],
	});
	expect(DUPLICATE_REASON).toBe('A group with this name already exists.');
});

it('creates one group from an object on /groups and refuses a duplicate with an error result', async () => {
	expect(await call('POST', '/groups', { name: 'Solo', isenabled: true })).toEqual({
		status: 200,
		json: expect.objectContaining({ name: 'Solo', isEnabled: true, groupGuid: expect.any(String) }),
	});
	expect(await call('POST', '/groups', { Name: 'SOLO' })).toEqual({ status: 400, json: { resultMsg: DUPLICATE_REASON } });
	expect((await call('POST', '/groups', [{ Name: 'x' }])).status).toBe(400);
	expect((await call('POST', '/groups/batch', { Name: 'x' })).status).toBe(400);
});

it('pages the list with take and skip', async () => {
	for (const name of ['a', 'b', 'c']) sandbox.vendors.helloId.addGroup(name);
	const names = async (query: string) => ((await call('GET', `/groups?${query}`)).json as Array<{ name: string }>).map((g) => g.name);

	expect(await names('take=1&skip=0')).toEqual(['a']);
	expect(await names('take=2&skip=1')).toEqual(['b', 'c']);
	expect(await names('take=5&skip=3')).toEqual([]);
});

it('refuses a wrong or missing Basic credential with 401', async () => {
	const wrong = `Basic ${Buffer.from('key:wrong').toString('base64')}`;
	expect((await call('GET', '/groups?take=1&skip=0', undefined, wrong)).status).toBe(401);
	expect((await call('GET', '/groups?take=1&skip=0', undefined, '')).status).toBe(401);
	expect((await call('GET', '/groups?take=1&skip=0')).status).toBe(200);
});
