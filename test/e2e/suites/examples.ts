/** Reading the importable workflows in `examples/`. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXAMPLES_DIR, PACKAGE_NAME } from '../n8n/paths';

export interface ExampleNode {
	readonly name: string;
	readonly type: string;
	readonly credentials?: Readonly<Record<string, { readonly id: string; readonly name: string }>>;
}

export interface ExampleWorkflow {
	/** Fixed 16-character id, so `n8n execute --id` can find it after import. */
	readonly id: string;
	readonly name: string;
	readonly nodes: readonly ExampleNode[];
}

export function examplePath(file: string): string {
	return join(EXAMPLES_DIR, file);
}

export function allExampleFiles(): string[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map(examplePath);
}

export function loadExample(file: string): ExampleWorkflow {
	return JSON.parse(readFileSync(examplePath(file), 'utf8')) as ExampleWorkflow;
}

/** The one node of `nodeType` (without the package prefix) in the example. */
export function vendorNode(example: ExampleWorkflow, nodeType: string): ExampleNode {
	const matches = example.nodes.filter((node) => node.type === `${PACKAGE_NAME}.${nodeType}`);
	if (matches.length !== 1) throw new Error(`example "${example.name}" has ${matches.length} ${nodeType} nodes, expected 1`);
	return matches[0];
}

/** Every credential the example's nodes reference, as `{ type, id }`. */
export function credentialReferences(example: ExampleWorkflow): { type: string; id: string }[] {
	return example.nodes.flatMap((node) => Object.entries(node.credentials ?? {}).map(([type, { id }]) => ({ type, id })));
}
