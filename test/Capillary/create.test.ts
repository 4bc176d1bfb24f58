/** Group → Create: what is sent (name, rank, path) and what comes out on the Created output. */
import { useSandbox } from '../support/use-sandbox';
import { jsonOf, pairedRows, rows } from '../support/items';
import { bodyOf, createRequests } from './requests';
import { runNode } from '../support/run';

const sandbox = useSandbox();
const capillary = () => sandbox.vendors.capillary;

const rankFromRow = { additionalFields: { rank: '={{ $json.rank }}' } };

describe('created groups', () => {
	it('puts each group on Created with a string id, the bare group object and its pairedItem', async () => {
		const result = await runNode(sandbox, 'capillary', { items: rows('Gold', 'Silver', 'Bronze') });

		expect(result.error).toBeUndefined();
		expect(pairedRows(result.outputs[0])).toEqual([0, 1, 2]);
		expect(result.outputs[1]).toEqual([]);
		const [gold] = jsonOf(result.outputs[0]);
		const stored = capillary().groups().find((group) => group.name === 'Gold');
		expect(gold).toEqual({
			vendor: 'capillary',
			outcome: 'created',
			id: String(stored?.id),
			name: 'Gold',
			group: { ...stored },
			attempts: 1,
		});
		expect(typeof gold.id).toBe('string');
		expect(createRequests(sandbox).map(bodyOf)).toEqual([{ name: 'Gold' }, { name: 'Silver' }, { name: 'Bronze' }]);
		expect(createRequests(sandbox).every((request) => request.headers['content-type']?.startsWith('application/json'))).toBe(true);
	});

	it('sends the rank as a number, accepts digits from an expression, and leaves it out when empty or null', async () => {
		const result = await runNode(sandbox, 'capillary', {
			items: [
				{ name: 'Gold', rank: 99 },
				{ name: 'Silver', rank: '7' },
				{ name: 'Bronze', rank: null },
				{ name: 'Tin', rank: '' },
				{ name: 'Zero', rank: 0 },
			],
			parameters: rankFromRow,
		});

		expect(result.error).toBeUndefined();
		const sent = createRequests(sandbox).map(bodyOf);
		expect(sent).toEqual([
			{ name: 'Gold', rank: 99 },
			{ name: 'Silver', rank: 7 },
			{ name: 'Bronze' },
			{ name: 'Tin' },
			{ name: 'Zero', rank: 0 },
		]);
		expect(capillary().groups().map((group) => [group.name, group.rank])).toEqual([
			['Gold', 99],
			['Silver', 7],
			['Bronze', null],
			['Tin', null],
			['Zero', 0],
		]);
	});

	it('refuses a rank that is not a whole number before sending anything for that item', async () => {
		const result = await runNode(sandbox, 'capillary', {
			items: [
				{ name: 'Gold', rank: 2.5 },
				{ name: 'Silver', rank: 'high' },
				{ name: 'Bronze', rank: 3 },
				{ name: 'Huge', rank: 2 ** 31 },
			],
			parameters: rankFromRow,
			onError: 'continueErrorOutput',
		});

		expect(jsonOf(result.outputs[0]).map((json) => json.name)).toEqual(['Bronze']);
		const failed = result.outputs[2];
		expect(pairedRows(failed)).toEqual([0, 1, 3]);
		expect(jsonOf(failed).map((json) => json.error)).toEqual([
			'"Rank" must be a whole number, but it is 2.5',
			'"Rank" must be a whole number, but it is "high"',
			'"Rank" must be between -2147483648 and 2147483647',
		]);
		expect(jsonOf(failed).map((json) => (json.details as { field?: string }).field)).toEqual(['Rank', 'Rank', 'Rank']);
		expect(createRequests(sandbox).map(bodyOf)).toEqual([{ name: 'Bronze', rank: 3 }]);
	});

	it('stops on a bad rank by default, naming the item, with nothing sent', async () => {
		const result = await runNode(sandbox, 'capillary', {
			items: [{ name: 'Gold', rank: 1 }, { name: 'Silver', rank: 1.5 }],
			parameters: rankFromRow,
		});

		expect(result.error?.message).toBe('"Rank" must be a whole number, but it is 1.5 [item 1]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('calls the vendor page path (docs/vendors/capillary.md) by default and the current docs path when chosen', async () => {
		await runNode(sandbox, 'capillary', { items: rows('Seed') });
		await runNode(sandbox, 'capillary', { items: rows('Docs'), options: { apiPath: 'rewardsCore' } });

		expect(createRequests(sandbox).map((request) => [request.path, bodyOf(request)])).toEqual([
			['/api_gateway/core/v1/group/create', { name: 'Seed' }],
			['/api_gateway/rewards/core/v1/group/create', { name: 'Docs' }],
		]);
		expect(capillary().groups().map((group) => group.name)).toEqual(['Seed', 'Docs']);
	});

	it('says to try the other path when the host does not have the chosen one', async () => {
		sandbox.configure('capillary', { paths: ['rewardsCore'] });
		const result = await runNode(sandbox, 'capillary', { items: rows('Gold') });

		expect(result.error?.message).toBe(
			'Capillary: the create path does not exist on this host; try the other "API Path" option (HTTP 404) [item 0]',
		);
		expect(capillary().groups()).toHaveLength(0);
	});

	it('refuses a blank name before sending, naming the field', async () => {
		const result = await runNode(sandbox, 'capillary', { items: rows('  ', 'Gold'), onError: 'continueRegularOutput' });

		const [blank, gold] = jsonOf(result.outputs[0]);
		expect(blank.error).toBe('"Name" is empty');
		expect(gold.outcome).toBe('created');
		expect(createRequests(sandbox).map(bodyOf)).toEqual([{ name: 'Gold' }]);
	});
});
