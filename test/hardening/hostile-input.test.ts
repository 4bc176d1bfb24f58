/**
 * Property-based: any value in any field the user maps. Whatever comes in, the run finishes, every
 * item ends in exactly one place, a value the field's rule refuses is refused before any request with
 * an error naming the item and the field, and every value it takes is sent once.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { OnErrorSetting } from '../harness';
import { useSandbox } from '../support/use-sandbox';
import { HOSTILE_CASES } from './hostile-fields';
import type { HostileField } from './hostile-fields';
import { landings } from './outcomes';
import { runCase } from './vendors';
import type { VendorCase } from './vendors';

/** Each run goes through n8n's engine and the sandbox: enough to meet every kind of value, still fast. */
const RUNS_PER_FIELD = 25;

const sandbox = useSandbox();

async function checkRun(vendorCase: VendorCase, field: HostileField, values: unknown[], onError: OnErrorSetting) {
	sandbox.reset();
	// Whatever an expression can produce goes into the rows, objects and lists of junk included.
	const items = values.map((value, row) => ({ name: `hostile-${row}`, row, [field.key]: value }) as IDataObject);
	const result = await runCase(sandbox, vendorCase, { items, parameters: field.parameters, onError });
	const validity = values.map((value) => field.valid(value));
	const sent = vendorCase.sentEntries(sandbox);

	if (onError === 'stopWorkflow') {
		const firstInvalid = validity.indexOf(false);
		if (firstInvalid === -1) return; // a vendor error may stop the run; that is not this suite's subject
		expect(result.error?.message).toContain(`[item ${firstInvalid}]`);
		expect(result.error?.message).toContain(`"${field.field}"`);
		expect(result.outputs).toEqual([]);
		expect(sent).toBe(0);
		return;
	}

	expect(result.error).toBeUndefined();
	const found = landings(result, values.length);
	found.forEach((landing, index) => {
		const details = landing.json.details as IDataObject | undefined;
		if (validity[index]) {
			// Taken: whatever the vendor made of it, it was not refused as input.
			expect(details?.field).toBeUndefined();
		} else {
			expect(landing.place).toBe('error');
			expect(details?.field).toBe(field.field);
			expect(details?.attempts).toBe(0);
			expect(String(landing.json.error)).toContain(`"${field.field}"`);
		}
	});
	// A row whose name an earlier row of the run created, at a vendor that may take one name twice
	// (Taleo Learn), is that group's conflict without being sent (attempts: 0).
	const notSent = found.filter((landing) => landing.place === 'conflict' && landing.json.attempts === 0).length;
	expect(sent).toBe(validity.filter(Boolean).length - notSent);
}

describe.each(HOSTILE_CASES.map(({ vendorCase, fields }) => [vendorCase.label, vendorCase, fields] as const))(
	'%s',
	(_label, vendorCase, fields) => {
		it.each(fields.map((field) => [field.field, field] as const))('refuses or sends any value of "%s"', async (_name, field) => {
			await fc.assert(
				fc.asyncProperty(
					fc.array(field.values, { minLength: 1, maxLength: 4 }),
					fc.constantFrom<OnErrorSetting>('continueErrorOutput', 'continueRegularOutput', 'stopWorkflow'),
					async (values, onError) => await checkRun(vendorCase, field, values, onError),
				),
				{ numRuns: RUNS_PER_FIELD },
			);
		});
	},
);
