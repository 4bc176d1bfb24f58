/**
 * The read operations as n8n sees each node: the outputs it computes from the operation (two for
 * Create, one for Get and Get Many, n8n's error output after them), the operation list, and the
 * properties shown for each operation.
 */
import type { INodeOutputConfiguration, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { buildWorkflow } from '../harness/workflow';
import { instantiate } from '../harness/node-types';
import type { OnErrorSetting } from '../harness';
import { VENDOR_LIST } from '../support/vendors';

type Output = string | INodeOutputConfiguration;
const outputNames = (outputs: Output[]) => outputs.map((output) => (typeof output === 'string' ? output : (output.displayName ?? output.type)));

describe.each(VENDOR_LIST.map((wiring) => [wiring.displayName, wiring] as const))('%s', (_name, wiring) => {
	const description: INodeTypeDescription = instantiate(wiring.node).description;

	function outputsFor(operation: string | undefined, onError: OnErrorSetting = 'stopWorkflow'): Output[] {
		const parameters = { ...wiring.parameters };
		if (operation === undefined) delete parameters.operation;
		else parameters.operation = operation;
		const { workflow, nodeUnderTest } = buildWorkflow({ type: wiring.node, parameters, onError }, []);
		return NodeHelpers.getNodeOutputs(workflow, nodeUnderTest, description) as Output[];
	}

	it('computes two outputs for Create (also when saved without the operation) and one for Get and Get Many', () => {
		expect(typeof description.outputs).toBe('string');
		expect(description.outputNames).toBeUndefined();
		expect(outputNames(outputsFor('create'))).toEqual(['Created', 'Conflict']);
		expect(outputNames(outputsFor(undefined))).toEqual(['Created', 'Conflict']);
		expect(outputsFor('get')).toHaveLength(1);
		expect(outputsFor('getAll')).toHaveLength(1);
	});

	it("adds n8n's error output after the node's outputs, for every operation", () => {
		expect(outputNames(outputsFor('create', 'continueErrorOutput'))).toEqual(['Created', 'Conflict', 'Error']);
		expect(outputNames(outputsFor('get', 'continueErrorOutput'))).toEqual(['Success', 'Error']);
		expect(outputNames(outputsFor('getAll', 'continueErrorOutput'))).toEqual(['Success', 'Error']);
	});

	it('offers Create, Get and Get Many with n8n\'s action wording and the vendor named, usable as a tool', () => {
		const operation = description.properties.find((property) => property.name === 'operation');
		const options = (operation?.options ?? []) as Array<{ name: string; value: string; action?: string; description?: string }>;
		expect(options.map(({ name, value, action }) => ({ name, value, action }))).toEqual([
			{ name: 'Create', value: 'create', action: `Create a group in ${wiring.displayName}` },
			{ name: 'Get', value: 'get', action: `Get a group in ${wiring.displayName}` },
			{ name: 'Get Many', value: 'getAll', action: `Get many groups in ${wiring.displayName}` },
		]);
		for (const option of options.slice(1)) expect(option.description).toMatch(/ID.*name/);
		expect(description.usableAsTool).toBe(true);
	});

	it('shows the vendor and the operation under the node on the canvas (its subtitle), also when saved without the operation', () => {
		const subtitleFor = (operation: string | undefined): unknown => {
			const parameters = { ...wiring.parameters };
			if (operation === undefined) delete parameters.operation;
			else parameters.operation = operation;
			const { workflow, nodeUnderTest } = buildWorkflow({ type: wiring.node, parameters }, []);
			return workflow.expression.getSimpleParameterValue(nodeUnderTest, description.subtitle ?? '', 'internal', {});
		};
		expect(subtitleFor('create')).toBe(`${wiring.displayName}: Create group`);
		expect(subtitleFor(undefined)).toBe(`${wiring.displayName}: Create group`);
		expect(subtitleFor('get')).toBe(`${wiring.displayName}: Get group`);
		expect(subtitleFor('getAll')).toBe(`${wiring.displayName}: Get many groups`);
	});

	it('shows Return All and Limit (default 50, at least 1, only without Return All) for Get Many, and a Name for Get', () => {
		const byName = (name: string) => description.properties.filter((property) => property.name === name);
		const [returnAll] = byName('returnAll');
		const [limit] = byName('limit');
		expect(returnAll).toMatchObject({ type: 'boolean', default: false, displayOptions: { show: { operation: ['getAll'] } } });
		expect(limit).toMatchObject({
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { operation: ['getAll'], returnAll: [false] } },
		});
		const names = byName('name').map((property: INodeProperties) => property.displayOptions?.show?.operation);
		expect(names).toEqual([['create'], ['get']]);
	});
});
