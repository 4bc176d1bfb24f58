/** SCIM 2.0 through n8n's real engine against a scimmy-based service: create, conflicts, members, externalId, errors. */
import { SCIM_DEFAULT_PASSWORD, SCIM_DEFAULT_TOKEN, SCIM_DEFAULT_USER } from '../sandbox/vendors/scim';
import { jsonOf, pairedRows, rows } from '../support/items';
import { runNode } from '../support/run';
import { useSandbox } from '../support/use-sandbox';
import { lists, posts } from './requests';

const sandbox = useSandbox();
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

describe('SCIM 2.0: create', () => {
	it('POSTs the core Group schema with displayName and routes the 201 resource to Created with its id', async () => {
		const result = await runNode(sandbox, 'scim', { items: rows('  Sales  ', 'Finance') });

		expect(result.error).toBeUndefined();
		const [created, conflicts] = result.outputs;
		expect(conflicts).toHaveLength(0);
		const stored = sandbox.vendors.scim.groups();
		expect(stored.map((group) => group.displayName)).toEqual(['Sales', 'Finance']);
		expect(jsonOf(created).map((json) => [json.name, json.id])).toEqual(stored.map((group) => [group.displayName, group.id]));
		expect(jsonOf(created)[0]).toMatchObject({ vendor: 'scim', outcome: 'created', attempts: 1 });
		expect(pairedRows(created)).toEqual([0, 1]);
		const [first] = posts(sandbox);
		expect(first.headers.authorization).toBe(`Bearer ${SCIM_DEFAULT_TOKEN}`);
		expect(JSON.parse(first.body)).toEqual({ schemas: [GROUP_SCHEMA], displayName: 'Sales' });
	});

	it('sends members as { value } and the externalId, and scimmy stores them', async () => {
		const result = await runNode(sandbox, 'scim', {
			items: rows('Ops'),
			parameters: { additionalFields: { externalId: 'hr-42', members: 'user-1, user-2' } },
		});

		expect(jsonOf(result.outputs[0])).toHaveLength(1);
		expect(JSON.parse(posts(sandbox)[0].body)).toEqual({
			schemas: [GROUP_SCHEMA],
			displayName: 'Ops',
			externalId: 'hr-42',
			members: [{ value: 'user-1' }, { value: 'user-2' }],
		});
		expect(sandbox.vendors.scim.groups()[0]).toMatchObject({
			externalId: 'hr-42',
			members: [{ value: 'user-1' }, { value: 'user-2' }],
		});
	});

	it('authenticates with Basic when the credential says so', async () => {
		const result = await runNode(sandbox, 'scim', {
			items: rows('Basic'),
			credential: { authentication: 'basic', token: '', username: SCIM_DEFAULT_USER, password: SCIM_DEFAULT_PASSWORD },
		});

		expect(jsonOf(result.outputs[0])).toHaveLength(1);
		const basic = Buffer.from(`${SCIM_DEFAULT_USER}:${SCIM_DEFAULT_PASSWORD}`).toString('base64');
		expect(posts(sandbox)[0].headers.authorization).toBe(`Basic ${basic}`);
	});
});

describe('SCIM 2.0: conflicts', () => {
	it('a 409 uniqueness is a Conflict whose id comes from the displayName filter lookup', async () => {
		const existing = sandbox.vendors.scim.addGroup('Engineering');

		const result = await runNode(sandbox, 'scim', { items: rows('Engineering') });

		const [created, conflicts] = result.outputs;
		expect(created).toHaveLength(0);
		expect(jsonOf(conflicts)[0]).toMatchObject({ outcome: 'conflict', name: 'Engineering', id: existing.id, httpCode: 409 });
		expect(jsonOf(conflicts)[0].message).toContain('already exists');
		const [lookup] = lists(sandbox);
		expect(lookup.query).toMatchObject({ filter: 'displayName eq "Engineering"', startIndex: '1' });
		expect(sandbox.vendors.scim.countGroups('Engineering')).toBe(1);
	});

	it('with an externalId, the lookup asks for the externalId first', async () => {
		const existing = sandbox.vendors.scim.addGroup('Legal', 'ext-7');

		const result = await runNode(sandbox, 'scim', { items: rows('Legal'), parameters: { additionalFields: { externalId: 'ext-7' } } });

		expect(jsonOf(result.outputs[1])[0]).toMatchObject({ id: existing.id });
		expect(lists(sandbox)[0].query.filter).toBe('externalId eq "ext-7"');
	});

	it('falls back to the name when no group holds the externalId', async () => {
		const existing = sandbox.vendors.scim.addGroup('Legal', 'someone-else');

		const result = await runNode(sandbox, 'scim', { items: rows('Legal'), parameters: { additionalFields: { externalId: 'ext-8' } } });

		expect(jsonOf(result.outputs[1])[0]).toMatchObject({ id: existing.id });
		expect(lists(sandbox).map((request) => request.query.filter)).toEqual(['externalId eq "ext-8"', 'displayName eq "Legal"']);
	});

	// Each of these would break or widen an unescaped filter: end the string early, add an `or … pr` clause.
	it.each([
		'Say "hi"',
		'back\\slash',
		'trailing\\',
		'x" or displayName pr or displayName eq "y',
		'Ärzte und Ärztinnen — 営業',
		'"',
		'\\"',
	])('finds the existing group for the name %j, and only it', async (name) => {
		sandbox.vendors.scim.addGroup('decoy one');
		sandbox.vendors.scim.addGroup('y');
		const existing = sandbox.vendors.scim.addGroup(name);

		const result = await runNode(sandbox, 'scim', { items: rows(name) });

		expect(result.error).toBeUndefined();
		expect(jsonOf(result.outputs[1])[0]).toMatchObject({ name, id: existing.id });
		// The filter holds the name as a JSON string: `"` and `\\` escaped, nothing else added.
		expect(lists(sandbox)[0].query.filter).toBe(`displayName eq ${JSON.stringify(name)}`);
		expect(sandbox.vendors.scim.countGroups(name)).toBe(1);
	});

	it('pages through 250 groups, startIndex 1, 101, 201, when the filter cannot find the name', async () => {
		// scimmy refuses the escaped quote (400 invalidFilter): the lookup reads the whole list instead.
		const ids = Array.from({ length: 250 }, (_, index) => sandbox.vendors.scim.addGroup(`team "${index}"`).id);

		const result = await runNode(sandbox, 'scim', { items: rows('team "249"') });

		expect(jsonOf(result.outputs[1])[0]).toMatchObject({ id: ids[249] });
		const [filtered, ...pages] = lists(sandbox);
		expect(filtered.status).toBe(400);
		expect(pages.map((request) => [request.query.startIndex, request.query.count, request.query.filter])).toEqual([
			['1', '100', undefined],
			['101', '100', undefined],
			['201', '100', undefined],
		]);
	});

	it('when names may repeat at the service, a second create makes a second group (no conflict invented)', async () => {
		sandbox.configure('scim', { uniqueNames: false });
		sandbox.vendors.scim.addGroup('Twice');

		const result = await runNode(sandbox, 'scim', { items: rows('Twice') });

		expect(jsonOf(result.outputs[0])).toHaveLength(1);
		expect(sandbox.vendors.scim.countGroups('Twice')).toBe(2);
	});
});

describe('SCIM 2.0: errors', () => {
	it('a 401 fails the item with the credential hint and no secret', async () => {
		const result = await runNode(sandbox, 'scim', {
			items: rows('a'),
			credential: { token: 'wrong-token' },
			onError: 'continueErrorOutput',
		});

		expect(sandbox.vendors.scim.groups()).toHaveLength(0);
		const [failed] = jsonOf(result.outputs[2]);
		expect(failed.error).toBe('SCIM 2.0 rejected the credential (HTTP 401): check the credential');
		expect(JSON.stringify(result.outputs)).not.toContain('wrong-token');
	});

	it('a SCIM error body fails the item with its detail and scimType', async () => {
		// scimmy's own answer to a Group without displayName (RFC 7643 §4.2: required)
		sandbox.inject({
			method: 'POST',
			path: '/Groups',
			fault: {
				type: 'status',
				status: 400,
				headers: { 'content-type': 'application/scim+json' },
				body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidValue', detail: 'Bad members' },
			},
		});

		const result = await runNode(sandbox, 'scim', { items: rows('a'), onError: 'continueErrorOutput' });

		const [failed] = jsonOf(result.outputs[2]);
		expect(failed.error).toBe('SCIM 2.0 rejected the request as invalid (HTTP 400): Bad members [scimType: invalidValue]');
	});

	it('a 409 with another scimType is an error, not a conflict', async () => {
		sandbox.inject({
			method: 'POST',
			path: '/Groups',
			fault: { type: 'status', status: 409, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '409', scimType: 'mutability', detail: 'no' } },
		});

		const result = await runNode(sandbox, 'scim', { items: rows('a'), onError: 'continueErrorOutput' });

		expect(result.outputs[1]).toHaveLength(0);
		expect(jsonOf(result.outputs[2])[0].error).toContain('[scimType: mutability]');
	});

	it('a 429 with Retry-After is waited out and the group is created once', async () => {
		sandbox.inject({ method: 'POST', path: '/Groups', fault: { type: 'status', status: 429, headers: { 'retry-after': '1' } } });

		const started = Date.now();
		const result = await runNode(sandbox, 'scim', { items: rows('Patient') });

		expect(jsonOf(result.outputs[0])[0]).toMatchObject({ name: 'Patient', attempts: 2 });
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(posts(sandbox)).toHaveLength(2);
		expect(sandbox.vendors.scim.countGroups('Patient')).toBe(1);
	});

	it('where names may repeat, a lost create is looked up before it goes again, even with Look Up Existing Group off', async () => {
		// RFC 7643 gives displayName uniqueness "none": a re-sent create could make a second group.
		sandbox.configure('scim', { uniqueNames: false });
		sandbox.inject({ method: 'POST', path: '/Groups', fault: { type: 'reset', when: 'after' } });

		const result = await runNode(sandbox, 'scim', { items: rows('Once'), options: { lookUpExisting: false } });

		expect(sandbox.vendors.scim.countGroups('Once')).toBe(1);
		expect(posts(sandbox)).toHaveLength(1);
		expect(jsonOf(result.outputs[1])[0]).toMatchObject({ name: 'Once', id: sandbox.vendors.scim.groups()[0].id });
	});

	it('where names may repeat, a name an earlier row of the run created is a Conflict without a request', async () => {
		sandbox.configure('scim', { uniqueNames: false });

		const result = await runNode(sandbox, 'scim', { items: rows('Dup', 'dup') });

		expect(posts(sandbox)).toHaveLength(1);
		expect(sandbox.vendors.scim.groups()).toHaveLength(1);
		expect(jsonOf(result.outputs[1])[0]).toMatchObject({ name: 'dup', id: jsonOf(result.outputs[0])[0].id });
	});

	it('a create whose answer was lost is looked up before it is sent again', async () => {
		sandbox.inject({ method: 'POST', path: '/Groups', fault: { type: 'reset', when: 'after' } });

		const result = await runNode(sandbox, 'scim', { items: rows('Lost') });

		expect(sandbox.vendors.scim.countGroups('Lost')).toBe(1);
		expect(posts(sandbox)).toHaveLength(1);
		expect(jsonOf(result.outputs[1])[0]).toMatchObject({ name: 'Lost', id: sandbox.vendors.scim.groups()[0].id });
	});
});
