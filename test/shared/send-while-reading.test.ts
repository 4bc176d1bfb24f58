/**
 * Send while reading: under the "Continue" modes the first requests go out while later items are
 * still being read (their expressions evaluated); under "Stop Workflow" nothing is sent before every
 * item has been read and checked. Each group's name carries the moment its item was read
 * (`$now` in the Name expression), and the sandbox records when each request arrived.
 */
import { jsonOf } from '../support/items';
import { runNode } from '../support/run';
import { useSandbox } from '../support/use-sandbox';
import { posts } from '../InvisibleCollector/requests';

const sandbox = useSandbox();

const ITEMS = 1500;
const items = Array.from({ length: ITEMS }, (_, row) => ({ name: `Team ${row}`, row }));
/** "Team 12 @1796060675944": the name, then when n8n evaluated it for this item. */
const readAt = { name: "={{ $json.name + ' @' + $now.toMillis() }}" };
const readTimeOf = (name: unknown): number => Number(String(name).split('@')[1]);
const bodyName = (body: string): string => (JSON.parse(body) as { name: string }).name;

describe('send while reading', () => {
	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)(
		'with On Error "%s", the first request arrives before the last item is read, and every item still ends once',
		async (onError) => {
			const result = await runNode(sandbox, 'invisibleCollector', { items, parameters: readAt, onError });

			expect(result.error).toBeUndefined();
			const created = jsonOf(result.outputs[0]);
			expect(created).toHaveLength(ITEMS);
			expect(result.outputs[0]?.map((item) => item.pairedItem)).toEqual(items.map((_, row) => ({ item: row })));
			const requests = posts(sandbox);
			expect(requests).toHaveLength(ITEMS);
			const lastRead = Math.max(...requests.map((request) => readTimeOf(bodyName(request.body))));
			const firstArrived = Math.min(...requests.map((request) => request.receivedAt));
			expect(firstArrived).toBeLessThan(lastRead);
		},
	);

	it('with On Error "Stop Workflow", nothing is sent before every item is read, and a bad last item stops the node with nothing sent', async () => {
		const good = await runNode(sandbox, 'invisibleCollector', { items, parameters: readAt });

		expect(good.error).toBeUndefined();
		const requests = posts(sandbox);
		expect(requests).toHaveLength(ITEMS);
		const lastRead = Math.max(...requests.map((request) => readTimeOf(bodyName(request.body))));
		const firstArrived = Math.min(...requests.map((request) => request.receivedAt));
		expect(firstArrived).toBeGreaterThanOrEqual(lastRead);

		sandbox.resetStats();
		const bad = await runNode(sandbox, 'invisibleCollector', { items: [...items, { name: '', row: ITEMS }], parameters: { name: '={{ $json.name }}' } });
		expect(bad.error?.message).toBe(`"Name" is empty [item ${ITEMS}]`);
		expect(posts(sandbox)).toHaveLength(0);
	});

	it('under "Continue", a bad item in the middle fails alone while the others are sent around it', async () => {
		const mixed = items.slice(0, 200).map((item, row) => (row === 120 ? { ...item, name: '' } : item));
		const result = await runNode(sandbox, 'invisibleCollector', { items: mixed, parameters: { name: '={{ $json.name }}' }, onError: 'continueErrorOutput' });

		expect(jsonOf(result.outputs[0])).toHaveLength(199);
		expect(result.outputs[0]?.map((item) => item.pairedItem)).toEqual(mixed.map((_, row) => ({ item: row })).filter((_, row) => row !== 120));
		expect(result.outputs[2]?.map((item) => item.pairedItem)).toEqual([{ item: 120 }]);
		expect(posts(sandbox)).toHaveLength(199);
	});
});
