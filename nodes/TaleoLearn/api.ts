/** Oracle Taleo Learn's group API as the shared engine sees it (docs/vendors/taleo-learn.md). */
import type { GroupApi } from '../shared/types';
import { interpret } from './answers';
import { connection, CREDENTIAL_TYPE, derivedSecrets, DISPLAY_NAME, TALEO_RETRY_STATUSES } from './connection';
import { findExisting, listGroups, type TaleoListQuery } from './lookup';
import { NAME_POLICY, nameKey, readListQuery, readParams, uniqueKeys, type TaleoParams } from './params';
import { createRequest } from './request';

export const taleoLearnApi: GroupApi<TaleoParams, TaleoListQuery> = {
	vendor: 'taleoLearn',
	displayName: DISPLAY_NAME,
	// A repeated create is not known to be refused: its 409 is promised for the same identifier only, not the same name.
	repeatedCreateRefused: false,
	credentialType: () => CREDENTIAL_TYPE,
	connection,
	derivedSecrets,
	readParams,
	nameKey,
	uniqueKeys,
	createRequest,
	interpret,
	extraRetryStatuses: TALEO_RETRY_STATUSES,
	findExisting,
	list: { readQuery: readListQuery, pages: listGroups, namePolicy: NAME_POLICY },
};
