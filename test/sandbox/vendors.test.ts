/** The vendor modules' switches added for issue 12: name uniqueness, case, and paging answered both ways. */
import { useSandbox } from '../support/use-sandbox';
import type { Sandbox } from './types';
import { IC_DEFAULT_TOKEN } from './vendors/invisibleCollector';
import { TALEO_LEARN_CENTERS } from './vendors/taleoLearn';

const sandbox = useSandbox();
const CENTER = TALEO_LEARN_CENTERS[0].id;

/** Seeds `name` twice through each vendor's api; the second throws while names are unique. */
const seeders: Record<string, (sandbox: Sandbox, name: string) => unknown> = {
	invisibleCollector: (s, name) => s.vendors.invisibleCollector.addGroup(name),
	assembla: (s, name) => s.vendors.assembla.addGroup(name),
	helloId: (s, name) => s.vendors.helloId.addGroup(name),
	capillary: (s, name) => s.vendors.capillary.addGroup(name),
	taleoLearn: (s, name) => s.vendors.taleoLearn.addGroup(CENTER, { name }),
};
const counters: Record<string, (sandbox: Sandbox, name: string) => number> = {
	invisibleCollector: (s, name) => s.vendors.invisibleCollector.countGroups(name),
	assembla: (s, name) => s.vendors.assembla.countGroups(name),
	helloId: (s, name) => s.vendors.helloId.countGroups(name),
	capillary: (s, name) => s.vendors.capillary.countGroups(name),
	taleoLearn: (s, name) => s.vendors.taleoLearn.countGroups(CENTER, name),
};

describe.each(Object.keys(seeders))('%s uniqueNames', (vendor) => {
	const name = vendor as 'invisibleCollector';
	it('defaults to what the documents promise (Taleo Learn: only codes are unique)', () => {
		expect(sandbox.vendors[name].options.uniqueNames).toBe(vendor !== 'taleoLearn');
	});

	it('refuses a second group of one name when on, and keeps both when off', () => {
		sandbox.configure(name, { uniqueNames: true });
		seeders[vendor](sandbox, 'Twin');
		expect(() => seeders[vendor](sandbox, 'Twin')).toThrow();
		sandbox.configure(name, { uniqueNames: false });
		seeders[vendor](sandbox, 'Twin');
		expect(counters[vendor](sandbox, 'Twin')).toBe(2);
	});
});

it('answers a repeated create over HTTP by the switch (Invisible Collector)', async () => {
	const post = async () =>
		(
			await fetch(`${sandbox.baseUrl('invisibleCollector')}/groups`, {
				method: 'POST',
				headers: { authorization: `Bearer ${IC_DEFAULT_TOKEN}`, 'content-type': 'application/json' },
				body: '{"name":"Twice"}',
			})
		).status;
	expect([await post(), await post()]).toEqual([201, 409]);
	sandbox.configure('invisibleCollector', { uniqueNames: false });
	expect(await post()).toBe(201);
	expect(sandbox.vendors.invisibleCollector.countGroups('Twice')).toBe(2);
});

it('compares Capillary names ignoring case unless caseSensitiveNames is on', () => {
	const capillary = sandbox.vendors.capillary;
	capillary.addGroup('Gold');
	expect(() => capillary.addGroup('gold')).toThrow();
	sandbox.configure('capillary', { caseSensitiveNames: true });
	capillary.addGroup('gold');
	expect(capillary.groups().map((group) => group.name)).toEqual(['Gold', 'gold']);
});
