/**
 * A vendor answer nested deeper than the scrubber walks never leaves the node unscrubbed: with
 * *Include Raw Response* on, the too-deep part is replaced by a marker, and the secret is gone.
 */
import type { IDataObject } from 'n8n-workflow';

import { useSandbox } from '../support/use-sandbox';
import { everythingOf, rows } from '../support/items';
import { landings, uniqueName } from './outcomes';
import { IC_HARDENING_TOKEN, INVISIBLE_COLLECTOR, runCase } from './vendors';

const sandbox = useSandbox();

it('replaces a conflict body nested 40 levels deep by a marker in the raw response, and the echoed token with it', async () => {
	let deep: IDataObject = { echoed: `Bearer ${IC_HARDENING_TOKEN}`, url: `https://x.test/?t=${encodeURIComponent(IC_HARDENING_TOKEN)}` };
	for (let level = 0; level < 40; level++) deep = { level, next: deep };
	sandbox.inject({
		vendor: 'invisibleCollector',
		method: 'POST',
		path: '/groups',
		fault: { type: 'status', status: 409, body: { code: 409, message: 'Group already registered', gid: 'g-1', deep } },
	});
	const result = await runCase(sandbox, INVISIBLE_COLLECTOR, {
		items: rows(uniqueName('deep')),
		options: { includeRawResponse: true, lookUpExisting: false },
		onError: 'continueErrorOutput',
	});
	const [landing] = landings(result, 1);
	expect(landing.place).toBe('conflict');
	expect(JSON.stringify(landing.json.rawResponse)).toContain('[too deep]');
	expect(everythingOf(result)).not.toContain(IC_HARDENING_TOKEN);
});
