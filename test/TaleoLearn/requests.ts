/** What the Taleo Learn tests pick out of the sandbox's request log, and the values they compare with. */
import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../sandbox/types';
import { TALEO_API_ROOT, TALEO_PASSWORD, TALEO_USERNAME } from '../sandbox/vendors/taleoLearn';

export const BASIC_AUTH = `Basic ${Buffer.from(`${TALEO_USERNAME}:${TALEO_PASSWORD}`).toString('base64')}`;
/** The learn center runs create groups in unless a row names another (`$json.learnCenter`). */
export const LEARN_CENTER = 178409;
export const OTHER_LEARN_CENTER = 178410;

const groupsPath = (learnCenterId: number) => `${TALEO_API_ROOT}/learnCenters/${learnCenterId}/groups`;

export const createRequests = (sandbox: Sandbox, learnCenterId = LEARN_CENTER): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === groupsPath(learnCenterId));

export const listRequests = (sandbox: Sandbox, learnCenterId = LEARN_CENTER): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'GET' && request.path === groupsPath(learnCenterId));

export const bodyOf = (request: RecordedRequest): IDataObject => JSON.parse(request.body) as IDataObject;
