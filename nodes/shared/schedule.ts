/**
 * Runs units of work with bounded concurrency while keeping, for every key (a group name), the order
 * of the input: a unit starts only after every earlier unit that shares one of its keys has finished.
 */
import { fixedLimit, type InFlightLimit } from './concurrency';

/** A first-in-first-out counting semaphore whose size may change while units run. */
class Slots {
	private inUse = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(private readonly limit: InFlightLimit) {
		limit.onRaise(() => this.admit());
	}

	async take(): Promise<void> {
		if (this.waiting.length === 0 && this.inUse < this.limit.current()) {
			this.inUse++;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	give(): void {
		this.inUse--;
		this.admit();
	}

	/** Starts waiting units while there is room (after a lowered limit, none until enough have finished). */
	private admit(): void {
		while (this.waiting.length > 0 && this.inUse < this.limit.current()) {
			this.inUse++;
			(this.waiting.shift() as () => void)();
		}
	}
}

export interface Unit {
	keys: string[];
}

/**
 * Calls `work` for each unit (in input order as far as slots and keys allow) and resolves when all
 * have finished. `work` must not throw: it reports its result itself.
 *
 * `units` may be produced while earlier ones are being sent (an async iterable): a unit is taken up
 * as soon as it is produced, so reading the input and sending overlap.
 *
 * The first unit runs alone: n8n fetches a pre-authentication token (and refreshes OAuth2 tokens)
 * per request without a lock, so parallel first requests would each fetch one; and a wrong
 * credential then costs one request instead of `concurrency` of them. Later units are produced
 * meanwhile, and wait for it.
 */
export async function runOrdered<U extends Unit>(
	units: Iterable<U> | AsyncIterable<U>,
	concurrency: number | InFlightLimit,
	work: (unit: U) => Promise<void>,
): Promise<void> {
	const slots = new Slots(typeof concurrency === 'number' ? fixedLimit(concurrency) : concurrency);
	const lastOfKey = new Map<string, Promise<void>>();
	const all: Array<Promise<void>> = [];
	let first: Promise<void> | undefined;
	for await (const unit of units) {
		let done: Promise<void>;
		if (first === undefined) {
			first = work(unit);
			done = first;
		} else {
			const before = [first, ...[...new Set(unit.keys)].map((key) => lastOfKey.get(key)).filter((p) => p !== undefined)];
			done = (async () => {
				await Promise.all(before);
				await slots.take();
				try {
					await work(unit);
				} finally {
					slots.give();
				}
			})();
		}
		for (const key of unit.keys) lastOfKey.set(key, done);
		all.push(done);
	}
	await Promise.all(all);
}
