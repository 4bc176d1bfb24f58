/**
 * The real-network stand-in (issue 17), run as a child process of the bench so its TLS work does not
 * share the sandbox's event loop:
 *
 *   client ──TCP──▶ delaying proxy (:port) ──TCP──▶ TLS terminator ──TCP──▶ vendor sandbox (plain HTTP)
 *
 * The delaying proxy holds every chunk for half the added round trip in each direction, in order, so
 * every round trip, the TLS handshake's included, costs `rttMs` more. The kernel answers the TCP
 * handshake itself before the proxy sees the connection, so the proxy holds a new connection's first
 * bytes one round trip longer instead: the same total cost of opening a connection, paid at its first
 * bytes rather than in connect().
 *
 *   node delay-proxy.js '{"targetPort":1234,"rttMs":25,"certFile":"…","keyFile":"…"}'
 * prints `{"port":N}` once listening; stops on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

interface ProxyConfig {
	readonly targetPort: number;
	readonly rttMs: number;
	readonly certFile: string;
	readonly keyFile: string;
}

const HOST = '127.0.0.1';

/** Forwards `from`'s bytes (and its end) to `to`, each `delayMs` after it arrived; `firstExtraMs` more for the first. */
function delayedPipe(from: Socket, to: Socket, delayMs: number, firstExtraMs: number): void {
	const queue: Array<{ due: number; chunk: Buffer | null }> = [];
	let timer: NodeJS.Timeout | undefined;
	let first = true;
	const flush = (): void => {
		timer = undefined;
		const now = performance.now();
		while (queue.length > 0 && queue[0].due <= now + 0.5) {
			const { chunk } = queue.shift() as { chunk: Buffer | null };
			if (to.destroyed || to.writableEnded) return;
			if (chunk === null) to.end();
			else to.write(chunk);
		}
		if (queue.length > 0) timer = setTimeout(flush, queue[0].due - now);
	};
	const push = (chunk: Buffer | null): void => {
		const extra = first ? firstExtraMs : 0;
		first = false;
		// Never before the chunk ahead of it: bytes keep their order.
		const due = Math.max(performance.now() + delayMs + extra, queue.at(-1)?.due ?? 0);
		queue.push({ due, chunk });
		if (timer === undefined) timer = setTimeout(flush, due - performance.now());
	};
	from.on('data', (chunk: Buffer) => push(chunk));
	from.on('end', () => push(null));
}

function listen(server: ReturnType<typeof createServer>): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		// A deep accept queue: the HTTP Request node opens a connection for every item at once.
		server.listen({ port: 0, host: HOST, backlog: 4096 }, () => resolve((server.address() as AddressInfo).port));
	});
}

async function main(): Promise<void> {
	const config = JSON.parse(process.argv[2] ?? '{}') as ProxyConfig;
	const tlsServer = createTlsServer({ key: readFileSync(config.keyFile), cert: readFileSync(config.certFile) }, (secure) => {
		const upstream = connect({ port: config.targetPort, host: HOST, noDelay: true });
		// pipe() forwards each side's end once its bytes are written; only a broken side breaks the other.
		// (Destroying one side when the other closes could drop an answer not yet flushed.)
		secure.pipe(upstream).pipe(secure);
		secure.on('error', () => upstream.destroy());
		upstream.on('error', () => secure.destroy());
	});
	tlsServer.on('tlsClientError', () => undefined);
	// Before the handshake: Nagle's algorithm would hold its later flights for the peer's delayed ACK.
	tlsServer.on('connection', (socket: Socket) => socket.setNoDelay(true));
	const tlsPort = await listen(tlsServer);

	const half = config.rttMs / 2;
	const proxy = createServer({ noDelay: true, allowHalfOpen: true }, (client) => {
		// Half-open allowed on both legs: each side's end travels, delayed, like its bytes (delayedPipe).
		const upstream = connect({ port: tlsPort, host: HOST, noDelay: true, allowHalfOpen: true });
		delayedPipe(client, upstream, half, config.rttMs); // the TCP handshake's round trip, paid at the first bytes
		delayedPipe(upstream, client, half, 0);
		// A broken leg breaks the other, after the bytes ahead of it.
		client.on('error', () => setTimeout(() => upstream.destroy(), config.rttMs));
		upstream.on('error', () => setTimeout(() => client.destroy(), config.rttMs));
	});
	const port = await listen(proxy);
	process.stdout.write(`${JSON.stringify({ port })}\n`);
	process.on('SIGTERM', () => process.exit(0));
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
