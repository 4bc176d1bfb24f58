/** What the SCIM tests pick out of the sandbox's request log. */
import type { RecordedRequest, Sandbox } from '../sandbox/types';
import { VENDORS } from '../support/vendors';

export const posts = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter(VENDORS.scim.isCreate);
export const lists = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter(VENDORS.scim.isList);
