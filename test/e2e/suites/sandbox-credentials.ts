/** The credentials to import into n8n so every vendor case talks to the running sandbox. */
import type { SandboxSummary } from '../../sandbox/types';
import type { CredentialImport } from '../n8n/n8n-cli';
import type { VendorCase } from './vendors';

export function sandboxCredentials(cases: readonly VendorCase[], summary: SandboxSummary): CredentialImport[] {
	return cases.flatMap((vendorCase) =>
		vendorCase.credentials.map((credential) => ({
			id: credential.id,
			name: credential.name,
			type: credential.type,
			data: credential.data(summary.vendors[vendorCase.vendor]),
		})),
	);
}
