import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nameProperty, optionsCollection, resourceAndOperation } from '../shared/descriptions';
import { createGroups } from '../shared/execute';
import { capillaryApi } from './api';
import { MAX_NAME_LENGTH } from './params';
import { additionalFields, apiPathOption, authenticationProperty } from './properties';

export class Capillary implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary',
		name: 'capillary',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create reward groups in Capillary',
		defaults: { name: 'Capillary' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Created', 'Conflict'],
		credentials: [
			{
				name: 'capillaryApi',
				required: true,
				displayOptions: { show: { authentication: ['basic'] } },
			},
			{
				name: 'capillaryOAuthApi',
				required: true,
				displayOptions: { show: { authentication: ['oAuth'] } },
			},
		],
		properties: [
			authenticationProperty,
			...resourceAndOperation,
			nameProperty(MAX_NAME_LENGTH),
			...additionalFields,
			optionsCollection([apiPathOption]),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await createGroups.call(this, capillaryApi);
	}
}
