import type { INode } from 'n8n-workflow';

import {
	asNetworkFailure,
	backoffMs,
	MAX_WAIT_MS,
	NetworkFailure,
	RateGate,
	responseFromError,
	retryAfterMs,
	sendWithRetries,
} from '../../nodes/shared/transport';
import type { HttpResponse } from '../../nodes/shared/types';

const node: INode = {
	id: '1',
	name: 'Test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('retryAfterMs', () => {
	const now = Date.parse('2026-01-01T00:00:00Z');

	it('reads delta-seconds and HTTP dates', () => {
		expect(retryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
		expect(retryAfterMs({ 'Retry-After': '0.5' }, now)).toBe(500);
		expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, now)).toBe(3000);
	});

	it('caps absurd values and ignores junk', () => {
		expect(retryAfterMs({ 'retry-after': '999999' }, now)).toBe(MAX_WAIT_MS);
		expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
		expect(retryAfterMs({}, now)).toBeUndefined();
	});

	it('reads the three HTTP-date forms of RFC 9110', () => {
		expect(retryAfterMs({ 'retry-after': 'Thursday, 01-Jan-26 00:00:04 GMT' }, now)).toBe(4000);
		expect(retryAfterMs({ 'retry-after': 'Thu Jan  1 00:00:05 2026' }, now)).toBe(5000);
	});

	// Each of these is a 429 "without Retry-After": retried with backoff, within Max Retries.
	it.each([
		'0',
		'0.0',
		'-1',
		'-5',
		'Wed, 01 Jan 2025 00:00:00 GMT',
		'Thu, 01 Jan 2026 00:00:00 GMT',
		'May 5',
		'1 2',
		'2026-01-01T00:00:09Z',
		'Thu, 01 Jan 2026 00:00:09 UTC',
		'Thu, 31 Feb 2026 00:00:09 GMT',
		'Thu, 1 Jan 2026 00:00:09 GMT',
	])('finds no wait in %j', (value) => {
		expect(retryAfterMs({ 'retry-after': value }, now)).toBeUndefined();
	});
});

describe('backoffMs', () => {
	it('doubles with jitter between half and all of the ceiling', () => {
		expect(backoffMs(1, () => 0)).toBe(250);
		expect(backoffMs(1, () => 1)).toBe(500);
		expect(backoffMs(3, () => 1)).toBe(2000);
		expect(backoffMs(30, () => 1)).toBe(MAX_WAIT_MS);
	});
});

describe('reading what n8n throws', () => {
	it('finds the HTTP answer along the cause chain', () => {
		const thrown = { message: 'wrapped', cause: { response: { status: 409, headers: { a: '1' }, data: { gid: 'x' } } } };
		expect(responseFromError(thrown)).toEqual({ statusCode: 409, headers: { a: '1' }, body: { gid: 'x' } });
		expect(responseFromError(new Error('no response'))).toBeUndefined();
	});

	it('classifies network errors and whether the request may have reached the vendor', () => {
		const reset = asNetworkFailure(node, { cause: { code: 'ECONNRESET' } }, 30000);
		expect(reset?.message).toBe('network error (ECONNRESET)');
		expect(reset?.mayHaveReached).toBe(true);
		expect(asNetworkFailure(node, { code: 'ECONNREFUSED' }, 30000)?.mayHaveReached).toBe(false);
		expect(asNetworkFailure(node, new Error('timeout of 5000ms exceeded'), 5000)?.message).toBe(
			'no answer within 5 s (timeout)',
		);
		expect(asNetworkFailure(node, new Error('Bad request'), 5000)).toBeUndefined();
	});

	it("recognizes n8n 1.x's NodeApiError, which keeps n8n's words instead of the code", () => {
		const reset = asNetworkFailure(
			node,
			{
				message:
					'The connection to the server was closed unexpectedly, perhaps it is offline. You can retry the request immediately or wait and retry later.',
			},
			30000,
		);
		expect(reset?.message).toBe('network error (ECONNRESET)');
		expect(reset?.mayHaveReached).toBe(true);
		expect(asNetworkFailure(node, { message: 'The service refused the connection - perhaps it is offline' }, 30000)?.mayHaveReached).toBe(false);
		expect(asNetworkFailure(node, { message: 'The connection was aborted, perhaps the server is offline' }, 5000)?.message).toBe(
			'no answer within 5 s (timeout)',
		);
		expect(asNetworkFailure(node, { message: 'wrapped', httpCode: 'ECONNRESET' }, 5000)?.message).toBe('network error (ECONNRESET)');
	});
});

describe('sendWithRetries', () => {
	const answer = (statusCode: number, headers: Record<string, string> = {}): HttpResponse => ({
		statusCode,
		headers,
		body: {},
	});
	const policy = { maxRetries: 2, timeoutMs: 1000 };

	function scripted(steps: Array<HttpResponse | NetworkFailure>) {
		const sent: number[] = [];
		const send = async () => {
			sent.push(sent.length);
			const step = steps[Math.min(sent.length - 1, steps.length - 1)];
			if (step instanceof NetworkFailure) throw step;
			return step;
		};
		return { send, sent };
	}

	it('returns the first final answer', async () => {
		const { send, sent } = scripted([answer(201)]);
		const result = await sendWithRetries(send, { url: 'x' }, policy, new RateGate());
		expect(result).toMatchObject({ attempts: 1, gaveUp: false, earlierAttemptMayHaveActed: false });
		expect(sent).toHaveLength(1);
	});

	it('waits out a 429 with Retry-After without using up retries', async () => {
		const { send, sent } = scripted([
			answer(429, { 'retry-after': '0.001' }),
			answer(429, { 'retry-after': '0.001' }),
			answer(429, { 'retry-after': '0.001' }),
			answer(201),
		]);
		const result = await sendWithRetries(send, { url: 'x' }, policy, new RateGate());
		expect(result.response?.statusCode).toBe(201);
		expect(result.attempts).toBe(4);
		expect(sent).toHaveLength(4);
	});

	it.each(['0', '-1', 'May 5', 'Wed, 01 Jan 2025 00:00:00 GMT'])(
		'counts a 429 with Retry-After %j against Max Retries, with backoff',
		async (value) => {
			const sentAt: number[] = [];
			const send = async () => {
				sentAt.push(Date.now());
				return answer(429, { 'retry-after': value });
			};
			const result = await sendWithRetries(send, { url: 'x' }, policy, new RateGate());
			expect(result).toMatchObject({ attempts: 3, gaveUp: true });
			expect(sentAt).toHaveLength(3);
			// Backoff of retry k is at least half of 500 ms × 2^(k-1); timers may fire a little early.
			expect(sentAt[1] - sentAt[0]).toBeGreaterThanOrEqual(245);
			expect(sentAt[2] - sentAt[1]).toBeGreaterThanOrEqual(495);
		},
	);

	it('gives up after maxRetries on 503 and says so', async () => {
		const { send, sent } = scripted([answer(503, { 'retry-after': '0' })]);
		const result = await sendWithRetries(send, { url: 'x' }, policy, new RateGate());
		expect(result).toMatchObject({ attempts: 3, gaveUp: true, earlierAttemptMayHaveActed: false });
		expect(sent).toHaveLength(3);
	});

	it('retries the vendor’s extra statuses and remembers that a 5xx may have acted', async () => {
		const { send } = scripted([answer(500, { 'retry-after': '0' }), answer(409)]);
		const result = await sendWithRetries(send, { url: 'x' }, policy, new RateGate(), [500]);
		expect(result).toMatchObject({ attempts: 2, gaveUp: false, earlierAttemptMayHaveActed: true });
		expect(result.response?.statusCode).toBe(409);
	});

	it('does not retry a 500 that the vendor does not list', async () => {
		const { send, sent } = scripted([answer(500), answer(201)]);
		const result = await sendWithRetries(send, { url: 'x' }, policy, new RateGate());
		expect(result.response?.statusCode).toBe(500);
		expect(sent).toHaveLength(1);
	});

	it('retries network failures and reports the last one', async () => {
		const failure = new NetworkFailure(node, 'network error (ECONNRESET)', true);
		const { send, sent } = scripted([failure]);
		const result = await sendWithRetries(send, { url: 'x' }, { maxRetries: 1, timeoutMs: 1000 }, new RateGate());
		expect(result.response).toBeNull();
		expect(result.failure).toBe(failure);
		expect(result.earlierAttemptMayHaveActed).toBe(true);
		expect(sent).toHaveLength(2);
	});

	it('passes on errors that are not network failures', async () => {
		const send = async () => {
			throw new Error('credential missing');
		};
		await expect(sendWithRetries(send, { url: 'x' }, policy, new RateGate())).rejects.toThrow('credential missing');
	});
});

describe('RateGate', () => {
	it('holds every caller until the pause ends', async () => {
		const gate = new RateGate();
		gate.pauseFor(150);
		const started = Date.now();
		await Promise.all([gate.pass(), gate.pass()]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});
});
