/**
 * How many requests a Create run keeps in flight (issue 17).
 *
 * Fixed: always the Concurrency option. Adaptive (the default): start at START_IN_FLIGHT (never above
 * Concurrency) and, after every round of answers (one answer per request in flight), raise the number
 * while the round's median answer time stays within LATENCY_TOLERANCE of the fastest round so far:
 * doubling until the first sign of load, then one at a time. A 429 or 503 halves it. Answers to
 * requests sent before the last change say nothing about the new number, so they are not counted:
 * the burst of 429s that every request in flight gets at once halves the number once, not ten times.
 *
 * Why: with n8n's HTTP helper every request opens a new connection, so on a real network the requests
 * in flight decide the speed, while a vendor's rate limit punishes every extra one with a 429.
 */
import type { HttpResponse, SendRequest } from './types';

/** Where adaptive concurrency starts: the node's fixed default before it adapted. */
export const START_IN_FLIGHT = 5;
/** A round whose median answer time is above this many times the fastest round's stops the raising. */
export const LATENCY_TOLERANCE = 2;
/** Answers that mean "too much at once": the vendor's rate limit, or a server that sheds load. */
const OVERLOAD_STATUSES = new Set([429, 503]);

export interface InFlightLimit {
	/** How many units may run now. */
	current(): number;
	/** `listener` is called whenever the number rises, so waiting units can start at once. */
	onRaise(listener: () => void): void;
}

export class AdaptiveLimit implements InFlightLimit {
	private limit: number;
	private doubling = true;
	/** Only answers to requests sent at or after this time count towards the round. */
	private changedAt: number;
	private round: number[] = [];
	private fastestRound = Infinity;
	private readonly listeners: Array<() => void> = [];

	constructor(
		readonly ceiling: number,
		private readonly now: () => number = Date.now,
	) {
		this.limit = Math.min(START_IN_FLIGHT, ceiling);
		this.changedAt = now();
	}

	current(): number {
		return this.limit;
	}

	onRaise(listener: () => void): void {
		this.listeners.push(listener);
	}

	/** Wraps a sender so that every attempt's answer time and status feed the limit. */
	measure(send: SendRequest): SendRequest {
		return async (request) => {
			const sentAt = this.now();
			const response: HttpResponse = await send(request);
			this.answered(sentAt, response.statusCode);
			return response;
		};
	}

	/** One HTTP answer to a request sent at `sentAt` (network failures carry no signal and are not reported). */
	answered(sentAt: number, statusCode: number): void {
		if (sentAt < this.changedAt) return;
		const at = this.now();
		if (OVERLOAD_STATUSES.has(statusCode)) {
			this.doubling = false;
			this.change(Math.max(1, Math.floor(this.limit / 2)), at);
			return;
		}
		this.round.push(at - sentAt);
		if (this.round.length < this.limit) return;
		const median = medianOf(this.round);
		this.round = [];
		this.fastestRound = Math.min(this.fastestRound, median);
		if (median > LATENCY_TOLERANCE * this.fastestRound) {
			// The vendor (or n8n itself) is queueing: more in flight would only wait longer.
			this.doubling = false;
			return;
		}
		const raised = Math.min(this.ceiling, this.doubling ? this.limit * 2 : this.limit + 1);
		if (raised > this.limit) {
			this.change(raised, at);
			for (const listener of this.listeners) listener();
		}
	}

	private change(limit: number, at: number): void {
		this.limit = limit;
		this.changedAt = at;
		this.round = [];
	}
}

/** The Concurrency option as it is: the same number for the whole run. */
export function fixedLimit(size: number): InFlightLimit {
	return { current: () => size, onRaise: () => undefined };
}

function medianOf(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
