/** Reading Taleo Learn's answers: its group objects, and what an answer to a create means (the conflict rule included). */
import type { IDataObject } from 'n8n-workflow';

import { commonFailure, idString, isObject, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type { HttpResponse, Interpretation, NormalizedGroup } from '../shared/types';
import { DISPLAY_NAME } from './connection';
import type { TaleoParams } from './params';

/** The group's name under either spelling (answers may echo the schema's `groupname`). */
function nameOf(group: IDataObject): string {
	const name = group.name ?? group.groupname;
	return typeof name === 'string' ? name : '';
}

/** The vendor's group object (links included) with its id as a string, or undefined without an id. */
export function normalizeGroup(body: unknown): NormalizedGroup | undefined {
	if (!isObject(body)) return undefined;
	const id = idString(body.id);
	return id ? { id, name: nameOf(body), group: body } : undefined;
}

/**
 * 409 is "another resource with the same identifier already exists": the name or the code may be the
 * one taken, so the message names both as sent, and the vendor's own words when it gave any.
 */
function conflictMessage(response: HttpResponse, { name, code }: TaleoParams): string {
	const taken = code === undefined ? `the name "${name}"` : `the name "${name}" or the code "${code}"`;
	const vendorWords = messageFrom(parsedBody(response.body));
	return `${DISPLAY_NAME} already has a group with ${taken}${vendorWords ? ` (${DISPLAY_NAME} said: ${vendorWords})` : ''}`;
}

export function interpret(response: HttpResponse, params: TaleoParams): Interpretation {
	if (response.statusCode >= 200 && response.statusCode < 300) {
		const group = normalizeGroup(parsedBody(response.body));
		return group ? { kind: 'created', group } : unexpectedSuccessBody(response, DISPLAY_NAME);
	}
	if (response.statusCode === 409) return { kind: 'conflict', message: conflictMessage(response, params) };
	return commonFailure(response, DISPLAY_NAME, {
		unauthorizedHint: 'Taleo Learn takes the user name and password of an API user of the instance.',
		notFound: `there is no learn center with ID ${params.learnCenterId}, or this API user cannot see it`,
	});
}
