/**
 * Checks, at every bench start, that the real-network stand-in adds what it claims: the same GET
 * straight to the sandbox and through the proxy, on a new connection and on a kept-alive one
 * (medians of a few). The report prints what was measured, not what was configured.
 */
import { Client } from 'undici';

import { median } from '../report/stats';

export interface NetworkCalibration {
	/** Proxied minus direct, a request on a kept-alive connection: the added round trip. */
	readonly addedRoundTripMs: number;
	/** Proxied: a request on a new connection minus one on a kept-alive connection (TCP + TLS handshakes). */
	readonly newConnectionMs: number;
	/** Direct: the same, plain TCP on loopback (what a new connection costs without the network). */
	readonly newConnectionDirectMs: number;
}

const SAMPLES = 5;

async function timed(client: Client, path: string, headers: Record<string, string>): Promise<number> {
	const started = performance.now();
	const response = await client.request({ method: 'GET', path, headers });
	await response.body.text();
	return performance.now() - started;
}

/** [first request on a new connection, second request on the same connection], medians over SAMPLES connections. */
async function firstAndSecond(baseUrl: string, token: string, ca: string | undefined): Promise<[number, number]> {
	const url = new URL(`${baseUrl}/groups`);
	const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
	const first: number[] = [];
	const second: number[] = [];
	for (let sample = 0; sample < SAMPLES; sample++) {
		const client = new Client(url.origin, { connect: ca === undefined ? undefined : { ca } });
		try {
			first.push(await timed(client, url.pathname, headers));
			second.push(await timed(client, url.pathname, headers));
		} finally {
			await client.close();
		}
	}
	return [median(first), median(second)];
}

export async function calibrateNetwork(directBaseUrl: string, slowBaseUrl: string, token: string, ca: string): Promise<NetworkCalibration> {
	const [directFirst, directSecond] = await firstAndSecond(directBaseUrl, token, undefined);
	const [slowFirst, slowSecond] = await firstAndSecond(slowBaseUrl, token, ca);
	return {
		addedRoundTripMs: slowSecond - directSecond,
		newConnectionMs: slowFirst - slowSecond,
		newConnectionDirectMs: directFirst - directSecond,
	};
}
