/** Progress lines with the elapsed time, written straight to stdout (jest would buffer console.log). */
const started = Date.now();

export function progressLog(prefix: string): (line: string) => void {
	return (line) => {
		const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
		process.stdout.write(`[${seconds} s] ${prefix} ${line}\n`);
	};
}
