import { AdaptiveLimit, LATENCY_TOLERANCE, START_IN_FLIGHT } from '../../nodes/shared/concurrency';
import { runOrdered } from '../../nodes/shared/schedule';

/** A limit on a clock the test moves by hand. */
function limitOn(ceiling: number) {
	let time = 0;
	const limit = new AdaptiveLimit(ceiling, () => time);
	return {
		limit,
		/** `count` answers with `status`, each sent `latency` ms before it came back, at the current time. */
		answer(count: number, latency: number, status = 201) {
			time += latency;
			for (let i = 0; i < count; i++) limit.answered(time - latency, status);
		},
		tick(ms: number) {
			time += ms;
		},
	};
}

describe('AdaptiveLimit', () => {
	it(`starts at ${START_IN_FLIGHT}, or at the ceiling when it is lower`, () => {
		expect(limitOn(20).limit.current()).toBe(START_IN_FLIGHT);
		expect(limitOn(3).limit.current()).toBe(3);
	});

	it('doubles after each round of steady answers until the ceiling, and never passes it', () => {
		const clock = limitOn(20);
		clock.answer(4, 30);
		expect(clock.limit.current()).toBe(5); // a round is one answer per request in flight
		clock.answer(1, 30);
		expect(clock.limit.current()).toBe(10);
		clock.answer(10, 30);
		expect(clock.limit.current()).toBe(20);
		clock.answer(20, 30);
		expect(clock.limit.current()).toBe(20);
	});

	it('stops raising while answers take more than the tolerance over the fastest round, then adds one at a time', () => {
		const clock = limitOn(50);
		clock.answer(5, 20);
		expect(clock.limit.current()).toBe(10);
		clock.answer(10, 20 * LATENCY_TOLERANCE + 1);
		expect(clock.limit.current()).toBe(10);
		clock.answer(10, 25);
		expect(clock.limit.current()).toBe(11);
		clock.answer(11, 25);
		expect(clock.limit.current()).toBe(12);
	});

	it('halves on a 429 or a 503, once for a burst sent before the cut, and not below 1', () => {
		const clock = limitOn(40);
		clock.answer(5, 20);
		clock.answer(10, 20);
		expect(clock.limit.current()).toBe(20);
		clock.tick(5);
		const sentBeforeCut = 1;
		clock.answer(1, 10, 429);
		expect(clock.limit.current()).toBe(10);
		// The other 19 requests that were in flight come back 429 too: the same burst.
		for (let i = 0; i < 19; i++) clock.limit.answered(sentBeforeCut, 429);
		expect(clock.limit.current()).toBe(10);
		clock.tick(1);
		clock.answer(1, 0, 503);
		expect(clock.limit.current()).toBe(5);
		for (const expected of [2, 1, 1]) {
			clock.tick(1);
			clock.answer(1, 0, 429);
			expect(clock.limit.current()).toBe(expected);
		}
	});

	it('after a cut, rises one at a time and only counts answers to requests sent since', () => {
		const clock = limitOn(40);
		clock.answer(5, 20);
		clock.tick(1);
		clock.answer(1, 0, 429); // 10 → 5
		expect(clock.limit.current()).toBe(5);
		clock.limit.answered(0, 201); // sent before the cut: not part of the round
		clock.answer(4, 20);
		expect(clock.limit.current()).toBe(5);
		clock.answer(1, 20);
		expect(clock.limit.current()).toBe(6);
	});

	it('wraps a sender: times each answer and reads its status', async () => {
		const clock = limitOn(20);
		let status = 201;
		const send = clock.limit.measure(async () => {
			clock.tick(10);
			return { statusCode: status, headers: {}, body: {} };
		});
		for (let i = 0; i < 5; i++) await send({ url: '/' });
		expect(clock.limit.current()).toBe(10);
		status = 429;
		await send({ url: '/' });
		expect(clock.limit.current()).toBe(5);
	});
});

describe('runOrdered with a limit that changes', () => {
	it('starts waiting units as soon as the limit rises, and lets fewer run after it falls', async () => {
		let size = 2;
		let raise: () => void = () => undefined;
		const limit = {
			current: () => size,
			onRaise: (listener: () => void) => {
				raise = listener;
			},
		};
		let running = 0;
		const runningAt: number[] = [];
		const units = Array.from({ length: 40 }, (_, i) => ({ keys: [`k${i}`], i }));
		await runOrdered(units, limit, async ({ i }) => {
			running++;
			runningAt[i] = running;
			if (i === 10) {
				size = 8;
				raise();
			}
			if (i === 25) size = 3;
			await new Promise((resolve) => setTimeout(resolve, 10));
			running--;
		});
		expect(runningAt[0]).toBe(1); // the first unit alone
		expect(Math.max(...runningAt.slice(1, 10))).toBe(2);
		// Raised while units 11 and up were waiting: they start without waiting for a unit to finish.
		expect(Math.max(...runningAt.slice(11, 25))).toBe(8);
		expect(Math.max(...runningAt.slice(34))).toBeLessThanOrEqual(3);
	});
});
