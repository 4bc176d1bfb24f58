/**
 * The read operations' item loop (`nodes/shared/list.ts`) where it does not depend on the vendor:
 * a credential that cannot be used fails every item before anything is sent; what the vendor lists is
 * scrubbed of the credential's secrets; each item fails or succeeds on its own under "Continue".
 */
import { REDACTED } from '../../nodes/shared/redact';
import { IC_DEFAULT_TOKEN } from '../sandbox/vendors/invisibleCollector';
import { jsonOf, pairedRows, rows } from '../support/items';
import { runNode } from '../support/run';
import { useSandbox } from '../support/use-sandbox';

const sandbox = useSandbox();

it('fails every item, sending nothing, when the credential points where the node may not send', async () => {
	const result = await runNode(sandbox, 'invisibleCollector', {
		items: rows('a', 'b'),
		parameters: { operation: 'getAll', returnAll: true },
		credential: { baseUrl: 'ftp://example.com' },
		onError: 'continueRegularOutput',
	});
	expect(result.outputs).toHaveLength(1);
	expect(jsonOf(result.outputs[0])).toEqual([
		expect.objectContaining({ error: expect.stringContaining('Base URL'), details: expect.objectContaining({ attempts: 0 }) }),
		expect.objectContaining({ error: expect.stringContaining('Base URL') }),
	]);
	expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
	expect(sandbox.requests).toHaveLength(0);
});

it("scrubs the credential's token from the groups it lists", async () => {
	sandbox.vendors.invisibleCollector.addGroup(`leak ${IC_DEFAULT_TOKEN}`);
	const result = await runNode(sandbox, 'invisibleCollector', { items: rows('x'), parameters: { operation: 'getAll', returnAll: true } });
	const [listed] = jsonOf(result.outputs[0]);
	expect(listed.name).toBe(`leak ${REDACTED}`);
	expect(JSON.stringify(result.outputs)).not.toContain(IC_DEFAULT_TOKEN);
});

it('refuses a Limit below 1 for that item only, listing for the others', async () => {
	sandbox.vendors.invisibleCollector.addGroup('Sales');
	const result = await runNode(sandbox, 'invisibleCollector', {
		items: [{ limit: 0 }, { limit: 1 }],
		parameters: { operation: 'getAll', returnAll: false, limit: '={{ $json.limit }}' },
		onError: 'continueRegularOutput',
	});
	expect(jsonOf(result.outputs[0])).toEqual([
		expect.objectContaining({ error: expect.stringContaining('Limit'), details: expect.objectContaining({ field: 'Limit' }) }),
		expect.objectContaining({ name: 'Sales' }),
	]);
	expect(pairedRows(result.outputs[0])).toEqual([0, 1]);
});
