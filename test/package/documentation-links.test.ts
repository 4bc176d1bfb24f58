/**
 * Every node's and credential's documentation link is a page of its own: no `#anchor` (n8n appends
 * `?utm_…` to the links it opens, which breaks a fragment), and a node's link points into the
 * repository package.json declares, at a file that exists in it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType } from 'n8n-workflow';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	repository: { url: string };
	homepage: string;
	bugs: { url: string };
	n8n: { credentials: string[] };
};
const REPOSITORY = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const FILE_LINK = `${REPOSITORY}/blob/main/`;

const codexFiles = readdirSync(join(ROOT, 'nodes'), { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
	.flatMap((entry) => readdirSync(join(ROOT, 'nodes', entry.name)).filter((file) => file.endsWith('.node.json')).map((file) => join('nodes', entry.name, file)));

interface Codex {
	resources: Record<string, { url: string }[]>;
}

it('package.json declares the repository, its homepage and where to report bugs', () => {
	expect(REPOSITORY).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
	expect(pkg.homepage.startsWith(REPOSITORY)).toBe(true);
	expect(pkg.bugs.url).toBe(`${REPOSITORY}/issues`);
});

describe.each(codexFiles)('%s', (file) => {
	const codex = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Codex;
	const links = Object.entries(codex.resources).flatMap(([kind, entries]) => entries.map((entry) => [kind, entry.url] as const));

	it('has a primary and a credential documentation link', () => {
		expect(links.map(([kind]) => kind).sort()).toEqual(['credentialDocumentation', 'primaryDocumentation']);
	});

	it.each(links)('%s links to a file of this repository, without an anchor', (_kind, url) => {
		expect(url).not.toContain('#');
		expect(url.startsWith(FILE_LINK)).toBe(true);
		expect(existsSync(join(ROOT, url.slice(FILE_LINK.length)))).toBe(true);
	});
});

/** A credential type package.json ships, from its source (`dist/credentials/X.credentials.js` ← `credentials/X.credentials.ts`). */
async function shippedCredential(built: string): Promise<ICredentialType> {
	const source = join(ROOT, built.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const exported = Object.values((await import(source)) as Record<string, new () => ICredentialType>);
	return new exported[0]();
}

it.each(pkg.n8n.credentials)('credential %s has an https documentation link without an anchor', async (built) => {
	const credential = await shippedCredential(built);
	expect(credential.documentationUrl).toMatch(/^https:\/\/[^#\s]+$/);
});
