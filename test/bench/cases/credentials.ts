/** The credentials the benchmark imports into n8n, pointing at the running sandbox. */
import type { CredentialImport } from '../../e2e/n8n/n8n-cli';
import type { Sandbox, VendorName } from '../../sandbox/types';
import { IC_DEFAULT_TOKEN } from '../../sandbox/vendors/invisibleCollector';
import { credentialWiring } from '../../support/vendors';
import type { CredentialRef } from './workflows';

interface BenchCredential {
	readonly ref: CredentialRef;
	readonly type: string;
	data(sandbox: Sandbox): CredentialImport['data'];
}

/** The vendor's (first) credential's fields, pointing at the sandbox's default account. */
const sandboxFields = (sandbox: Sandbox, vendor: VendorName): CredentialImport['data'] =>
	credentialWiring(vendor).data(sandbox.summary().vendors[vendor]) as CredentialImport['data'];

export const BENCH_CREDENTIALS = {
	invisibleCollector: {
		ref: { id: 'benchIcCred00001', name: 'Invisible Collector (bench sandbox)' },
		type: 'invisibleCollectorApi',
		data: (sandbox) => sandboxFields(sandbox, 'invisibleCollector'),
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
		data: (sandbox) => sandboxFields(sandbox, 'helloId'),
	},
} satisfies Record<string, BenchCredential>;

export function credentialImports(sandbox: Sandbox): CredentialImport[] {
	return Object.values(BENCH_CREDENTIALS).map((credential: BenchCredential) => ({
		...credential.ref,
		type: credential.type,
		data: credential.data(sandbox),
	}));
}
