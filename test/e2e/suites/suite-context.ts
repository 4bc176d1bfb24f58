/** What the parts of the real-n8n suite share: the flavor under test, its sandbox and n8n instance. */
import type { Sandbox, VendorName } from '../../sandbox/types';
import type { N8nFlavor } from '../n8n/flavors';
import type { N8nInstance } from '../n8n/n8n-instance';
import { VENDOR_CASES, type VendorCase } from './vendors';
import { WEBHOOK_EXAMPLE } from '../n8n/webhook';

export interface SuiteContext {
	readonly flavor: N8nFlavor;
	readonly log: (line: string) => void;
	/** Available once the suite's beforeAll has run. */
	sandbox(): Sandbox;
	instance(): N8nInstance;
}

/** Statuses the sandbox answered for one vendor since the last resetStats, in order. */
export function vendorStatuses(sandbox: Sandbox, vendor: VendorName): (number | null)[] {
	return sandbox.requests.filter((request) => request.vendor === vendor).map((request) => request.status);
}

/** The vendor case of the vendor the webhook example creates groups in. */
export function webhookVendorCase(): VendorCase {
	const found = VENDOR_CASES.find((vendorCase) => vendorCase.vendor === WEBHOOK_EXAMPLE.vendor);
	if (found === undefined) throw new Error(`no vendor case for the webhook example's vendor ${WEBHOOK_EXAMPLE.vendor}`);
	return found;
}

export function namesOf(items: readonly { readonly name?: unknown }[]): string[] {
	return items.map((item) => item.name).filter((name): name is string => typeof name === 'string');
}
