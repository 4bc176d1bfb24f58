/**
 * The item loop every group node runs: validate → send (bounded concurrency, per-name order) →
 * classify → route. Every input item ends in exactly one report: created, conflict or error.
 * Under the "Continue" modes reading and sending overlap (`unitsAsRead`); under "Stop Workflow"
 * every item is read and checked before anything is sent.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { readEngineOptions, type EngineOptions } from './options';
import { commonFailure } from './outcome';
import { engineRoutesOnErrorProperty, MAY_BE_OWN_ATTEMPT, route, type ItemReport } from './output';
import { Lookups } from './lookup';
import { redactor, type Redactor } from './redact';
import { AdaptiveLimit } from './concurrency';
import { runOrdered } from './schedule';
import { authenticatedSender, RateGate, retryingSender, sendWithRetries, type Attempted, type ResendCheck } from './transport';
import type {
	Connection,
	GroupApi,
	GroupParams,
	Interpretation,
	ItemOutcome,
	NormalizedGroup,
	SendRequest,
} from './types';
import { InputError } from './validate';

/**
 * Creates one group per input item through `api` and returns the node's outputs: [Created, Conflict].
 * Failed items follow n8n's rules: with "Continue" they are emitted as error items on output 0;
 * otherwise the node throws the first failure, with its item index.
 */
export async function createGroups<P extends GroupParams>(
	this: IExecuteFunctions,
	api: GroupApi<P>,
): Promise<INodeExecutionData[][]> {
	return await createAll(this, api);
}

const MAY_EXIST_AFTER_NO_ANSWER =
	'The request may have reached the vendor before the connection failed, so the group may have been created. Check before running this item again; with the lookup option on, a new run reports it as a conflict with its ID.';

interface Entry<P> {
	itemIndex: number;
	params: P;
	/** The name key: the same group at the vendor. */
	key: string;
	/** Everything that orders this item after earlier ones: its name key and the vendor's other unique values. */
	orderKeys: string[];
}

interface RequestUnit<P> {
	keys: string[];
	entries: Array<Entry<P>>;
	batch: boolean;
}

interface Run<P extends GroupParams> {
	ctx: IExecuteFunctions;
	api: GroupApi<P>;
	options: EngineOptions;
	connection: Connection;
	send: SendRequest;
	gate: RateGate;
	reports: ItemReport[];
	/** Groups created by earlier items of this run, by name key: later items with the name conflict with them. */
	createdInRun: Map<string, NormalizedGroup>;
	lookups: Lookups<P>;
	scrubAnswer: Redactor;
	/** Set in "stop" mode once an item has failed: units not yet sent are left alone. */
	stopped: boolean;
}

export function inputError(error: unknown): ItemOutcome {
	const message = error instanceof Error ? error.message : String(error);
	return {
		kind: 'error',
		message,
		description: 'Nothing was sent to the vendor for this item.',
		httpCode: null,
		attempts: 0,
		source: 'input',
		field: error instanceof InputError ? error.field : undefined,
	};
}

function apiError(message: string, attempted: Attempted | null, description?: string): ItemOutcome {
	return {
		kind: 'error',
		message,
		description: description ?? '',
		httpCode: attempted?.response?.statusCode ?? null,
		attempts: attempted?.attempts ?? 0,
		source: 'api',
	};
}

/** Splits the valid items into requests: one per item, or batches without two items of the same name. */
function planUnits<P extends GroupParams>(entries: Array<Entry<P>>, batchSize: number | null): Array<RequestUnit<P>> {
	if (!batchSize) return entries.map((entry) => ({ keys: entry.orderKeys, entries: [entry], batch: false }));
	const units: Array<RequestUnit<P>> = [];
	const lastUnitOfKey = new Map<string, number>();
	let firstWithRoom = 0;
	for (const entry of entries) {
		const after = Math.max(-1, ...entry.orderKeys.map((key) => lastUnitOfKey.get(key) ?? -1));
		let index = Math.max(firstWithRoom, after + 1);
		while (units[index] && units[index].entries.length >= batchSize) index++;
		units[index] ??= { keys: [], entries: [], batch: true };
		units[index].entries.push(entry);
		units[index].keys.push(...entry.orderKeys);
		for (const key of entry.orderKeys) lastUnitOfKey.set(key, index);
		while (units[firstWithRoom] && units[firstWithRoom].entries.length >= batchSize) firstWithRoom++;
	}
	return units;
}

/** What each item of a unit made of the final answer (or of the lack of one). */
function interpretUnit<P extends GroupParams>(run: Run<P>, unit: RequestUnit<P>, attempted: Attempted): Interpretation[] {
	const { api } = run;
	const params = unit.entries.map((entry) => entry.params);
	const all = (interpretation: Interpretation) => params.map(() => interpretation);
	if (!attempted.response) {
		const reached = attempted.earlierAttemptMayHaveActed || attempted.failure?.mayHaveReached === true;
		return all({
			kind: 'error',
			message: attempted.failure?.message ?? 'no answer',
			description: reached ? MAY_EXIST_AFTER_NO_ANSWER : undefined,
		});
	}
	const response = attempted.response;
	if (attempted.gaveUp) {
		const failure = commonFailure(response, api.displayName);
		return all({ ...failure, message: `${failure.message} (gave up after ${attempted.attempts} attempts)` });
	}
	if (unit.batch && api.batch) {
		const succeeded = response.statusCode >= 200 && response.statusCode < 300;
		return succeeded ? api.batch.readResults(response, params) : all(api.batch.readFailure(response, params));
	}
	return all(api.interpret(response, params[0]));
}

async function outcomeOf<P extends GroupParams>(
	run: Run<P>,
	entry: Entry<P>,
	interpretation: Interpretation,
	attempted: Attempted,
): Promise<ItemOutcome> {
	const raw = run.options.includeRawResponse ? (attempted.response?.body as unknown) : undefined;
	const httpCode = attempted.response?.statusCode ?? null;
	if (interpretation.kind === 'created') {
		run.createdInRun.set(entry.key, interpretation.group);
		return { kind: 'created', group: interpretation.group, attempts: attempted.attempts, raw };
	}
	if (interpretation.kind === 'error') {
		return apiError(interpretation.message, attempted, interpretation.description);
	}

	let existing = interpretation.existing ?? null;
	let existingId = interpretation.existingId ?? existing?.id ?? null;
	let lookupError: string | undefined;
	if (!existing && !existingId) existing = run.createdInRun.get(entry.key) ?? null;
	if (!existing && !existingId && run.options.lookUpExisting) {
		const lookup = await run.lookups.find(entry.key, entry.params);
		existing = lookup.found;
		lookupError = lookup.error;
	}
	existingId ??= existing?.id ?? null;
	if (run.options.onConflict === 'fail') {
		const ownAttempt = attempted.earlierAttemptMayHaveActed ? ` ${MAY_BE_OWN_ATTEMPT}` : '';
		const lookupFailed = lookupError ? ` The existing group could not be looked up: ${lookupError}.` : '';
		return apiError(
			interpretation.message,
			attempted,
			`${run.api.displayName} reported a conflict${existingId ? ` with the existing group ${existingId}` : ''}, and the node's "On Conflict" option is set to fail the item.${ownAttempt}${lookupFailed}`,
		);
	}
	return {
		kind: 'conflict',
		message: interpretation.message,
		existing,
		existingId,
		httpCode,
		attempts: attempted.attempts,
		mayBeOwnEarlierAttempt: attempted.earlierAttemptMayHaveActed,
		...(lookupError !== undefined ? { lookupError } : {}),
		raw,
	};
}

/** What the look before a re-send found: the group, or why the create must not go again. */
type ResendVerdict = { found: NormalizedGroup } | { withheld: string };

/**
 * Before a create goes again after an attempt that may have created the group, the name is looked
 * up afresh (pages read before are not trusted). Found → the item is a conflict with that group, not
 * sent again; not found → sent again. When the lookup fails or cannot be done, a vendor that refuses
 * a repeated create (`repeatedCreateRefused`) gets it again and answers "already exists"; any other
 * vendor does not, and the item fails saying the group may exist. A vendor that refuses repeats is
 * only looked up with *Look Up Existing Group* on. A batch (HelloID, which refuses repeats) is sent
 * again unless every one of its groups was found; the vendor then refuses those it already has.
 */
function resendGuard<P extends GroupParams>(run: Run<P>, unit: RequestUnit<P>) {
	const refused = run.api.repeatedCreateRefused;
	if (refused && (!run.options.lookUpExisting || !run.lookups.possible)) return undefined;
	const verdicts = new Map<Entry<P>, ResendVerdict>();
	const check: ResendCheck = async () => {
		verdicts.clear();
		if (!run.lookups.possible) {
			for (const entry of unit.entries) verdicts.set(entry, { withheld: `${run.api.displayName} offers no lookup to check first` });
			return false;
		}
		for (const entry of unit.entries) {
			const lookup = await run.lookups.findNow(entry.key, entry.params);
			if (lookup.found) verdicts.set(entry, { found: lookup.found });
			else if (lookup.error !== undefined && !refused) {
				verdicts.set(entry, { withheld: `looking the name up first failed: ${lookup.error}` });
			}
		}
		if (!refused) {
			if (unit.batch && verdicts.size < unit.entries.length) {
				for (const entry of unit.entries) {
					if (!verdicts.has(entry)) verdicts.set(entry, { withheld: 'a batch is not sent again in part' });
				}
			}
			return verdicts.size === 0;
		}
		return verdicts.size < unit.entries.length;
	};
	return { check, verdictOf: (entry: Entry<P>) => verdicts.get(entry) };
}

/** The outcome of an item whose create was not sent again (see `resendGuard`). */
async function withheldOutcome<P extends GroupParams>(
	run: Run<P>,
	entry: Entry<P>,
	verdict: ResendVerdict | undefined,
	attempted: Attempted,
): Promise<ItemOutcome> {
	const { displayName } = run.api;
	if (verdict && 'found' in verdict) {
		const message = `${displayName} already has a group named "${verdict.found.name || entry.params.name}"`;
		return await outcomeOf(run, entry, { kind: 'conflict', message, existing: verdict.found }, attempted);
	}
	const last = attempted.response ? commonFailure(attempted.response, displayName).message : attempted.failure?.message;
	const why = verdict?.withheld ?? 'it was not sent again';
	return apiError(
		last ?? 'no answer',
		attempted,
		`${MAY_EXIST_AFTER_NO_ANSWER} The node did not send it again, since ${displayName} may accept the same group twice and ${why}.`,
	);
}

function request<P extends GroupParams>(run: Run<P>, unit: RequestUnit<P>) {
	const params = unit.entries.map((entry) => entry.params);
	if (unit.batch && run.api.batch) return run.api.batch.createRequest(params, run.connection);
	return run.api.createRequest(params[0], run.connection);
}

/** What an item that was never sent has of an attempt. */
const NOT_SENT: Attempted = { response: null, attempts: 0, gaveUp: false, earlierAttemptMayHaveActed: false };

async function sendUnit<P extends GroupParams>(run: Run<P>, unit: RequestUnit<P>): Promise<void> {
	const report = (entry: Entry<P>, outcome: ItemOutcome) => {
		run.reports[entry.itemIndex] = { itemIndex: entry.itemIndex, name: entry.params.name, outcome };
		if (outcome.kind === 'error' && !run.ctx.continueOnFail()) run.stopped = true;
	};
	if (run.stopped) return;
	try {
		// A vendor that may take one name twice is not asked again for a name an earlier row of this run
		// created: that group is the row's conflict, as it is where the vendor refuses repeats itself.
		const earlier = run.api.repeatedCreateRefused || unit.batch ? undefined : run.createdInRun.get(unit.entries[0].key);
		if (earlier) {
			const [entry] = unit.entries;
			const message = `${run.api.displayName} already has a group named "${earlier.name || entry.params.name}", created by an earlier row of this run`;
			report(entry, await outcomeOf(run, entry, { kind: 'conflict', message, existing: earlier }, NOT_SENT));
			return;
		}
		const guard = resendGuard(run, unit);
		const attempted = await sendWithRetries(
			run.send,
			request(run, unit),
			run.options,
			run.gate,
			run.api.extraRetryStatuses,
			guard?.check,
		);
		if (attempted.response) attempted.response.body = run.scrubAnswer(attempted.response.body);
		if (attempted.resendWithheld) {
			for (const entry of unit.entries) report(entry, await withheldOutcome(run, entry, guard?.verdictOf(entry), attempted));
			return;
		}
		const interpretations = interpretUnit(run, unit, attempted);
		for (const [position, entry] of unit.entries.entries()) {
			const interpretation = interpretations[position] ?? {
				kind: 'error',
				message: `${run.api.displayName} did not report on this group in its answer`,
			};
			report(entry, await outcomeOf(run, entry, interpretation, attempted));
		}
	} catch (error) {
		// Anything unexpected still ends the item in one place, with a message that holds no secret.
		const message = error instanceof Error ? error.message : String(error);
		for (const entry of unit.entries) {
			if (!run.reports[entry.itemIndex]) report(entry, apiError(message, null));
		}
	}
}

/** The error n8n shows when the node stops: NodeOperationError for bad input, NodeApiError for the vendor. */
export function errorToThrow(ctx: IExecuteFunctions, report: ItemReport): NodeApiError | NodeOperationError {
	const { outcome, itemIndex } = report;
	if (outcome.kind !== 'error') throw new Error('not an error report');
	const message = `${outcome.message} [item ${itemIndex}]`;
	if (outcome.source === 'input') {
		return new NodeOperationError(ctx.getNode(), message, { itemIndex, description: outcome.description });
	}
	const errorResponse: JsonObject = { message: outcome.message, httpCode: outcome.httpCode };
	return new NodeApiError(ctx.getNode(), errorResponse, {
		message,
		description: outcome.description,
		httpCode: outcome.httpCode === null ? undefined : String(outcome.httpCode),
		itemIndex,
	});
}

/** Reads and checks one item; a bad item gets its report (nothing is sent for it) and no entry. */
function readEntry<P extends GroupParams>(ctx: IExecuteFunctions, api: GroupApi<P>, reports: ItemReport[], itemIndex: number): Entry<P> | undefined {
	try {
		const params = api.readParams(ctx, itemIndex);
		const key = api.nameKey(params);
		// Prefixes keep a name and another unique value that happen to be equal apart.
		const orderKeys = [`name:${key}`, ...(api.uniqueKeys?.(params) ?? []).map((value) => `unique:${value}`)];
		return { itemIndex, params, key, orderKeys };
	} catch (error) {
		// InputError names the field; n8n's own parameter errors (a failing expression) keep their words.
		reports[itemIndex] = { itemIndex, name: undefined, outcome: inputError(error) };
		return undefined;
	}
}

function readEntries<P extends GroupParams>(ctx: IExecuteFunctions, api: GroupApi<P>, reports: ItemReport[]) {
	const entries: Array<Entry<P>> = [];
	for (let itemIndex = 0; itemIndex < ctx.getInputData().length; itemIndex++) {
		const entry = readEntry(ctx, api, reports, itemIndex);
		if (entry) entries.push(entry);
	}
	return entries;
}

/** Items read between two turns of the event loop while sending: the requests already sent are answered meanwhile. */
const READ_CHUNK = 50;

/**
 * One unit per item, handed on as soon as the item is read, so the first requests go out while the
 * rest of the input is still being read (its expressions evaluated). Only where a bad item does not
 * stop the node ("Continue" modes) and items are sent one per request: "Stop Workflow" must read
 * every item before sending anything, and a batch is planned over the whole input.
 */
async function* unitsAsRead<P extends GroupParams>(
	ctx: IExecuteFunctions,
	api: GroupApi<P>,
	reports: ItemReport[],
): AsyncGenerator<RequestUnit<P>> {
	const itemCount = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		if (itemIndex > 0 && itemIndex % READ_CHUNK === 0) await sleep(0);
		const entry = readEntry(ctx, api, reports, itemIndex);
		if (entry) yield { keys: entry.orderKeys, entries: [entry], batch: false };
	}
}

/** What a run needs before its first request (shared with the read operations, `list.ts`). */
export async function prepare<P extends GroupParams>(ctx: IExecuteFunctions, api: GroupApi<P>) {
	const options = readEngineOptions(ctx);
	const credentialType = api.credentialType(ctx);
	const credentials = await ctx.getCredentials(credentialType);
	const reference = ctx.getNode().credentials?.[credentialType];
	return {
		options,
		credentialType,
		credentials,
		// Vendor words are scrubbed before anything reads them: a message clipped to length could
		// otherwise keep part of a secret that the final scrub no longer recognizes.
		scrubAnswer: redactor([credentials], api.derivedSecrets?.(credentials) ?? []),
		batchSize: api.batch?.batchSize(ctx) ?? null,
		connection: api.connection(credentials),
		send: authenticatedSender(ctx, credentialType, options.timeoutMs, {
			refreshesTokens: api.tokenCredentialTypes?.includes(credentialType) ?? false,
			// Decrypted once for the run. A copy: n8n writes a refreshed pre-authentication token into it
			// for the later requests, while `credentials` keeps what the run started with for the scrubbers.
			credential: { id: reference?.id ?? '', name: reference?.name ?? '', type: credentialType, data: { ...credentials } },
		}),
	};
}

async function createAll<P extends GroupParams>(ctx: IExecuteFunctions, api: GroupApi<P>): Promise<INodeExecutionData[][]> {
	const itemCount = ctx.getInputData().length;
	const continueOnFail = ctx.continueOnFail();
	const reports: ItemReport[] = new Array<ItemReport>(itemCount);

	let setup: Awaited<ReturnType<typeof prepare<P>>>;
	try {
		setup = await prepare(ctx, api);
	} catch (error) {
		// Options or credential unusable: every item fails the same way, nothing is sent.
		const outcome = inputError(error);
		for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) reports[itemIndex] = { itemIndex, name: undefined, outcome };
		if (!continueOnFail && itemCount) throw errorToThrow(ctx, reports[0]);
		return emit(ctx, api, reports);
	}

	let units: Iterable<RequestUnit<P>> | AsyncIterable<RequestUnit<P>>;
	if (continueOnFail && setup.batchSize === null) {
		units = unitsAsRead(ctx, api, reports);
	} else {
		const entries = readEntries(ctx, api, reports);
		const firstInvalid = reports.find((report) => report !== undefined);
		if (!continueOnFail && firstInvalid) throw errorToThrow(ctx, firstInvalid);
		units = planUnits(entries, setup.batchSize);
	}

	const { concurrency, adaptiveConcurrency } = setup.options;
	const adaptive = adaptiveConcurrency ? new AdaptiveLimit(concurrency) : undefined;
	const send = adaptive ? adaptive.measure(setup.send) : setup.send;
	const base = { ctx, api, ...setup, send, gate: new RateGate(), reports, createdInRun: new Map<string, NormalizedGroup>(), stopped: false };
	const lookupSend = retryingSender(send, setup.options, base.gate, api.extraRetryStatuses);
	const state: Run<P> = { ...base, lookups: new Lookups(api, setup.connection, lookupSend) };
	await runOrdered(units, adaptive ?? concurrency, (unit) => sendUnit(state, unit));

	const redact = await secretScrubber(ctx, api, setup);
	const finished = reports.filter((report) => report !== undefined).map((report) => redact(report));
	if (!continueOnFail) {
		const firstFailed = finished.find((report) => report.outcome.kind === 'error');
		if (firstFailed) throw errorToThrow(ctx, firstFailed);
	}
	return emit(ctx, api, finished);
}

/** The node's outputs; failed items carry their error too where the engine routes on it (n8n 1.x). */
function emit<P extends GroupParams>(ctx: IExecuteFunctions, api: GroupApi<P>, reports: ItemReport[]) {
	const errorOf = engineRoutesOnErrorProperty(ctx) ? (report: ItemReport) => errorToThrow(ctx, report) : undefined;
	return route(api.vendor, reports, errorOf);
}

/**
 * Scrubs the credential's secrets from what the node emits: those it started with and those n8n
 * stored during the run (a refreshed OAuth2 or pre-authentication token), read back once at the end.
 */
export async function secretScrubber<P extends GroupParams>(
	ctx: IExecuteFunctions,
	api: GroupApi<P>,
	{ credentialType, credentials }: { credentialType: string; credentials: ICredentialDataDecryptedObject },
): Promise<Redactor> {
	const latest = await ctx.getCredentials(credentialType).catch(() => credentials);
	const derived = [...(api.derivedSecrets?.(credentials) ?? []), ...(api.derivedSecrets?.(latest) ?? [])];
	return redactor([credentials, latest], derived);
}
