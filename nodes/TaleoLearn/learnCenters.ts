/**
 * Learn centers: the id every request is made under, and the dropdown that lists them.
 * The id is a positive integer, checked before any request and encoded into the path, so no value
 * (`../`, `/`, `%2F`, `1?x=`) can point a request anywhere else.
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULTS } from '../shared/descriptions';
import { commonFailure, idString } from '../shared/outcome';
import { redactor } from '../shared/redact';
import { guardedPages } from '../shared/paging';
import { authenticatedSender, RateGate, retryingSender } from '../shared/transport';
import { InputError } from '../shared/validate';
import { connection, CREDENTIAL_TYPE, derivedSecrets, DISPLAY_NAME, TALEO_RETRY_STATUSES } from './connection';
import { ListPageError, listPlan } from './paging';

export const LEARN_CENTER_FIELD = 'Learn Center';

/** 5,000 learn centers: beyond that a dropdown helps nobody, and an expression with the ID still works. */
const MAX_DROPDOWN_PAGES = 100;

/** The learn center id of an item: a positive whole number (digits only when given as text). */
export function learnCenterIdOf(value: unknown): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
	const id = text !== undefined && /^\d+$/.test(text) ? Number(text) : NaN;
	if (!Number.isSafeInteger(id) || id < 1) {
		const shown = typeof value === 'string' || typeof value === 'number' ? ` (got ${JSON.stringify(value)})` : '';
		throw new InputError(
			LEARN_CENTER_FIELD,
			`"${LEARN_CENTER_FIELD}" must be a learn center ID, a positive whole number such as 178409${shown}`,
		);
	}
	return id;
}

/** `/learnCenters/178409`, from an id `learnCenterIdOf` accepted (encoded all the same). */
export function learnCenterPath(id: number): string {
	return `/learnCenters/${encodeURIComponent(String(learnCenterIdOf(id)))}`;
}

function optionOf(entry: Record<string, unknown>): INodePropertyOptions | undefined {
	const id = idString(entry.id);
	if (!id) return undefined;
	const name = typeof entry.name === 'string' && entry.name.trim() ? entry.name.trim() : `Learn center ${id}`;
	const path = typeof entry.path === 'string' && entry.path.trim() ? entry.path.trim() : undefined;
	return { name, value: id, description: path ? `ID ${id} · ${path}` : `ID ${id}` };
}

/** `loadOptions` method: every learn center the credential can see, sorted by name. */
export async function getLearnCenters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const redact = redactor([credentials], derivedSecrets(credentials));
	let baseUrl: string;
	try {
		baseUrl = connection(credentials).baseUrl;
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error instanceof Error ? error.message : String(error));
	}

	const policy = { maxRetries: DEFAULTS.maxRetries, timeoutMs: DEFAULTS.timeoutSeconds * 1000 };
	const send = retryingSender(authenticatedSender(this, CREDENTIAL_TYPE, policy.timeoutMs), policy, new RateGate(), TALEO_RETRY_STATUSES);

	const options: INodePropertyOptions[] = [];
	try {
		const pages = guardedPages(listPlan(send, `${baseUrl}/learnCenters`, MAX_DROPDOWN_PAGES, { truncate: true }));
		for await (const entries of pages) {
			for (const entry of entries) {
				const option = optionOf(entry);
				if (option) options.push(option);
			}
		}
	} catch (error) {
		if (error instanceof ListPageError) {
			const failure = redact(commonFailure(error.response, DISPLAY_NAME));
			throw new NodeApiError(
				this.getNode(),
				{ message: failure.message },
				{ message: `Could not list learn centers: ${failure.message}`, description: failure.description },
			);
		}
		// A network failure after the retries: only its words travel on (redacted, as in the item loop).
		const message = redact(error instanceof Error ? error.message : String(error));
		throw new NodeApiError(this.getNode(), { message }, { message: `Could not list learn centers: ${message}` });
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}
