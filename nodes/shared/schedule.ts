/**
 * Runs units of work with bounded concurrency while keeping, for every key (a group name), the order
 * of the input: a unit starts only after every earlier unit that shares one of its keys has finished.
 */

/** A first-in-first-out counting semaphore. */
class Slots {
	private free: number;
	private readonly waiting: Array<() => void> = [];

	constructor(size: number) {
		this.free = size;
	}

	async take(): Promise<void> {
		if (this.free > 0) {
			this.free--;
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	give(): void {
		const next = this.waiting.shift();
		if (next) next();
		else this.free++;
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
	concurrency: number,
	work: (unit: U) => Promise<void>,
): Promise<void> {
	const slots = new Slots(concurrency);
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
