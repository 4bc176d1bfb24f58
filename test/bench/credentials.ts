/** The credentials the benchmark imports into n8n, pointing at the running sandbox. */
import type { CredentialImport } from '../e2e/n8n-cli';
import type { Sandbox } from '../sandbox/types';
import { IC_DEFAULT_TOKEN } from '../sandbox/vendors/invisibleCollector';
import { HELLOID_API_KEY, HELLOID_API_SECRET, HELLOID_COMPANY } from '../sandbox/vendors/helloId';
import type { CredentialRef } from './workflows';

interface BenchCredential {
	readonly ref: CredentialRef;
	readonly type: string;
	data(sandbox: Sandbox): CredentialImport['data'];
}

export const BENCH_CREDENTIALS = {
	invisibleCollector: {
		ref: { id: 'benchIcCred00001', name: 'Invisible Collector (bench sandbox)' },
		type: 'invisibleCollectorApi',
		data: (sandbox) => ({ apiToken: IC_DEFAULT_TOKEN, baseUrl: sandbox.baseUrl('invisibleCollector') }),
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
		data: (sandbox) => ({
			companyName: HELLOID_COMPANY,
			apiKey: HELLOID_API_KEY,
			apiSecret: HELLOID_API_SECRET,
			baseUrl: sandbox.baseUrl('helloId'),
		}),
	},
} satisfies Record<string, BenchCredential>;

export function credentialImports(sandbox: Sandbox): CredentialImport[] {
	return Object.values(BENCH_CREDENTIALS).map((credential: BenchCredential) => ({
		...credential.ref,
		type: credential.type,
		data: credential.data(sandbox),
	}));
}
