/** The per-run lookup cache: failed lookups are not remembered as "not found", and paging stops at a ceiling. */
import { Lookups, MAX_LOOKUP_BYTES, MAX_LOOKUP_PAGES } from '../../nodes/shared/lookup';
import type { GroupApi, GroupParams, HttpResponse, SendRequest } from '../../nodes/shared/types';

/** A vendor whose list has `pages` pages of one group each, `group-<page>`; `findExisting` pages until found. */
function listingVendor(pages: number): GroupApi {
	return {
		vendor: 'fake',
		displayName: 'Fake',
		repeatedCreateRefused: true,
		credentialType: () => 'fake',
		connection: () => ({ baseUrl: 'https://fake.example' }),
		readParams: () => ({ name: 'x' }),
		nameKey: ({ name }) => name,
		createRequest: () => ({ url: 'https://fake.example/groups', method: 'POST' }),
		interpret: () => ({ kind: 'error', message: 'unused' }),
		async findExisting({ name }: GroupParams, _connection, send) {
			for (let page = 1; page <= pages; page++) {
				const response = await send({ url: 'https://fake.example/groups', method: 'GET', qs: { page } });
				if (response.statusCode !== 200) throw new Error(`list request answered HTTP ${response.statusCode}`);
				const group = (response.body as Array<{ id: string; name: string }>).find((entry) => entry.name === name);
				if (group) return { id: group.id, name: group.name, group };
			}
			return null;
		},
	};
}

function countingSend(statuses: number[] = []) {
	const sent: unknown[] = [];
	const send: SendRequest = async (request) => {
		sent.push(request.qs);
		const page = Number((request.qs as { page: number }).page);
		const statusCode = statuses.shift() ?? 200;
		return { statusCode, headers: {}, body: [{ id: String(page), name: `group-${page}` }] } as HttpResponse;
	};
	return { send, sent };
}

describe('Lookups', () => {
	it('has a ceiling of a named size', () => {
		expect(MAX_LOOKUP_PAGES).toBeGreaterThan(0);
		expect(MAX_LOOKUP_BYTES).toBeGreaterThan(0);
	});

	it('does not remember a failed lookup: the next one asks the vendor again', async () => {
		const { send, sent } = countingSend([401]);
		const lookups = new Lookups(listingVendor(3), { baseUrl: 'https://fake.example' }, send);
		const failed = await lookups.find('group-2', { name: 'group-2' });
		expect(failed).toEqual({ found: null, error: 'list request answered HTTP 401' });
		const again = await lookups.find('group-2', { name: 'group-2' });
		expect(again.found?.id).toBe('2');
		expect(again.error).toBeUndefined();
		expect(sent).toHaveLength(3);
	});

	it('stops paging at the ceiling and says so, instead of reading on', async () => {
		const { send, sent } = countingSend();
		const lookups = new Lookups(listingVendor(10), { baseUrl: 'https://fake.example' }, send, { maxPages: 3, maxBytes: 1e9 });
		const result = await lookups.find('group-9', { name: 'group-9' });
		expect(result.found).toBeNull();
		expect(result.error).toMatch(/stopped paging .* limit of 3 pages/);
		expect(sent).toHaveLength(3);
		// Pages already kept still answer.
		expect((await lookups.find('group-2', { name: 'group-2' })).found?.id).toBe('2');
	});

	it('counts the bytes of the pages it keeps', async () => {
		const { send, sent } = countingSend();
		const lookups = new Lookups(listingVendor(10), { baseUrl: 'https://fake.example' }, send, { maxPages: 100, maxBytes: 60 });
		const result = await lookups.find('group-9', { name: 'group-9' });
		expect(result.error).toMatch(/stopped paging/);
		expect(sent.length).toBeLessThan(10);
	});

	it('reads every page again when asked before a re-send', async () => {
		const { send, sent } = countingSend();
		const lookups = new Lookups(listingVendor(2), { baseUrl: 'https://fake.example' }, send);
		await lookups.find('none', { name: 'none' });
		expect(sent).toHaveLength(2);
		expect((await lookups.findNow('none', { name: 'none' })).found).toBeNull();
		expect(sent).toHaveLength(4);
	});
});
