/** The credentials the benchmark imports into n8n, pointing at the running sandbox. */
import type { CredentialImport } from '../../e2e/n8n/n8n-cli';
import type { Sandbox, VendorName } from '../../sandbox/types';
import { IC_DEFAULT_TOKEN } from '../../sandbox/vendors/invisibleCollector';
import { credentialWiring } from '../../support/vendors';
import type { CredentialRef } from './workflows';

/** Where the credentials point: the sandbox, and the sandbox over HTTPS behind the delaying proxy. */
export interface Endpoints {
	readonly sandbox: Sandbox;
	/** The real-network case's base URL for a vendor (network/start-network.ts). */
	readonly slowBaseUrl: (vendor: VendorName) => string;
}

interface BenchCredential {
	readonly ref: CredentialRef;
	readonly type: string;
	data(endpoints: Endpoints): CredentialImport['data'];
}

/** The vendor's (first) credential's fields, pointing at the sandbox's default account. */
const sandboxFields = (sandbox: Sandbox, vendor: VendorName): CredentialImport['data'] =>
	credentialWiring(vendor).data(sandbox.summary().vendors[vendor]) as CredentialImport['data'];

export const BENCH_CREDENTIALS = {
	invisibleCollector: {
		ref: { id: 'benchIcCred00001', name: 'Invisible Collector (bench sandbox)' },
		type: 'invisibleCollectorApi',
		data: ({ sandbox }) => sandboxFields(sandbox, 'invisibleCollector'),
	},
	/** The same account over HTTPS with the added round trip (the real-network case). */
	invisibleCollectorSlow: {
		ref: { id: 'benchIcSlowCred1', name: 'Invisible Collector (bench sandbox, HTTPS + delay)' },
		type: 'invisibleCollectorApi',
		data: ({ sandbox, slowBaseUrl }) => ({ ...sandboxFields(sandbox, 'invisibleCollector'), baseUrl: slowBaseUrl('invisibleCollector') }),
	},
	/** What a user of the HTTP Request node picks: n8n's generic Bearer Auth, the same token. */
	bearer: {
		ref: { id: 'benchBearerCred1', name: 'Bearer (bench sandbox)' },
		type: 'httpBearerAuth',
		data: () => ({ token: IC_DEFAULT_TOKEN }),
	},
	helloId: {
		ref: { id: 'benchHelloIdCred', name: 'HelloID (bench sandbox)' },
		type: 'helloIdApi',
		data: ({ sandbox }) => sandboxFields(sandbox, 'helloId'),
	},
} satisfies Record<string, BenchCredential>;

export function credentialImports(endpoints: Endpoints): CredentialImport[] {
	return Object.values(BENCH_CREDENTIALS).map((credential: BenchCredential) => ({
		...credential.ref,
		type: credential.type,
		data: credential.data(endpoints),
	}));
}
