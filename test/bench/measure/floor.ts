/**
 * The network floor: the same POSTs as our node, from a raw undici Pool with as many connections as
 * the concurrency, in this process. No n8n, no retries, no parsing beyond reading the status.
 */
import { Pool } from 'undici';

export interface FloorRun {
	readonly wallMs: number;
	readonly created: number;
}

export async function runFloor(baseUrl: string, token: string, names: readonly string[], concurrency: number): Promise<FloorRun> {
	const url = new URL(`${baseUrl}/groups`);
	const pool = new Pool(url.origin, { connections: concurrency });
	const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' };
	let next = 0;
	let created = 0;
	const worker = async (): Promise<void> => {
		while (next < names.length) {
			const name = names[next++];
			const response = await pool.request({ method: 'POST', path: url.pathname, headers, body: JSON.stringify({ name }) });
			await response.body.text();
			if (response.statusCode === 201) created++;
		}
	};
	const started = performance.now();
	try {
		await Promise.all(Array.from({ length: concurrency }, worker));
		return { wallMs: performance.now() - started, created };
	} finally {
		await pool.close();
	}
}
