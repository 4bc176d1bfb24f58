/** Reading the shared Options collection (described in `descriptions.ts`) into the run's settings. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { DEFAULTS } from './descriptions';
import { oneOf, optionalInteger, requireBoolean } from './validate';

export interface EngineOptions {
	concurrency: number;
	/** Start lower and adapt up to `concurrency` (concurrency.ts), or keep `concurrency` in flight. */
	adaptiveConcurrency: boolean;
	maxRetries: number;
	timeoutMs: number;
	onConflict: 'route' | 'fail';
	lookUpExisting: boolean;
	includeRawResponse: boolean;
}

/** Reads the shared options once per run (they shape the whole run, not one item). */
export function readEngineOptions(ctx: IExecuteFunctions): EngineOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as Record<string, unknown>;
	const onConflict = oneOf('On Conflict', options.onConflict ?? 'route', ['route', 'fail'] as const);
	return {
		concurrency: optionalInteger('Concurrency', options.concurrency, { min: 1, max: 50 }) ?? DEFAULTS.concurrency,
		adaptiveConcurrency:
			options.adaptiveConcurrency === undefined ? true : requireBoolean('Adaptive Concurrency', options.adaptiveConcurrency),
		maxRetries: optionalInteger('Max Retries', options.maxRetries, { min: 0, max: 10 }) ?? DEFAULTS.maxRetries,
		timeoutMs:
			(optionalInteger('Timeout (Seconds)', options.timeout, { min: 1, max: 600 }) ?? DEFAULTS.timeoutSeconds) * 1000,
		onConflict,
		lookUpExisting: options.lookUpExisting === undefined ? true : requireBoolean('Look Up Existing Group', options.lookUpExisting),
		includeRawResponse:
			options.includeRawResponse === undefined ? false : requireBoolean('Include Raw Response', options.includeRawResponse),
	};
}
