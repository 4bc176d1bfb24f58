/** The group names every case sends: the first N of one list, so all cases of a scenario send the same items. */
export function groupNames(count: number): string[] {
	const width = String(count).length;
	return Array.from({ length: count }, (_, index) => `Bench group ${String(index + 1).padStart(width, '0')}`);
}
