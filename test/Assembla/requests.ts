/** What the Assembla tests pick out of the sandbox's request log. */
import type { RecordedRequest, Sandbox } from '../sandbox/types';
import { VENDORS } from '../support/vendors';

export const createRequests = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter(VENDORS.assembla.isCreate);

export const listRequests = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter(VENDORS.assembla.isList);

export const tokenRequests = (sandbox: Sandbox): RecordedRequest[] =>
	sandbox.requests.filter((request) => request.path === '/token');
