/**
 * The sandbox server: routes `/<vendor-prefix>/...` to vendor modules, records every request,
 * and applies injected faults, the rate limit and latency (in that order) around the vendor handler.
 */
import { createServer, STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultQueue, RateLimiter, retryAfterValue } from './faults';
import { readBody, parseQuery, send, sendJson, sendText } from './http';
import type {
	Fault,
	FaultSpec,
	RateLimit,
	RecordedRequest,
	Sandbox,
	SandboxOptions,
	SandboxSummary,
	VendorApis,
	VendorInstance,
	VendorModule,
	VendorName,
	VendorOptions,
	VendorResponse,
} from './types';
import { vendorModules } from './vendors';

interface Mount {
	readonly name: VendorName;
	readonly prefix: string;
	readonly instance: VendorInstance<unknown, unknown>;
}

const HOST = '127.0.0.1';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const modules: readonly VendorModule[] = vendorModules;
	const mounts = new Map<string, Mount>(); // keyed by the prefix's path segment, without the slash
	const byName = new Map<string, Mount>();
	for (const module of modules) {
		const vendorOptions: object | undefined = options.vendors?.[module.name as VendorName];
		const mount = { name: module.name as VendorName, prefix: module.prefix, instance: module.create(vendorOptions) };
		mounts.set(module.prefix.slice(1), mount);
		byName.set(module.name, mount);
	}
	const mountOf = (vendor: VendorName): Mount => {
		const mount = byName.get(vendor);
		if (mount === undefined) throw new Error(`unknown vendor ${vendor}`);
		return mount;
	};

	const faults = new FaultQueue();
	const limiter = new RateLimiter();
	const requests: RecordedRequest[] = [];
	const timers = new Set<NodeJS.Timeout>();
	let latencyMs = 0;
	let inFlight = 0;
	let maxInFlight = 0;
	/**
	 * Counts `reset()`s. A request still held by a delay fault or the latency when the sandbox is reset
	 * (the test that sent it has ended) is dropped instead of being carried out on the next test's state.
	 */
	let epoch = 0;
	let url = '';

	const setLatency = (ms: number): void => {
		if (!(ms >= 0 && Number.isFinite(ms))) throw new RangeError(`latency must be a finite number >= 0, got ${ms}`);
		latencyMs = ms;
	};
	const restoreDefaults = (): void => {
		setLatency(options.latencyMs ?? 0);
		limiter.configure(options.rateLimit ?? null);
	};
	restoreDefaults();

	// Timers are tracked so close() can drop pending delays instead of keeping the process alive.
	const sleep = (ms: number): Promise<void> =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	const answer = async (res: ServerResponse, record: RecordedRequest, write: () => void): Promise<void> => {
		if (latencyMs > 0) await sleep(latencyMs);
		write();
		if (res.headersSent) record.status = res.statusCode;
	};

	const handle = async (req: IncomingMessage, res: ServerResponse, receivedAt: number): Promise<void> => {
		const startedIn = epoch;
		const body = await readBody(req);
		const target = req.url ?? '/';
		const queryAt = target.indexOf('?');
		const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
		const slash = pathname.indexOf('/', 1);
		const mount = mounts.get(pathname.slice(1, slash === -1 ? undefined : slash));
		const path = mount === undefined ? pathname : pathname.slice(mount.prefix.length) || '/';
		const method = req.method ?? 'GET';
		const record: RecordedRequest = {
			vendor: mount?.name ?? null,
			method,
			path,
			query: parseQuery(queryAt === -1 ? '' : target.slice(queryAt + 1)),
			headers: req.headers,
			body,
			receivedAt,
			status: null,
			fault: null,
		};
		requests.push(record);

		// Faults model the network or a proxy: they come before the rate limit and the vendor.
		const fault = faults.take(record.vendor, method, path);
		if (fault !== undefined) {
			record.fault = fault.type;
			if (fault.type === 'reset' && fault.when === 'before') return resetSocket(req);
			if (fault.type === 'delay') await sleep(fault.ms);
			else if (fault.type !== 'reset' && fault.type !== 'applied') return answer(res, record, () => writeFault(res, fault));
		}

		const now = Date.now();
		const retryAt = limiter.take(record.vendor, now);
		if (retryAt !== null) {
			if (fault?.type === 'reset') return resetSocket(req); // the fault drops whatever the answer would be
			const value = retryAfterValue(limiter.retryAfterForm, retryAt, now);
			const headers = value === undefined ? undefined : { 'retry-after': value };
			return answer(res, record, () => sendJson(res, 429, { code: 429, message: 'Too Many Requests' }, headers));
		}

		if (latencyMs > 0) await sleep(latencyMs);
		if (epoch !== startedIn) return resetSocket(req); // sent before a reset: belongs to a finished test
		const response: VendorResponse =
			mount === undefined
				? { status: 404, json: { code: 404, message: 'Not Found' } }
				: await mount.instance.handle({ method, path, query: record.query, headers: req.headers, body, baseUrl: url + mount.prefix });
		if (fault?.type === 'reset') return resetSocket(req); // applied, never answered
		if (res.destroyed) return;
		if (fault?.type === 'applied') {
			writeFault(res, { ...fault, type: 'status' }); // applied, answered with the gateway's status
			record.status = fault.status;
			return;
		}
		send(res, response);
		record.status = response.status;
	};

	const server = createServer({ keepAlive: true, noDelay: true }, (req, res) => {
		const receivedAt = Date.now();
		inFlight++;
		if (inFlight > maxInFlight) maxInFlight = inFlight;
		// 'close' fires once: after the response is flushed or when the socket dies first.
		res.once('close', () => inFlight--);
		handle(req, res, receivedAt).catch((error: unknown) => {
			sendJson(res, 500, { code: 500, message: `Sandbox error: ${error instanceof Error ? error.message : String(error)}` });
		});
	});
	server.keepAliveTimeout = 65_000; // outlive typical client pools so benchmarks reuse sockets
	server.headersTimeout = 66_000;
	server.requestTimeout = 0; // delay faults may hold requests for long

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, HOST, () => {
			server.off('error', reject);
			resolve();
		});
	});
	url = `http://${HOST}:${(server.address() as AddressInfo).port}`;

	let closing: Promise<void> | undefined;
	const vendors = Object.fromEntries([...byName].map(([name, mount]) => [name, mount.instance.api]));

	const resetStats = (): void => {
		requests.length = 0;
		maxInFlight = inFlight;
	};

	const sandbox: Sandbox = {
		url,
		baseUrl: (vendor) => url + mountOf(vendor).prefix,
		requests,
		get inFlight() {
			return inFlight;
		},
		get maxInFlight() {
			return maxInFlight;
		},
		get pendingFaults() {
			return faults.size;
		},
		// Built from the same list the types come from, so each name maps to its module's api.
		vendors: vendors as VendorApis,
		summary: (): SandboxSummary => ({
			url,
			vendors: Object.fromEntries(
				[...byName].map(([name, mount]) => [name, { baseUrl: url + mount.prefix, ...mount.instance.credentials() }]),
			) as SandboxSummary['vendors'],
		}),
		resetStats,
		reset: () => {
			epoch++;
			resetStats();
			faults.clear();
			restoreDefaults();
			for (const mount of byName.values()) mount.instance.reset();
		},
		clearGroups: () => {
			resetStats();
			for (const mount of byName.values()) mount.instance.clearGroups();
		},
		inject: (spec: FaultSpec) => faults.push(spec),
		setLatency,
		setRateLimit: (limit: RateLimit | null) => limiter.configure(limit),
		configure: <N extends VendorName>(vendor: N, vendorOptions: Partial<VendorOptions<N>>) =>
			mountOf(vendor).instance.configure(vendorOptions),
		close: () => {
			closing ??= new Promise<void>((resolve) => {
				for (const timer of timers) clearTimeout(timer);
				timers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
	return sandbox;
}

/** TCP RST rather than FIN, so clients see ECONNRESET as with a real dropped connection. */
function resetSocket(req: IncomingMessage): void {
	if (!req.socket.destroyed) req.socket.resetAndDestroy();
}

function writeFault(res: ServerResponse, fault: Exclude<Fault, { type: 'reset' | 'delay' }>): void {
	switch (fault.type) {
		case 'status': {
			const { body, headers } = fault;
			if (body === undefined || typeof body === 'string') sendText(res, fault.status, body ?? '', 'text/plain; charset=utf-8', headers);
			else sendJson(res, fault.status, body, headers);
			return;
		}
		case 'html': {
			const title = `${fault.status} ${STATUS_CODES[fault.status] ?? 'Error'}`;
			const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
			sendText(res, fault.status, page, 'text/html');
			return;
		}
		case 'body':
			sendText(res, fault.status, fault.body, fault.contentType ?? 'application/json');
	}
}
