import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { forCreate, nameProperty, optionsCollection, resourceAndOperation } from '../shared/descriptions';
import { createGroups } from '../shared/execute';
import { helloIdApi } from './api';
import { MAX_NAME_LENGTH } from './params';
import { groupProperties, modeOptions } from './properties';

export class HelloId implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HelloID',
		name: 'helloId',
		icon: { light: 'file:helloId.svg', dark: 'file:helloId.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create groups in HelloID, one request per item or many items per request',
		defaults: { name: 'HelloID' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Created', 'Conflict'],
		credentials: [{ name: 'helloIdApi', required: true }],
		properties: [
			...resourceAndOperation,
			nameProperty(MAX_NAME_LENGTH),
			...forCreate(groupProperties),
			optionsCollection(modeOptions),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await createGroups.call(this, helloIdApi);
	}
}
