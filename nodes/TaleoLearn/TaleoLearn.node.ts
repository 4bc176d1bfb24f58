import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	getNameProperty,
	nameProperty,
	optionsCollection,
	OUTPUTS_BY_OPERATION,
	readOptionsCollection,
	dataModeProperty,
	resourceAndOperations,
	subtitleOf,
	returnAllAndLimit,
} from '../shared/descriptions';
import { runOperation } from '../shared/operations';
import { taleoLearnApi } from './api';
import { getLearnCenters } from './learnCenters';
import { DISPLAY_NAME } from './connection';
import { MAX_NAME_LENGTH } from './params';
import { fieldSpellingOption, taleoFieldProperties, taleoGroupProperties } from './properties';

export class TaleoLearn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Taleo Learn',
		name: 'taleoLearn',
		icon: { light: 'file:taleoLearn.svg', dark: 'file:taleoLearn.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf(DISPLAY_NAME),
		description: 'Create, get and list groups in Oracle Taleo Learn Cloud Service',
		defaults: { name: 'Taleo Learn' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_BY_OPERATION,
		credentials: [{ name: 'taleoLearnApi', required: true }],
		properties: [
			...resourceAndOperations({
				vendor: DISPLAY_NAME,
				getDescription:
					"Get the learn center's group with this name (letter case and surrounding spaces aside): its ID, name and Taleo's group object",
				getManyDescription: "List the learn center's groups: ID, name and Taleo's group object of each",
			}),
			...taleoFieldProperties,
			dataModeProperty('name, code, parentGroupId, …'),
			nameProperty(MAX_NAME_LENGTH),
			getNameProperty(MAX_NAME_LENGTH, 'compared without regard to letter case or surrounding spaces; a group spelled exactly so comes first'),
			...returnAllAndLimit,
			...taleoGroupProperties,
			optionsCollection([fieldSpellingOption]),
			readOptionsCollection(),
		],
	};

	methods = {
		loadOptions: { getLearnCenters },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, taleoLearnApi, MAX_NAME_LENGTH);
	}
}
