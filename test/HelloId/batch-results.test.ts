/** Reading a 200 batch answer back onto its items: the free-text failures are matched by name. */
import { readBatchResults } from '../../nodes/HelloId/batch';
import type { HelloIdParams } from '../../nodes/HelloId/params';
import type { HttpResponse } from '../../nodes/shared/types';

const params = (...names: string[]): HelloIdParams[] =>
	names.map((name) => ({
		name,
		isEnabled: true,
		isDefault: false,
		isQrEnabled: false,
		userNames: [],
		userGuids: [],
		applicationNames: [],
		applicationGuids: [],
	}));

const answer = (body: unknown): HttpResponse => ({ statusCode: 200, headers: {}, body });
const group = (name: string, groupGuid = `guid-${name}`) => ({ name, groupGuid, isEnabled: true });

it('reads the vendor page sample (docs/vendors/helloid.md): one created, one conflict', () => {
	const results = readBatchResults(
		answer({
			succeededGroups: [group('TestgroupBatch1', '80638b8a-6c4b-4d56-9c6c-83b25ce0a8d0')],
			failedGroups: ['Group TestApi was not created, A group with this name already exists.'],
		}),
		params('TestApi', 'TestgroupBatch1'),
	);

	expect(results).toEqual([
		{ kind: 'conflict', message: 'A group with this name already exists.', existingId: null },
		{
			kind: 'created',
			group: {
				id: '80638b8a-6c4b-4d56-9c6c-83b25ce0a8d0',
				name: 'TestgroupBatch1',
				group: group('TestgroupBatch1', '80638b8a-6c4b-4d56-9c6c-83b25ce0a8d0'),
			},
		},
	]);
});

it('gives a failure to the longest name it starts with, whatever characters the names hold', () => {
	const names = ['Sales', 'Sales EU', 'R&D (EU) [1]+?', 'was'];
	const results = readBatchResults(
		answer({
			succeededGroups: [],
			failedGroups: [
				'Group Sales EU was not created, A group with this name already exists.',
				'Group R&D (EU) [1]+? was not created, Name contains invalid characters.',
				'Group was was not created, A group with this name already exists.',
				'Group Sales was not created, Quota exceeded.',
			],
		}),
		params(...names),
	);

	expect(results.map((result) => result.kind)).toEqual(['error', 'conflict', 'error', 'conflict']);
	expect(results[0]).toMatchObject({ message: 'HelloID did not create the group: Quota exceeded.' });
	expect(results[2]).toMatchObject({
		message: 'HelloID did not create the group: Name contains invalid characters.',
		description: 'HelloID said: Group R&D (EU) [1]+? was not created, Name contains invalid characters.',
	});
});

it('matches names case-insensitively and reads PascalCase answers and answers sent as text', () => {
	const body = JSON.stringify({
		SucceededGroups: [{ Name: 'OPS', GroupGuid: 'g-ops' }],
		FailedGroups: ['group dev WAS NOT CREATED, a group with this name already exists'],
	});
	const results = readBatchResults(answer(body), params('Ops', 'Dev'));

	expect(results).toEqual([
		{ kind: 'created', group: { id: 'g-ops', name: 'OPS', group: { Name: 'OPS', GroupGuid: 'g-ops' } } },
		{ kind: 'conflict', message: 'a group with this name already exists', existingId: null },
	]);
});

it('falls back to a failure that names the group in other words', () => {
	const results = readBatchResults(
		answer({ succeededGroups: [], failedGroups: ["Could not create 'Ops': quota exceeded"] }),
		params('Ops', 'Op'),
	);

	expect(results[0]).toMatchObject({ kind: 'error', message: "HelloID did not create the group: Could not create 'Ops': quota exceeded" });
	expect(results[1]).toMatchObject({ kind: 'error', message: "HelloID's batch answer did not mention this group" });
});

it('fails an item the answer does not mention, and lists what it could not place', () => {
	const results = readBatchResults(
		answer({ succeededGroups: [group('Someone else')], failedGroups: ['Internal error.'] }),
		params('Mine'),
	);

	expect(results).toEqual([
		{
			kind: 'error',
			message: "HelloID's batch answer did not mention this group",
			description:
				'The group may or may not have been created; check in HelloID before sending it again. Parts of the answer that matched no item: "created Someone else"; "Internal error.".',
		},
	]);
});

it('reports a created group without a GUID as an error that says it probably exists', () => {
	const [result] = readBatchResults(answer({ succeededGroups: [{ name: 'A' }], failedGroups: [] }), params('A'));

	expect(result).toMatchObject({ kind: 'error', message: 'HelloID reported the group as created, but without its groupGuid' });
});

it('fails every item when a 200 answer is not the documented shape', () => {
	const results = readBatchResults(answer('<html><body>maintenance</body></html>'), params('A', 'B'));

	expect(results).toHaveLength(2);
	expect(results.every((result) => result.kind === 'error' && /HTTP 200 with an HTML page/.test(result.message))).toBe(true);
});
