/** What the Capillary tests pick out of the sandbox's request log. */
import type { RecordedRequest, Sandbox } from '../sandbox/types';
import { CAP_TOKEN_PATH } from '../sandbox/vendors/capillary';
import { VENDORS } from '../support/vendors';

export const createRequests = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter(VENDORS.capillary.isCreate);

export const listRequests = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter(VENDORS.capillary.isList);

export const tokenRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.path === CAP_TOKEN_PATH);

export const bodyOf = (request: RecordedRequest): unknown => JSON.parse(request.body);
