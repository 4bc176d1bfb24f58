/**
 * A throwaway certificate authority for the real-network case, made with the `openssl` CLI at bench
 * start: a CA, and a server certificate it signs for 127.0.0.1 and localhost (ECDSA P-256, as most
 * sites now serve). n8n trusts the CA through
 * `NODE_EXTRA_CA_CERTS`; the undici floor is handed it directly. Nothing outside the scratch folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runCommand } from '../../e2e/n8n/run-command';

export interface Certificates {
	/** PEM file of the CA (for NODE_EXTRA_CA_CERTS). */
	readonly caFile: string;
	readonly ca: string;
	/** PEM files of the server's key and certificate (for the TLS terminator). */
	readonly keyFile: string;
	readonly certFile: string;
}

const openssl = async (what: string, args: readonly string[], cwd: string) => {
	await runCommand(`openssl ${what}`, 'openssl', args, { cwd, timeoutMs: 60_000 });
};

export async function makeCertificates(dir: string): Promise<Certificates> {
	const file = (name: string) => join(dir, name);
	await openssl('CA', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=n8n bench throwaway CA'], dir);
	await openssl('server key', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=127.0.0.1'], dir);
	writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
	await openssl('server certificate', ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.pem'), '-days', '2', '-extfile', file('server.ext')], dir);
	return {
		caFile: file('ca.pem'),
		ca: readFileSync(file('ca.pem'), 'utf8'),
		keyFile: file('server.key'),
		certFile: file('server.pem'),
	};
}
