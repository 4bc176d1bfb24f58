import { runOrdered } from '../../nodes/shared/schedule';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runOrdered', () => {
	it('never runs more units at once than allowed', async () => {
		let running = 0;
		let most = 0;
		const units = Array.from({ length: 20 }, (_, i) => ({ keys: [`k${i}`] }));
		await runOrdered(units, 3, async () => {
			running++;
			most = Math.max(most, running);
			await tick(5);
			running--;
		});
		expect(most).toBe(3);
	});

	it('runs units that share a key one after the other, in input order', async () => {
		const log: string[] = [];
		const units = [
			{ keys: ['warm-up'], id: 'w', ms: 1 },
			{ keys: ['a'], id: 'a1', ms: 30 },
			{ keys: ['b'], id: 'b1', ms: 1 },
			{ keys: ['a'], id: 'a2', ms: 1 },
			{ keys: ['a', 'b'], id: 'ab', ms: 1 },
		];
		await runOrdered(units, 10, async (unit) => {
			log.push(`start ${unit.id}`);
			await tick(unit.ms);
			log.push(`end ${unit.id}`);
		});
		expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
		expect(log.indexOf('start ab')).toBeGreaterThan(log.indexOf('end a2'));
		expect(log.indexOf('start ab')).toBeGreaterThan(log.indexOf('end b1'));
		expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
	});
});

describe('runOrdered warm-up', () => {
	it('finishes the first unit before starting any other', async () => {
		const log: string[] = [];
		const units = [0, 1, 2, 3].map((i) => ({ keys: [`k${i}`], id: i }));
		await runOrdered(units, 4, async (unit) => {
			log.push(`start ${unit.id}`);
			await tick(unit.id === 0 ? 20 : 1);
			log.push(`end ${unit.id}`);
		});
		expect(log.slice(0, 2)).toEqual(['start 0', 'end 0']);
	});
});

describe('runOrdered with units still being produced', () => {
	it('starts the first unit before the last is produced, and keeps per-key order and the warm-up', async () => {
		const log: string[] = [];
		async function* produce() {
			for (const [id, key] of [['0', 'k0'], ['a1', 'a'], ['b1', 'b'], ['a2', 'a']] as const) {
				log.push(`produced ${id}`);
				yield { keys: [key], id };
				await tick(5);
			}
		}
		await runOrdered(produce(), 4, async (unit) => {
			log.push(`start ${unit.id}`);
			await tick(unit.id === 'a1' ? 30 : 1);
			log.push(`end ${unit.id}`);
		});
		expect(log.indexOf('start 0')).toBeLessThan(log.indexOf('produced a2'));
		expect(log.indexOf('start a1')).toBeGreaterThan(log.indexOf('end 0'));
		expect(log.indexOf('start b1')).toBeGreaterThan(log.indexOf('end 0'));
		expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
		expect(log.filter((line) => line.startsWith('end'))).toHaveLength(4);
	});
});
