import { TALEO_API_ROOT } from '../sandbox/vendors/taleoLearn';
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { BASIC_AUTH, LEARN_CENTER, OTHER_LEARN_CENTER, bodyOf, createRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();

const taleo = () => sandbox.vendors.taleoLearn;

/** Every GroupRequest field, mapped from the row as a user would. */
const everyField = {
	parentGroupId: '={{ $json.parent }}',
	statusFlag: 'inactive',
	code: '={{ $json.code }}',
	activeFromDate: '2017-05-06T00:00:00',
	activeUntilDate: '2017-06-06T00:00:00',
	selfServiceOptions: 'doesNotRequireApprovals',
	owners: '={{ $json.owners }}',
};

describe('Taleo Learn: create', () => {
	it('creates a group with every GroupRequest field through n8n and reports it on Created', async () => {
		const parent = taleo().addGroup(LEARN_CENTER, { name: 'All Staff' });
		const code = '481werfa-dc63-4d92-8a08-12f807eab82d';

		const result = await runNode(sandbox, 'taleoLearn', {
			items: [{ name: ' ck test group test 123 ', parent: parent.id, code, owners: [113458, 112898] }],
			parameters: { additionalFields: everyField, onlyAllowOwnersToEditGroup: false },
		});

		expect(result.error).toBeUndefined();
		const [request] = createRequests(sandbox);
		expect(createRequests(sandbox)).toHaveLength(1);
		expect(request.headers.authorization).toBe(BASIC_AUTH);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(bodyOf(request)).toEqual({
			name: 'ck test group test 123',
			parentGroupId: parent.id,
			statusFlag: 'inactive',
			code,
			activeFromDate: '2017-05-06T00:00:00',
			activeUntilDate: '2017-06-06T00:00:00',
			onlyAllowOwnersToEditGroup: false,
			selfServiceOptions: 'doesNotRequireApprovals',
			owners: [113458, 112898],
		});

		const stored = taleo().groupsOf(LEARN_CENTER).find((group) => group.name === 'ck test group test 123');
		expect(stored).toMatchObject({ parentGroupId: parent.id, code, statusFlag: 'inactive', onlyAllowOwnersToEditGroup: false });
		expect(stored?.owners.items.map((owner) => owner.id)).toEqual([113458, 112898]);

		expect(result.outputs[1]).toEqual([]);
		expect(pairedRows(result.outputs[0])).toEqual([0]);
		const [created] = jsonOf(result.outputs[0]);
		expect(created).toEqual({
			vendor: 'taleoLearn',
			outcome: 'created',
			id: String(stored?.id),
			name: 'ck test group test 123',
			group: JSON.parse(JSON.stringify(stored)),
			attempts: 1,
		});
		// The vendor object keeps its links, and its id stays the vendor's number.
		expect(created.group).toMatchObject({
			id: stored?.id,
			links: [{ rel: 'canonical', href: `${sandbox.baseUrl('taleoLearn')}${TALEO_API_ROOT}/learnCenters/${LEARN_CENTER}/groups/${stored?.id}` }],
		});
	});

	it('sends only the name and "only owners edit" (true by default) when nothing else is set', async () => {
		const result = await runNode(sandbox, 'taleoLearn', { items: rows('Sales') });

		expect(result.error).toBeUndefined();
		expect(createRequests(sandbox).map(bodyOf)).toEqual([{ name: 'Sales', onlyAllowOwnersToEditGroup: true }]);
		expect(jsonOf(result.outputs[0])).toMatchObject([{ outcome: 'created', name: 'Sales', id: expect.stringMatching(/^\d+$/) }]);
	});

	it('takes owners as comma-separated text, drops repeats and blanks, and sends numbers', async () => {
		const result = await runNode(sandbox, 'taleoLearn', {
			items: [{ name: 'Owned', owners: ' 113458, 112898,113458 ' }],
			parameters: { additionalFields: { owners: '={{ $json.owners }}' } },
		});

		expect(result.error).toBeUndefined();
		expect(bodyOf(createRequests(sandbox)[0]).owners).toEqual([113458, 112898]);
	});

	it('creates each item in the learn center its row names, by expression', async () => {
		const result = await runNode(sandbox, 'taleoLearn', {
			items: [
				{ name: 'Here', learnCenter: LEARN_CENTER },
				{ name: 'There', learnCenter: String(OTHER_LEARN_CENTER) },
			],
		});

		expect(result.error).toBeUndefined();
		expect(taleo().groupsOf(LEARN_CENTER).map((group) => group.name)).toEqual(['Here']);
		expect(taleo().groupsOf(OTHER_LEARN_CENTER).map((group) => group.name)).toEqual(['There']);
		expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
	});

	it('normalises dates to Taleo’s form and keeps the wall-clock time of an offset', async () => {
		const result = await runNode(sandbox, 'taleoLearn', {
			items: rows('Dated'),
			parameters: { additionalFields: { activeFromDate: '2024-05-06', activeUntilDate: '2024-12-31T18:30:15.250+02:00' } },
		});

		expect(result.error).toBeUndefined();
		expect(bodyOf(createRequests(sandbox)[0])).toMatchObject({
			activeFromDate: '2024-05-06T00:00:00',
			activeUntilDate: '2024-12-31T18:30:15',
		});
	});

	describe.each([
		['example', undefined, { name: 'Spelled', parentGroupId: expect.any(Number) }],
		['example', 'example', { name: 'Spelled', parentGroupId: expect.any(Number) }],
		['schema', 'schema', { groupname: 'Spelled', parentgroupid: expect.any(Number) }],
	] as const)('a sandbox that accepts only the %s spelling', (accepted, option, fields) => {
		const options = option === undefined ? {} : { fieldSpelling: option };

		it(`gets ${Object.keys(fields).join('/')} with Field Spelling ${option ?? '(default)'} and creates the group`, async () => {
			sandbox.configure('taleoLearn', { spelling: accepted });
			const parent = taleo().addGroup(LEARN_CENTER, { name: 'Parent' });

			const result = await runNode(sandbox, 'taleoLearn', {
				items: [{ name: 'Spelled', parent: parent.id }],
				parameters: { additionalFields: { parentGroupId: '={{ $json.parent }}' } },
				options,
			});

			expect(result.error).toBeUndefined();
			expect(bodyOf(createRequests(sandbox)[0])).toEqual({ ...fields, onlyAllowOwnersToEditGroup: true });
			expect(taleo().groupsOf(LEARN_CENTER).find((group) => group.name === 'Spelled')?.parentGroupId).toBe(parent.id);
			expect(jsonOf(result.outputs[0])).toMatchObject([{ outcome: 'created', name: 'Spelled' }]);
		});
	});

	it.each([
		['example', 'schema'],
		['schema', 'example'],
	] as const)('is refused by a sandbox that accepts only the %s spelling when it sends the %s one', async (accepted, sent) => {
		sandbox.configure('taleoLearn', { spelling: accepted });

		const result = await runNode(sandbox, 'taleoLearn', {
			items: rows('Misspelled'),
			options: { fieldSpelling: sent },
			onError: 'continueRegularOutput',
		});

		expect(createRequests(sandbox)).toHaveLength(1);
		expect(taleo().countGroups(LEARN_CENTER, 'Misspelled')).toBe(0);
		expect(jsonOf(result.outputs[0])).toEqual([
			{
				error: `Taleo Learn rejected the request as invalid (HTTP 400): Unrecognized field "${sent === 'schema' ? 'groupname' : 'name'}"`,
				details: expect.objectContaining({ httpCode: 400, vendor: 'taleoLearn', name: 'Misspelled' }),
			},
		]);
	});

	it('accepts an instance URL given with the API root or a trailing slash', async () => {
		for (const instanceUrl of [`${sandbox.baseUrl('taleoLearn')}/`, `${sandbox.baseUrl('taleoLearn')}${TALEO_API_ROOT}`]) {
			sandbox.reset();
			const result = await runNode(sandbox, 'taleoLearn', { items: rows('Anywhere'), credential: { instanceUrl } });
			expect(result.error).toBeUndefined();
			expect(createRequests(sandbox)).toHaveLength(1);
		}
	});
});
