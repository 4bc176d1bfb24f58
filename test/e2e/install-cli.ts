/** `node build/test/e2e/install-cli.js [1|2 ...]`: installs the pinned n8n majors into `.cache/` ahead of time. */
import { FLAVORS } from './n8n/flavors';
import { ensureN8n } from './n8n/install-n8n';
import { stopAll } from './n8n/processes';

async function main(): Promise<void> {
	const wanted = process.argv.slice(2).map(Number);
	const flavors = wanted.length === 0 ? FLAVORS : FLAVORS.filter((flavor) => wanted.includes(flavor.major));
	for (const flavor of flavors) await ensureN8n(flavor, (line) => console.log(line));
}

main().catch(async (error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	await stopAll();
	process.exitCode = 1;
});
