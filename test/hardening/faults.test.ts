/**
 * Faults injected by the sandbox, for every vendor: rate limits, gateway errors, dropped connections,
 * slow answers and bodies that are not what the vendor documents. For each: where the item ends,
 * how many requests the vendor saw, what the item says, and that no group exists twice.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Fault } from '../sandbox/types';
import { useSandbox } from '../support/use-sandbox';
import { rows } from '../support/items';
import { landings, uniqueName } from './outcomes';
import type { Landing } from './outcomes';
import { INVISIBLE_COLLECTOR, runCase, VARIANT_CASES, VENDOR_CASES } from './vendors';

const sandbox = useSandbox();

const EARLIER_ATTEMPT = /earlier attempt/i;

const ALL_CASES = [...VENDOR_CASES, ...VARIANT_CASES];

describe.each(ALL_CASES.map((vendorCase) => [vendorCase.label, vendorCase] as const))('%s', (_label, vendorCase) => {
	// A variant (another body encoding or credential) shares the vendor's retry rules: it runs the
	// faults whose reading depends on the encoding or on the token flow.
	const variant = VARIANT_CASES.includes(vendorCase);

	const inject = (fault: Fault, times = 1) =>
		sandbox.inject({ vendor: vendorCase.vendor, ...vendorCase.create, fault, times });

	/** One item through the node under "Continue (using error output)"; where it ended. */
	async function runOne(options: IDataObject = {}, name = uniqueName(vendorCase.vendor)): Promise<Landing & { name: string }> {
		const result = await runCase(sandbox, vendorCase, { items: rows(name), options, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		return { ...landings(result, 1)[0], name };
	}

	const creates = () => vendorCase.createRequests(sandbox).length;
	const errorOf = (landing: Landing) => ({
		message: String(landing.json.error),
		description: String((landing.json.details as IDataObject | undefined)?.description ?? ''),
		httpCode: (landing.json.details as IDataObject | undefined)?.httpCode,
	});

	if (!variant) describe('rate limits', () => {
		it('waits out 429s that carry Retry-After in seconds without using up retries', async () => {
			inject({ type: 'status', status: 429, headers: { 'retry-after': '0.01' } }, 3);
			const landing = await runOne({ maxRetries: 0 });
			expect(landing.place).toBe('created');
			expect(landing.json.attempts).toBe(4);
			expect(creates()).toBe(4);
			expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
		});

		it('waits out 429s that carry Retry-After as an HTTP date', async () => {
			// HTTP dates have whole seconds: the next full second but one is always ahead.
			const soon = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000).toUTCString();
			inject({ type: 'status', status: 429, headers: { 'retry-after': soon } }, 1);
			const landing = await runOne({ maxRetries: 0 });
			expect(landing.place).toBe('created');
			expect(creates()).toBe(2);
		});

		it('retries 429s without Retry-After within Max Retries, then fails the item saying so', async () => {
			inject({ type: 'status', status: 429 }, Infinity);
			const landing = await runOne({ maxRetries: 1 });
			expect(landing.place).toBe('error');
			expect(creates()).toBe(2);
			expect(errorOf(landing).message).toBe(
				`${vendorCase.displayName} is rate-limiting this credential (HTTP 429) (gave up after 2 attempts)`,
			);
			expect(errorOf(landing).httpCode).toBe(429);
		});

		// A Retry-After that names no real wait is no wait: backoff, counted against Max Retries.
		it.each(['0', 'May 5'])(
			'treats an endless 429 with Retry-After %j as one without: Max Retries + 1 requests, with backoff',
			async (value) => {
				inject({ type: 'status', status: 429, headers: { 'retry-after': value } }, Infinity);
				const landing = await runOne({ maxRetries: 2 });
				expect(landing.place).toBe('error');
				const sentAt = vendorCase.createRequests(sandbox).map((request) => request.receivedAt);
				expect(sentAt).toHaveLength(3);
				expect(errorOf(landing).message).toContain('(gave up after 3 attempts)');
				// Retry k waits at least half of 500 ms × 2^(k-1) (timers may fire a few ms early).
				expect(sentAt[1] - sentAt[0]).toBeGreaterThanOrEqual(240);
				expect(sentAt[2] - sentAt[1]).toBeGreaterThanOrEqual(490);
			},
		);

		it('stops waiting out an endless 429 storm after a bounded number of attempts', async () => {
			inject({ type: 'status', status: 429, headers: { 'retry-after': '0.001' } }, Infinity);
			const landing = await runOne({ maxRetries: 0 });
			expect(landing.place).toBe('error');
			// 30 waits that do not use up retries, then the one attempt Max Retries = 0 allows.
			expect(creates()).toBe(31);
			expect(errorOf(landing).message).toContain('(gave up after 31 attempts)');
		});

		it('gets every item through a sandbox rate limit of 3 requests per second', async () => {
			sandbox.setRateLimit({ perSecond: 3, retryAfter: 'seconds', vendor: vendorCase.vendor });
			const names = [1, 2, 3, 4, 5, 6].map(() => uniqueName(vendorCase.vendor));
			const result = await runCase(sandbox, vendorCase, {
				items: rows(...names),
				// Batch mode would send one request; one item per request makes the storm.
				options: vendorCase.batch ? { batchSize: 1 } : {},
				onError: 'continueErrorOutput',
			});
			expect(landings(result, names.length).map((landing) => landing.place)).toEqual(names.map(() => 'created'));
			expect(vendorCase.createRequests(sandbox).filter((request) => request.status === 429).length).toBeGreaterThan(0);
			for (const name of names) expect(vendorCase.countGroups(sandbox, name)).toBe(1);
		});
	});

	if (!variant) describe('server errors', () => {
		it.each([502, 503, 504])('retries a %i and creates the group on the next attempt', async (status) => {
			inject({ type: 'status', status });
			const landing = await runOne({ maxRetries: 1 });
			expect(landing.place).toBe('created');
			expect(landing.json.attempts).toBe(2);
			expect(creates()).toBe(2);
			expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
		});

		it(`${vendorCase.retries500 ? 'retries' : 'does not retry'} a 500`, async () => {
			inject({ type: 'status', status: 500 });
			const landing = await runOne({ maxRetries: 1 });
			if (vendorCase.retries500) {
				expect(landing.place).toBe('created');
				expect(creates()).toBe(2);
			} else {
				expect(landing.place).toBe('error');
				expect(creates()).toBe(1);
				expect(errorOf(landing).message).toBe(`${vendorCase.displayName} had an internal error (HTTP 500)`);
				expect(vendorCase.countGroups(sandbox, landing.name)).toBe(0);
			}
		});

		it("gives up on a lasting 503 after Max Retries and reports the vendor's words", async () => {
			inject({ type: 'status', status: 503, body: { message: 'maintenance until noon' } }, Infinity);
			const landing = await runOne({ maxRetries: 1 });
			expect(landing.place).toBe('error');
			expect(creates()).toBe(2);
			expect(errorOf(landing).message).toBe(
				`${vendorCase.displayName} is unavailable (HTTP 503): maintenance until noon (gave up after 2 attempts)`,
			);
		});

		it("reports a 500's own message", async () => {
			inject({ type: 'status', status: 500, body: { message: 'database down' } }, Infinity);
			const landing = await runOne({ maxRetries: 0 });
			expect(landing.place).toBe('error');
			expect(creates()).toBe(1);
			expect(errorOf(landing).message).toContain(`${vendorCase.displayName} had an internal error (HTTP 500): database down`);
		});
	});

	describe('dropped connections', () => {
		it('re-sends a request whose connection was reset before the vendor read it', async () => {
			inject({ type: 'reset', when: 'before' });
			const landing = await runOne({ maxRetries: 1 });
			expect(landing.place).toBe('created');
			expect(landing.json.attempts).toBe(2);
			expect(creates()).toBe(2);
			expect(landing.json.id).toBe(vendorCase.groupId(sandbox, landing.name));
			expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
		});

		it('does not create a second group when the reset came after the vendor acted, and says so', async () => {
			inject({ type: 'reset', when: 'after' });
			const landing = await runOne({ maxRetries: 1 });
			// Before sending again, the name is looked up (Look Up Existing Group is on): the group is there.
			expect(creates()).toBe(1);
			expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
			expect(landing.place).toBe('conflict');
			expect(landing.json.mayHaveBeenCreatedByEarlierAttempt).toBe(true);
			expect(String(landing.json.message)).toMatch(EARLIER_ATTEMPT);
			// One sentence after the vendor's words, whether or not they end with a full stop.
			expect(String(landing.json.message)).not.toMatch(/\.\./);
			expect(landing.json.id).toBe(vendorCase.groupId(sandbox, landing.name));
			expect(landing.json.attempts).toBe(1);
		});

		it('keeps every item of the run in its place when one request is reset after the vendor acted', async () => {
			const names = [0, 1, 2].map(() => uniqueName(vendorCase.vendor));
			inject({ type: 'reset', when: 'after' });
			const result = await runCase(sandbox, vendorCase, {
				items: rows(...names),
				options: { concurrency: 1, maxRetries: 1 },
				onError: 'continueErrorOutput',
			});
			const found = landings(result, 3);
			// A batch carries all three, so all three meet their own earlier attempt; otherwise only the first.
			const expected = vendorCase.batch ? ['conflict', 'conflict', 'conflict'] : ['conflict', 'created', 'created'];
			expect(found.map((landing) => landing.place)).toEqual(expected);
			for (const [index, landing] of found.entries()) {
				expect(landing.json.id).toBe(vendorCase.groupId(sandbox, names[index]));
				if (landing.place === 'conflict') expect(landing.json.mayHaveBeenCreatedByEarlierAttempt).toBe(true);
			}
			expect(vendorCase.groupNames(sandbox).sort()).toEqual([...names].sort());
			// The reset create is not sent again: the name is looked up first, and the group is there.
			expect(vendorCase.sentEntries(sandbox)).toBe(3);
		});

		it('fails the item when the retries are spent on resets', async () => {
			inject({ type: 'reset', when: 'before' }, Infinity);
			const landing = await runOne({ maxRetries: 1 });
			expect(landing.place).toBe('error');
			expect(creates()).toBe(2);
			expect(errorOf(landing).message).toMatch(/^network error \((ECONNRESET|connection closed)\)$/);
			expect(vendorCase.countGroups(sandbox, landing.name)).toBe(0);
		});
	});

	describe('slow answers', () => {
		it('times out, re-sends, and reports the group the first attempt created as its own', async () => {
			// Applied 1.1 s after arrival; the retry leaves at the earliest 1 s + 0.25 s backoff after sending.
			inject({ type: 'delay', ms: 1_100 });
			const landing = await runOne({ timeout: 1, maxRetries: 1 });
			expect(creates()).toBe(1);
			expect(vendorCase.countGroups(sandbox, landing.name)).toBe(1);
			expect(landing.place).toBe('conflict');
			expect(landing.json.mayHaveBeenCreatedByEarlierAttempt).toBe(true);
			expect(String(landing.json.message)).toMatch(EARLIER_ATTEMPT);
			expect(landing.json.id).toBe(vendorCase.groupId(sandbox, landing.name));
		});
	});

	describe('bodies that are not the documented answer', () => {
		it('retries a proxy HTML page on a 502', async () => {
			inject({ type: 'html', status: 502 });
			const landing = await runOne({ maxRetries: 1 });
			expect(landing.place).toBe('created');
			expect(creates()).toBe(2);
		});

		it('fails the item on an HTML error page and says it was HTML', async () => {
			inject({ type: 'html', status: 403 });
			const landing = await runOne();
			expect(landing.place).toBe('error');
			expect(creates()).toBe(1);
			expect(errorOf(landing).message).toBe(`${vendorCase.displayName} refused access with this credential (HTTP 403)`);
			expect(errorOf(landing).description).toContain('HTML page');
		});

		it.each([
			['an HTML page', { type: 'html', status: vendorCase.successStatus } as Fault],
			['an empty body', { type: 'body', status: vendorCase.successStatus, body: '' } as Fault],
			['text that is not valid JSON', { type: 'body', status: vendorCase.successStatus, body: '{"id": "42", "na' } as Fault],
			['JSON without the group id', { type: 'body', status: vendorCase.successStatus, body: '{"ok": true}' } as Fault],
		])('fails the item on a success status with %s, warning that the group may exist', async (shape, fault) => {
			inject(fault);
			const landing = await runOne();
			expect(landing.place).toBe('error');
			expect(creates()).toBe(1);
			expect(errorOf(landing).message).toBe(
				`${vendorCase.displayName} answered HTTP ${vendorCase.successStatus} with ${shape}, not the created group`,
			);
			expect(errorOf(landing).description).toMatch(/may have been created/);
		});

		it('keeps the other items of the run in their places', async () => {
			const names = [0, 1, 2].map(() => uniqueName(vendorCase.vendor));
			inject({ type: 'body', status: vendorCase.successStatus, body: '{"id": ' });
			const result = await runCase(sandbox, vendorCase, {
				items: rows(...names),
				options: { concurrency: 1, ...(vendorCase.batch ? { batchSize: 1 } : {}) },
				onError: 'continueErrorOutput',
			});
			expect(landings(result, 3).map((landing) => landing.place)).toEqual(['error', 'created', 'created']);
			expect(creates()).toBe(3);
		});
	});
});

/** Behaviour of the shared engine that does not depend on the vendor, shown on Invisible Collector. */
describe('the engine, on Invisible Collector', () => {
	const vendorCase = INVISIBLE_COLLECTOR;
	const inject = (fault: Fault, times = 1) => sandbox.inject({ vendor: vendorCase.vendor, ...vendorCase.create, fault, times });

	it('honours a Retry-After date in the future before the next attempt', async () => {
		inject({ type: 'status', status: 429, headers: { 'retry-after': new Date(Date.now() + 1_500).toUTCString() } });
		const started = Date.now();
		const result = await runCase(sandbox, vendorCase, { items: rows(uniqueName()), onError: 'continueErrorOutput' });
		const [first, second] = vendorCase.createRequests(sandbox);
		expect(landings(result, 1)[0].place).toBe('created');
		// HTTP dates have whole seconds: the date names a moment 0.5 to 1.5 s ahead.
		expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(400);
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it.each(['http-date', 'none'] as const)('gets every item through a rate limit whose 429s carry Retry-After: %s', async (retryAfter) => {
		sandbox.setRateLimit({ perSecond: 3, retryAfter, vendor: vendorCase.vendor });
		const names = [1, 2, 3, 4, 5, 6].map(() => uniqueName());
		const result = await runCase(sandbox, vendorCase, { items: rows(...names), options: { maxRetries: 5 }, onError: 'continueErrorOutput' });
		expect(landings(result, names.length).map((landing) => landing.place)).toEqual(names.map(() => 'created'));
		expect(vendorCase.createRequests(sandbox).some((request) => request.status === 429)).toBe(true);
		for (const name of names) expect(vendorCase.countGroups(sandbox, name)).toBe(1);
	});

	it('fails the item with a timeout message when no retry is allowed', async () => {
		inject({ type: 'delay', ms: 1_200 });
		const result = await runCase(sandbox, vendorCase, {
			items: rows(uniqueName()),
			options: { timeout: 1, maxRetries: 0 },
			onError: 'continueErrorOutput',
		});
		const [landing] = landings(result, 1);
		expect(landing.place).toBe('error');
		expect(landing.json.error).toBe('no answer within 1 s (timeout)');
		expect(vendorCase.createRequests(sandbox)).toHaveLength(1);
	});

	it('pauses every worker during a 429 instead of adding to the storm', async () => {
		inject({ type: 'status', status: 429, headers: { 'retry-after': '1' } });
		const names = [1, 2, 3, 4, 5, 6].map(() => uniqueName());
		const result = await runCase(sandbox, vendorCase, { items: rows(...names), options: { concurrency: 2 }, onError: 'continueErrorOutput' });
		expect(landings(result, 6).map((landing) => landing.place)).toEqual(names.map(() => 'created'));
		const requests = vendorCase.createRequests(sandbox);
		const limited = requests.find((request) => request.status === 429);
		expect(limited).toBeDefined();
		// Only the request already in flight beside the limited one may arrive within the second it asked for.
		const early = requests.filter((request) => request !== limited && request.receivedAt - (limited?.receivedAt ?? 0) < 900);
		expect(early.length).toBeLessThanOrEqual(1);
		expect(requests).toHaveLength(7);
	});

	/*
	 * With "On Conflict: Fail the Item", a conflict met after this item's own earlier attempt may have
	 * acted still fails the item, but says that the earlier attempt probably created the group.
	 */
	it('says so when "On Conflict: Fail the Item" meets the group its own earlier attempt created', async () => {
		inject({ type: 'reset', when: 'after' });
		const name = uniqueName();
		const result = await runCase(sandbox, vendorCase, {
			items: rows(name),
			options: { onConflict: 'fail', maxRetries: 1 },
			onError: 'continueErrorOutput',
		});
		const [landing] = landings(result, 1);
		expect(landing.place).toBe('error');
		expect(vendorCase.countGroups(sandbox, name)).toBe(1);
		const details = landing.json.details as IDataObject;
		expect(`${String(landing.json.error)} ${String(details.description)}`).toMatch(EARLIER_ATTEMPT);
	});

	/*
	 * When the last attempt got no answer after the request may have reached the vendor (reset after
	 * sending, timeout), the failed item warns that the group may exist (here it does).
	 */
	it.each([
		['a reset after the vendor acted', { type: 'reset', when: 'after' } as Fault, {}],
		['a timeout', { type: 'delay', ms: 1_200 } as Fault, { timeout: 1 }],
	])('warns that the group may exist when the retries run out on %s', async (_what, fault, options) => {
		inject(fault, Infinity);
		const name = uniqueName();
		const result = await runCase(sandbox, vendorCase, {
			items: rows(name),
			options: { maxRetries: 0, ...options },
			onError: 'continueErrorOutput',
		});
		const [landing] = landings(result, 1);
		expect(landing.place).toBe('error');
		await new Promise((resolve) => setTimeout(resolve, 300)); // the delayed request is applied after the timeout
		expect(vendorCase.countGroups(sandbox, name)).toBe(1);
		expect(String((landing.json.details as IDataObject).description)).toMatch(/may have been created/);
	});
});
