/** Medians over the repetitions of a case. */
export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of each numeric field, taken field by field; fields missing from a run are left out. */
export function medianOf<T extends object>(runs: readonly T[]): Partial<Record<keyof T, number>> {
	const result: Partial<Record<keyof T, number>> = {};
	const keys = new Set(runs.flatMap((run) => Object.keys(run) as Array<keyof T>));
	for (const key of keys) {
		const values = runs.map((run) => run[key]).filter((value): value is T[keyof T] & number => typeof value === 'number');
		if (values.length > 0) result[key] = median(values);
	}
	return result;
}
