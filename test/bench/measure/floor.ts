/**
 * The network floor: the same POSTs as our node, from raw undici in this process, `concurrency` in
 * flight. No n8n, no retries, no parsing beyond reading the status. By default a Pool with as many
 * kept-alive connections as the concurrency; `newConnectionPerRequest` opens (and closes) a connection
 * for every request instead, as n8n 2.41's HTTP helper does, to show what that costs on a slow network.
 */
import { Client, Pool, type Dispatcher } from 'undici';

export interface FloorRun {
	readonly wallMs: number;
	readonly created: number;
}

export interface FloorOptions {
	/** PEM of a CA to trust (the real-network case's throwaway CA). */
	readonly ca?: string;
	readonly newConnectionPerRequest?: boolean;
}

export async function runFloor(
	baseUrl: string,
	token: string,
	names: readonly string[],
	concurrency: number,
	options: FloorOptions = {},
): Promise<FloorRun> {
	const url = new URL(`${baseUrl}/groups`);
	const connect = options.ca === undefined ? undefined : { ca: options.ca };
	const pool = options.newConnectionPerRequest ? undefined : new Pool(url.origin, { connections: concurrency, connect });
	const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' };
	const send = async (dispatcher: Dispatcher, name: string): Promise<number> => {
		const response = await dispatcher.request({ method: 'POST', path: url.pathname, headers, body: JSON.stringify({ name }) });
		await response.body.text();
		return response.statusCode;
	};
	let next = 0;
	let created = 0;
	const worker = async (): Promise<void> => {
		while (next < names.length) {
			const name = names[next++];
			let status: number;
			if (pool) status = await send(pool, name);
			else {
				const client = new Client(url.origin, { connect });
				try {
					status = await send(client, name);
				} finally {
					await client.close();
				}
			}
			if (status === 201) created++;
		}
	};
	const started = performance.now();
	try {
		await Promise.all(Array.from({ length: concurrency }, worker));
		return { wallMs: performance.now() - started, created };
	} finally {
		await pool?.close();
	}
}
