/**
 * The Test button of every credential type that has one, through n8n's REST endpoint with an owner
 * session: it must pass against the sandbox, and fail with a wrong secret without echoing it.
 */
import { testCredential } from './credential-test';
import type { RestSession } from '../n8n/rest-session';
import type { SuiteContext } from './suite-context';
import { VENDOR_CASES } from './vendors';

const TESTABLE = VENDOR_CASES.flatMap((vendorCase) =>
	vendorCase.credentials.flatMap(({ type, id, secretField, cachedFields = [] }) =>
		secretField === null ? [] : [{ type, id, secretField, cachedFields, vendor: vendorCase.vendor }],
	),
);

export function describeCredentialTests(context: SuiteContext, session: () => RestSession): void {
	describe.each(TESTABLE)("credential $type: n8n's Test button", (credential) => {
		const requestsToVendor = () => context.sandbox().requests.filter((request) => request.vendor === credential.vendor);

		test('succeeds with the stored credential', async () => {
			context.sandbox().resetStats();
			const result = await testCredential(session(), credential.id);
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(requestsToVendor().length).toBeGreaterThan(0);
		});

		test('fails cleanly with a wrong secret, without echoing it', async () => {
			const wrong = `wrong-${credential.secretField}-e2e`;
			const emptied = Object.fromEntries(credential.cachedFields.map((field) => [field, '']));
			context.sandbox().resetStats();
			const result = await testCredential(session(), credential.id, { ...emptied, [credential.secretField]: wrong });
			expect(result.status).toBe('Error');
			expect(result.message.length).toBeGreaterThan(0);
			expect(result.message).not.toContain(wrong);
			const answered = requestsToVendor();
			expect(answered.length).toBeGreaterThan(0);
			expect(answered.every((request) => request.status !== null && request.status >= 400)).toBe(true);
		});
	});
}
