/** What the HelloID tests pick out of the sandbox's request log, and the header every request must carry. */
import type { RecordedRequest, Sandbox } from '../sandbox/types';
import { HELLOID_API_KEY, HELLOID_API_SECRET } from '../sandbox/vendors/helloId';
import { VENDORS } from '../support/vendors';

export const BASIC_AUTH = `Basic ${Buffer.from(`${HELLOID_API_KEY}:${HELLOID_API_SECRET}`).toString('base64')}`;

export const batchRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/groups/batch');

export const singleRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/groups');

export const listRequests = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter(VENDORS.helloId.isList);

/** The names each batch request carried, in request order. */
export const batchNames = (request: RecordedRequest): string[] =>
	(JSON.parse(request.body) as Array<{ Name: string }>).map((group) => group.Name);
