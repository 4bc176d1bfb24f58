/**
 * Starts the real-network stand-in (delay-proxy.ts) in front of the vendor sandbox: HTTPS with a
 * throwaway CA and `rttMs` added to every round trip. Returns the sandbox's base URLs as seen through it.
 */
import { join } from 'node:path';

import { spawnTracked, type Spawned } from '../../e2e/n8n/processes';
import type { Sandbox, VendorName } from '../../sandbox/types';
import type { Certificates } from './certificates';

export interface SlowNetwork {
	/** `https://127.0.0.1:PORT`, the sandbox's root through the proxy. */
	readonly url: string;
	readonly rttMs: number;
	baseUrl(vendor: VendorName): string;
	stop(): Promise<void>;
}

const SCRIPT = join(__dirname, 'delay-proxy.js');

export async function startSlowNetwork(sandbox: Sandbox, certificates: Certificates, rttMs: number): Promise<SlowNetwork> {
	const targetPort = Number(new URL(sandbox.url).port);
	const config = { targetPort, rttMs, certFile: certificates.certFile, keyFile: certificates.keyFile };
	let resolvePort: (port: number) => void = () => undefined;
	const portKnown = new Promise<number>((resolve) => (resolvePort = resolve));
	let seen = '';
	const spawned: Spawned = spawnTracked('bench delay proxy', process.execPath, [SCRIPT, JSON.stringify(config)], {
		env: process.env,
		onOutput: (chunk) => {
			seen += chunk;
			const match = /\{"port":(\d+)\}/.exec(seen);
			if (match) resolvePort(Number(match[1]));
		},
	});
	const port = await Promise.race([
		portKnown,
		spawned.exited.then((code) => {
			throw new Error(`the delay proxy exited (${code}) before listening:\n${spawned.output()}`);
		}),
	]);
	const url = `https://127.0.0.1:${port}`;
	return {
		url,
		rttMs,
		baseUrl: (vendor) => sandbox.baseUrl(vendor).replace(sandbox.url, url),
		stop: () => spawned.stop(2000),
	};
}
