/**
 * What a builder reads beside every field: each text field of every node (also inside collections)
 * has a placeholder showing an example value and a description saying what it is for.
 */
import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { instantiate } from '../harness/node-types';
import { VENDOR_LIST } from '../support/vendors';

type Field = INodeProperties;

/** Every property, with the ones nested in collections and fixed collections, by its path. */
function allFields(properties: readonly Field[], path = ''): Array<[string, Field]> {
	return properties.flatMap((property) => {
		const here = `${path}${property.displayName}`;
		const nested = (property.options ?? []).flatMap((option) => {
			if ('values' in option) return allFields((option as INodePropertyCollection).values, `${here} → ${option.displayName} → `);
			if ('type' in option) return allFields([option as Field], `${here} → `);
			return [];
		});
		return [[here, property] as [string, Field], ...nested];
	});
}

describe.each(VENDOR_LIST.map((wiring) => [wiring.displayName, wiring] as const))('%s', (_name, wiring) => {
	const textFields = allFields(instantiate(wiring.node).description.properties).filter(([, field]) => field.type === 'string');

	it.each(textFields.map(([path, field]) => [path, field]))('"%s" has a placeholder and a description', (_path, field) => {
		expect(field.placeholder ?? '').not.toBe('');
		expect(field.description ?? '').not.toBe('');
	});
});
