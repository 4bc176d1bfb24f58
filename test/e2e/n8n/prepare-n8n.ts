/**
 * A fresh n8n with the package installed like a community package, the sandbox credentials and every
 * example workflow imported: the starting point of the demo and of each real-n8n test suite.
 */
import type { Sandbox } from '../../sandbox/types';
import { allExampleFiles } from '../suites/examples';
import type { N8nInstall } from './install-n8n';
import { importCredentials, importWorkflows } from './n8n-cli';
import { createInstance, type InstanceOptions, type N8nInstance } from './n8n-instance';
import { installIntoUserFolder, type PackedPackage } from './pack';
import { sandboxCredentials } from '../suites/sandbox-credentials';
import { VENDOR_CASES } from '../suites/vendors';

export async function prepareN8n(
	install: N8nInstall,
	packed: PackedPackage,
	sandbox: Sandbox,
	log: (line: string) => void,
	options: InstanceOptions = {},
): Promise<N8nInstance> {
	const instance = await createInstance(install, options);
	installIntoUserFolder(packed, instance.userFolder);
	log(`Fresh n8n user folder ${instance.userFolder} with the package in .n8n/nodes.`);
	log('Importing the sandbox credentials and the example workflows with the n8n CLI ...');
	await importCredentials(instance, sandboxCredentials(VENDOR_CASES, sandbox.summary()));
	await importWorkflows(instance, allExampleFiles());
	return instance;
}
