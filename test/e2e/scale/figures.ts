/** The figures of a scale run, collected by each scenario and printed at the end (README's "Scaling" section quotes them). */
const figures: string[] = [];

export function recordFigure(line: string): void {
	figures.push(line);
}

export function allFigures(): readonly string[] {
	return figures;
}

export const perSecond = (count: number, ms: number): string => (count / (ms / 1000)).toFixed(1);
export const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
