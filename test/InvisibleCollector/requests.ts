/** What the Invisible Collector tests pick out of the sandbox's request log and the outputs. */
import type { INodeExecutionData } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../sandbox/types';
import { VENDORS } from '../support/vendors';

export const posts = (sandbox: Sandbox): RecordedRequest[] => sandbox.requests.filter(VENDORS.invisibleCollector.isCreate);

export const pairedOf = (items: INodeExecutionData[] | undefined): unknown[] => (items ?? []).map((item) => item.pairedItem);
