/** Oracle Taleo Learn's group API as the shared engine sees it (docs/vendors/taleo-learn.md). */
import { commonFailure, messageFrom, parsedBody, unexpectedSuccessBody } from '../shared/outcome';
import type { GroupApi, HttpResponse, Interpretation } from '../shared/types';
import { groupRequestBody, readTaleoParams, type TaleoParams } from './fields';
import { findGroupByName, foldName, normalizeGroup } from './groups';
import { CREDENTIAL_TYPE, DISPLAY_NAME, TALEO_RETRY_STATUSES, taleoConnection, taleoDerivedSecrets } from './instance';
import { learnCenterPath } from './learnCenters';

/**
 * 409 is "another resource with the same identifier already exists": the name or the code may be the
 * one taken, so the message names both as sent, and the vendor's own words when it gave any.
 */
function conflictMessage(response: HttpResponse, { name, code }: TaleoParams): string {
	const taken = code === undefined ? `the name "${name}"` : `the name "${name}" or the code "${code}"`;
	const vendorWords = messageFrom(parsedBody(response.body));
	return `${DISPLAY_NAME} already has a group with ${taken}${vendorWords ? ` (${DISPLAY_NAME} said: ${vendorWords})` : ''}`;
}

export const taleoLearnApi: GroupApi<TaleoParams> = {
	vendor: 'taleoLearn',
	displayName: DISPLAY_NAME,
	// A repeated create is not known to be refused: its 409 is promised for the same identifier only, not the same name.
	repeatedCreateRefused: false,

	credentialType: () => CREDENTIAL_TYPE,

	connection: taleoConnection,

	derivedSecrets: taleoDerivedSecrets,

	readParams: readTaleoParams,

	/**
	 * Per learn center (groups live under one), case- and space-folded: the vendor's comparison is not
	 * documented, and folding only makes more items wait for each other, never fewer.
	 */
	nameKey: ({ learnCenterId, name }) => `${learnCenterId}/${foldName(name)}`,

	/**
	 * Ordering only: the code (Taleo keeps it unique, compared folded like names) and the name across
	 * learn centers, in case uniqueness reaches beyond one learn center. Items sharing either go in input order.
	 */
	uniqueKeys: ({ name, code }) => [`name:${foldName(name)}`, ...(code === undefined ? [] : [`code:${foldName(code)}`])],

	createRequest: (params, { baseUrl }) => ({
		method: 'POST',
		url: `${baseUrl}${learnCenterPath(params.learnCenterId)}/groups`,
		body: groupRequestBody(params),
		json: true,
	}),

	interpret(response, params): Interpretation {
		if (response.statusCode >= 200 && response.statusCode < 300) {
			const group = normalizeGroup(parsedBody(response.body));
			return group ? { kind: 'created', group } : unexpectedSuccessBody(response, DISPLAY_NAME);
		}
		if (response.statusCode === 409) return { kind: 'conflict', message: conflictMessage(response, params) };
		return commonFailure(response, DISPLAY_NAME, {
			unauthorizedHint: 'Taleo Learn takes the user name and password of an API user of the instance.',
			notFound: `there is no learn center with ID ${params.learnCenterId}, or this API user cannot see it`,
		});
	},

	extraRetryStatuses: TALEO_RETRY_STATUSES,

	findExisting: findGroupByName,
};
