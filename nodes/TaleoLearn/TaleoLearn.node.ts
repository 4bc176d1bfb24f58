import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nameProperty, optionsCollection, resourceAndOperation } from '../shared/descriptions';
import { createGroups } from '../shared/execute';
import { taleoLearnApi } from './api';
import { getLearnCenters } from './learnCenters';
import { MAX_NAME_LENGTH } from './params';
import { fieldSpellingOption, taleoFieldProperties, taleoGroupProperties } from './properties';

export class TaleoLearn implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Taleo Learn',
		name: 'taleoLearn',
		icon: { light: 'file:taleoLearn.svg', dark: 'file:taleoLearn.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create groups in Oracle Taleo Learn Cloud Service',
		defaults: { name: 'Taleo Learn' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Created', 'Conflict'],
		credentials: [{ name: 'taleoLearnApi', required: true }],
		properties: [
			...resourceAndOperation,
			...taleoFieldProperties,
			nameProperty(MAX_NAME_LENGTH),
			...taleoGroupProperties,
			optionsCollection([fieldSpellingOption]),
		],
	};

	methods = {
		loadOptions: { getLearnCenters },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await createGroups.call(this, taleoLearnApi);
	}
}
