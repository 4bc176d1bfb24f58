/** What the sandbox saw of one run: requests, answers, groups, names sent twice. */
import type { RecordedRequest, Sandbox, VendorName } from '../../sandbox/types';

export interface SandboxStats {
	/** Requests that reached the sandbox for the vendor, whatever the answer. */
	readonly requests: number;
	readonly rateLimited: number;
	/** Requests the sandbox never answered: the client hung up (or the connection broke) before the answer. */
	readonly unanswered: number;
	/** Most requests in flight at once during the run (all vendors). */
	readonly maxInFlight: number;
	/** Groups the vendor holds after the run. */
	readonly created: number;
	/** Groups beyond the first of each name (the vendors here refuse a second one, so this stays 0 unless they change). */
	readonly duplicates: number;
	/**
	 * Create requests the vendor handled (not 429) for a name it had already created in this run:
	 * a retry that re-sent work already done, answered 409 "already exists" by the vendor.
	 */
	readonly resentAfterCreated: number;
}

/** The group name of a single-create request body (`name` or HelloID's `Name`), if it is one. */
function createdName(request: RecordedRequest): string | undefined {
	if (request.method !== 'POST' || request.body === '') return undefined;
	try {
		const body: unknown = JSON.parse(request.body);
		if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
		const name = (body as Record<string, unknown>).name ?? (body as Record<string, unknown>).Name;
		return typeof name === 'string' ? name : undefined;
	} catch {
		return undefined;
	}
}

function resentAfterCreated(requests: readonly RecordedRequest[]): number {
	const created = new Set<string>();
	let resent = 0;
	// Recorded in arrival order; an answer's status is known once the run is over.
	for (const request of requests) {
		const name = createdName(request);
		if (name === undefined || request.status === 429 || request.status === null) continue;
		if (created.has(name)) resent++;
		if (request.status === 201 || request.status === 200) created.add(name);
	}
	return resent;
}

/** Groups held per name, from the vendor's state accessor. */
function groupCounts(sandbox: Sandbox, vendor: VendorName, names: readonly string[]): { created: number; duplicates: number } {
	const count = (name: string): number => {
		if (vendor === 'invisibleCollector') return sandbox.vendors.invisibleCollector.countGroups(name);
		if (vendor === 'helloId') return sandbox.vendors.helloId.countGroups(name);
		throw new Error(`no group count for ${vendor}`);
	};
	let created = 0;
	let duplicates = 0;
	for (const name of names) {
		const groups = count(name);
		created += groups;
		duplicates += Math.max(0, groups - 1);
	}
	return { created, duplicates };
}

export function sandboxStats(sandbox: Sandbox, vendor: VendorName, names: readonly string[]): SandboxStats {
	const requests = sandbox.requests.filter((request) => request.vendor === vendor);
	return {
		requests: requests.length,
		rateLimited: requests.filter((request) => request.status === 429).length,
		unanswered: requests.filter((request) => request.status === null).length,
		maxInFlight: sandbox.maxInFlight,
		...groupCounts(sandbox, vendor, names),
		resentAfterCreated: resentAfterCreated(requests),
	};
}
