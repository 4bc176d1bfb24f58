/** Each vendor's example workflow, run by `n8n execute`: every row on its expected branch. */
import { runVendorExample } from '../n8n/run-example';
import type { SuiteContext } from './suite-context';
import { VENDOR_CASES } from './vendors';

export function describeExampleRuns(context: SuiteContext): void {
	describe.each(VENDOR_CASES)('$displayName example run by `n8n execute`', (vendorCase) => {
		test('each row comes out on its expected branch, and the sandbox holds what was created', async () => {
			const { exitCode, finished, rows, outputTail } = await runVendorExample(context.instance(), vendorCase);
			// The run record says the execution finished without an error.
			expect(finished).toBe(true);
			// And n8n exited with 0. Once it was ended by a signal (exit code null) while shutting down after
			// printing a finished run, which says nothing about the run; any exit code other than 0 fails,
			// with the tail of what n8n printed.
			if (exitCode !== null) expect({ exitCode, output: exitCode === 0 ? '' : outputTail }).toEqual({ exitCode: 0, output: '' });
			// `says` (the outcome or the error message) is copied into the expectation: it never differs,
			// but a wrong branch is then shown next to what the item said.
			const routed = rows.map(({ row, branch, json }) => ({ row, branch, says: json.outcome ?? json.error }));
			expect(routed).toEqual(vendorCase.expected.map(({ branch }, row) => ({ row, branch, says: routed[row]?.says })));
			const createdIds = new Map<string, unknown>();
			for (const { row, branch, json } of rows) {
				const expected = vendorCase.expected[row];
				if (branch === 'created') {
					expect(json).toMatchObject({ outcome: 'created', name: expected.name, id: expect.any(String) });
					createdIds.set(expected.name, json.id);
				}
				if (branch === 'conflict') {
					expect(json).toMatchObject({ outcome: 'conflict', name: expected.name });
					// A conflict with a row created earlier in the same run points at that group.
					if (createdIds.has(expected.name)) expect(json.id).toBe(createdIds.get(expected.name));
				}
				if (branch === 'error') expect(json).toEqual(expect.objectContaining({ error: expect.any(String) }));
			}
			const inSandbox = vendorCase.groupNames(context.sandbox());
			for (const name of createdIds.keys()) expect(inSandbox.filter((held) => held === name)).toHaveLength(1);
		});
	});
}
