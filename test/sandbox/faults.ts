/** Injected faults (FIFO queue) and the sliding-window rate limiter. */
import type { Fault, FaultMatch, FaultSpec, RateLimit, RetryAfterForm, VendorName } from './types';

interface QueuedFault {
	readonly spec: FaultSpec;
	remaining: number;
}

/** Whether a request (its vendor, method and path without the vendor prefix) is one `match` names. */
export function faultMatches(match: FaultMatch, vendor: VendorName | null, method: string, path: string): boolean {
	if (match.vendor !== undefined && match.vendor !== vendor) return false;
	if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
	return match.path === undefined || path.includes(match.path);
}

export class FaultQueue {
	// Usually empty or a handful of entries, so a linear scan for the first match is cheap.
	private queue: QueuedFault[] = [];

	get size(): number {
		return this.queue.length;
	}

	push(spec: FaultSpec): void {
		const times = spec.times ?? 1;
		if (!(times >= 1)) throw new RangeError(`fault.times must be >= 1, got ${times}`);
		validateFault(spec.fault);
		this.queue.push({ spec, remaining: times });
	}

	/** Consumes one use of the first fault matching the request, if any. */
	take(vendor: VendorName | null, method: string, path: string): Fault | undefined {
		if (this.queue.length === 0) return undefined;
		for (let i = 0; i < this.queue.length; i++) {
			const entry = this.queue[i];
			const { spec } = entry;
			if (!faultMatches(spec, vendor, method, path)) continue;
			if (--entry.remaining <= 0) this.queue.splice(i, 1);
			return spec.fault;
		}
		return undefined;
	}

	clear(): void {
		this.queue = [];
	}
}

function validateFault(fault: Fault): void {
	if (fault.type === 'delay' && !(fault.ms >= 0 && Number.isFinite(fault.ms))) {
		throw new RangeError(`delay fault needs a finite ms >= 0, got ${fault.ms}`);
	}
	if ('status' in fault && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
		throw new RangeError(`fault status must be an HTTP status, got ${fault.status}`);
	}
}

const WINDOW_MS = 1000;

/**
 * At most `perSecond` admitted requests in any 1-second window. A ring buffer holds the times of
 * the last `perSecond` admissions, so a check is O(1): the oldest one says when the next slot frees.
 */
export class RateLimiter {
	private limit: RateLimit | null = null;
	private admittedAt = new Float64Array(0);
	private next = 0;

	configure(limit: RateLimit | null): void {
		if (limit !== null && !(Number.isInteger(limit.perSecond) && limit.perSecond >= 1)) {
			throw new RangeError(`rateLimit.perSecond must be a positive integer, got ${limit.perSecond}`);
		}
		this.limit = limit;
		this.admittedAt = new Float64Array(limit?.perSecond ?? 0).fill(-Infinity);
		this.next = 0;
	}

	/** Admits the request (returns null) or returns the time in ms when the next slot frees. */
	take(vendor: VendorName | null, now: number): number | null {
		const limit = this.limit;
		if (limit === null || (limit.vendor !== undefined && limit.vendor !== vendor)) return null;
		const oldest = this.admittedAt[this.next];
		if (now - oldest < WINDOW_MS) return oldest + WINDOW_MS;
		this.admittedAt[this.next] = now;
		this.next = (this.next + 1) % this.admittedAt.length;
		return null;
	}

	get retryAfterForm(): RetryAfterForm {
		return this.limit?.retryAfter ?? 'seconds';
	}
}

/** Retry-After value for a slot freeing at `retryAt`, rounded up so a client waiting that long gets in. */
export function retryAfterValue(form: RetryAfterForm, retryAt: number, now: number): string | undefined {
	switch (form) {
		case 'none':
			return undefined;
		case 'seconds':
			return String(Math.max(1, Math.ceil((retryAt - now) / 1000)));
		case 'http-date':
			// HTTP dates have whole seconds: round up, or the date would name a time before the slot frees.
			return new Date(Math.ceil(retryAt / 1000) * 1000).toUTCString();
	}
}
