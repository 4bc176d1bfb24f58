/**
 * The node and credential types the package ships, read the way n8n reads them: from package.json's
 * `n8n` section, loading `Foo.node.js` and instantiating its class `Foo`.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { PACKAGE_NAME, PACKAGE_ROOT } from '../n8n/paths';

export interface ShippedTypes {
	/** Full node type names (`n8n-nodes-group-provisioning.invisibleCollector`). */
	readonly nodes: readonly string[];
	/** Node types n8n also offers as AI-agent tools (`...Tool`), for nodes with `usableAsTool`. */
	readonly tools: readonly string[];
	readonly credentials: readonly string[];
}

interface Manifest {
	readonly n8n: { readonly nodes: readonly string[]; readonly credentials: readonly string[] };
}

type Described = { description?: { name?: unknown; usableAsTool?: unknown }; name?: unknown };

function instantiate(file: string, suffix: string): Described {
	const className = basename(file, suffix);
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loading by path, as n8n does
	const module = require(join(PACKAGE_ROOT, file)) as Record<string, unknown>;
	const constructor = module[className];
	if (typeof constructor !== 'function') throw new Error(`${file} does not export a class ${className}`);
	return new (constructor as new () => Described)();
}

export function shippedTypes(): ShippedTypes {
	const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as Manifest;
	const nodes = manifest.n8n.nodes.map((file) => instantiate(file, '.node.js').description ?? {});
	return {
		nodes: nodes.map((description) => `${PACKAGE_NAME}.${String(description.name)}`),
		tools: nodes.filter((description) => description.usableAsTool === true).map((d) => `${PACKAGE_NAME}.${String(d.name)}Tool`),
		credentials: manifest.n8n.credentials.map((file) => String(instantiate(file, '.credentials.js').name)),
	};
}
