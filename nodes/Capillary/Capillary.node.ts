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
import { capillaryApi } from './api';
import { DISPLAY_NAME } from './connection';
import { MAX_NAME_LENGTH } from './params';
import { additionalFields, apiPathOption, authenticationProperty } from './properties';

export class Capillary implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Capillary',
		name: 'capillary',
		icon: { light: 'file:capillary.svg', dark: 'file:capillary.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf(DISPLAY_NAME),
		description: 'Create, get and list reward groups in Capillary',
		defaults: { name: 'Capillary' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_BY_OPERATION,
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
			...resourceAndOperations({
				vendor: DISPLAY_NAME,
				getDescription: "Get the reward group with this name (letter case aside): its ID, name and Capillary's group object",
				getManyDescription: "List the reward groups: ID, name and Capillary's group object of each",
			}),
			dataModeProperty('name, rank'),
			nameProperty(MAX_NAME_LENGTH),
			getNameProperty(MAX_NAME_LENGTH, 'compared without regard to letter case; a group spelled exactly so comes first'),
			...returnAllAndLimit,
			...additionalFields,
			optionsCollection([apiPathOption]),
			readOptionsCollection([apiPathOption]),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, capillaryApi, MAX_NAME_LENGTH);
	}
}
