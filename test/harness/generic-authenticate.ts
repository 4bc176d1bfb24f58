/**
 * Applies an object-form `authenticate` (`{ type: 'generic', properties: { headers, qs, body, auth } }`)
 * to a request the way n8n's CLI CredentialsHelper does: every key and value of each section is
 * resolved as an expression against `$credentials`, then written into that section of the request
 * (created when missing), so `auth` becomes `requestOptions.auth = { username, password }`.
 */
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INode,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { UnexpectedError, isExpression } from 'n8n-workflow';

const SECTIONS = new Set(['headers', 'qs', 'body', 'auth']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** n8n resolves each value with mode `internal` and `$credentials` as an extra key; empty → ''. */
function resolveValue(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: Workflow,
	node: INode,
): string {
	if (!isExpression(value)) return String(value);
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
	return resolved ? resolved.toString() : '';
}

export function applyGenericAuthentication(
	authenticate: IAuthenticateGeneric,
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	workflow: Workflow,
	node: INode,
): void {
	// As n8n does: headers always exist after authentication, whatever the sections.
	requestOptions.headers ??= {};
	for (const [section, entries] of Object.entries(authenticate.properties)) {
		if (!SECTIONS.has(section) || !isPlainObject(entries)) {
			throw new UnexpectedError(`The harness applies only headers, qs, body and auth, not "${section}"`);
		}
		const current: unknown = Reflect.get(requestOptions, section);
		if (current !== undefined && !isPlainObject(current)) {
			throw new UnexpectedError(`Cannot add credential fields to a non-object request ${section}`);
		}
		const target = current ?? {};
		for (const [key, value] of Object.entries(entries)) {
			target[resolveValue(key, credentials, workflow, node)] = resolveValue(value, credentials, workflow, node);
		}
		Object.assign(requestOptions, { [section]: target });
	}
}
