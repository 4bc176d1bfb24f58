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
 * The first unit runs alone: n8n fetches a pre-authentication token (and refreshes OAuth2 tokens)
 * per request without a lock, so parallel first requests would each fetch one; and a wrong
 * credential then costs one request instead of `concurrency` of them.
 */
export async function runOrdered<U extends Unit>(
	units: U[],
	concurrency: number,
	work: (unit: U) => Promise<void>,
): Promise<void> {
	if (!units.length) return;
	await work(units[0]);
	const rest = units.slice(1);
	const slots = new Slots(concurrency);
	const lastOfKey = new Map<string, Promise<void>>();
	const all = rest.map((unit) => {
		const before = [...new Set(unit.keys)].map((key) => lastOfKey.get(key)).filter((p) => p !== undefined);
		const done = (async () => {
			if (before.length) await Promise.all(before);
			await slots.take();
			try {
				await work(unit);
			} finally {
				slots.give();
			}
		})();
		for (const key of unit.keys) lastOfKey.set(key, done);
		return done;
	});
	await Promise.all(all);
}
