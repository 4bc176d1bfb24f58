/**
 * The Test button of n8n's credential dialog, through the same REST calls the editor makes: load the
 * credential (secrets come back redacted), optionally change fields, `POST /rest/credentials/test`.
 * n8n swaps redacted values back for the stored ones before it runs the credential type's `test` request.
 */
import type { RestSession } from '../n8n/rest-session';

export interface StoredCredential {
	readonly id: string;
	readonly name: string;
	readonly type: string;
	readonly data: Readonly<Record<string, unknown>>;
}

export interface CredentialTestResult {
	/** 'OK' or 'Error'. */
	readonly status: string;
	readonly message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The credential as the editor loads it for editing. */
export async function loadCredential(session: RestSession, id: string): Promise<StoredCredential> {
	const answer = await session.request('GET', `/rest/credentials/${encodeURIComponent(id)}?includeData=true`);
	if (!isRecord(answer) || typeof answer.type !== 'string' || !isRecord(answer.data)) {
		throw new Error(`unexpected credential answer: ${JSON.stringify(answer)}`);
	}
	return { id, name: String(answer.name), type: answer.type, data: answer.data };
}

/** Runs the credential type's test; `changes` are what a user typed into the dialog before clicking Test. */
export async function testCredential(
	session: RestSession,
	id: string,
	changes: Readonly<Record<string, string>> = {},
): Promise<CredentialTestResult> {
	const stored = await loadCredential(session, id);
	const credentials = { id, name: stored.name, type: stored.type, data: { ...stored.data, ...changes } };
	const answer = await session.request('POST', '/rest/credentials/test', { credentials });
	if (!isRecord(answer) || typeof answer.status !== 'string') throw new Error(`unexpected test answer: ${JSON.stringify(answer)}`);
	return { status: answer.status, message: typeof answer.message === 'string' ? answer.message : '' };
}
