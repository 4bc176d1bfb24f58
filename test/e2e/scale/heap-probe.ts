/**
 * Reads a worker's heap from outside: the worker runs with `--expose-gc --inspect=127.0.0.1:<port>`,
 * and the probe speaks the Chrome DevTools protocol over a WebSocket (undici's client) to evaluate
 * `gc(); process.memoryUsage().heapUsed` inside it: the heap that is still reachable, garbage collected.
 */
import { WebSocket } from 'undici';

import { freePort } from '../n8n/free-port';

export interface HeapProbe {
	/** Node flags for the worker. */
	readonly nodeArgs: readonly string[];
	/** Heap in use after full collections, in bytes. */
	heapUsedAfterGc(): Promise<number>;
}

export async function heapProbe(): Promise<HeapProbe> {
	const port = await freePort();
	return {
		nodeArgs: ['--expose-gc', `--inspect=127.0.0.1:${port}`],
		heapUsedAfterGc: async () => {
			const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
			if (targets.length === 0) throw new Error(`no inspector target on 127.0.0.1:${port}`);
			// Several collections: the first can leave objects with finalizers and weak references for the next.
			const expression = 'gc(); gc(); gc(); process.memoryUsage().heapUsed';
			return Number(await evaluate(targets[0].webSocketDebuggerUrl, expression));
		},
	};
}

function evaluate(url: string, expression: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url);
		const timer = setTimeout(() => {
			socket.close();
			reject(new Error(`the inspector at ${url} did not answer in 30 s`));
		}, 30_000);
		const finish = (outcome: () => void): void => {
			clearTimeout(timer);
			socket.close();
			outcome();
		};
		socket.addEventListener('open', () => {
			socket.send(JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }));
		});
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as {
				id?: number;
				result?: { result?: { value?: unknown }; exceptionDetails?: { text?: string } };
				error?: { message?: string };
			};
			if (message.id !== 1) return;
			if (message.error || message.result?.exceptionDetails) {
				finish(() => reject(new Error(`inspector: ${message.error?.message ?? message.result?.exceptionDetails?.text}`)));
			} else {
				finish(() => resolve(message.result?.result?.value));
			}
		});
		socket.addEventListener('error', () => finish(() => reject(new Error(`inspector WebSocket ${url} failed`))));
	});
}
