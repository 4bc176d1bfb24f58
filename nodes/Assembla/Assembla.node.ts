import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nameProperty, optionsCollection, resourceAndOperation } from '../shared/descriptions';
import { createGroups } from '../shared/execute';
import { assemblaApi } from './api';
import { MAX_NAME_LENGTH } from './params';
import { authenticationProperty, bodyFormatOption, membershipProperties, portfolioProperty } from './properties';

export class Assembla implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Assembla',
		name: 'assembla',
		icon: { light: 'file:assembla.svg', dark: 'file:assembla.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create groups of spaces or users in an Assembla portfolio',
		defaults: { name: 'Assembla' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Created', 'Conflict'],
		credentials: [
			{ name: 'assemblaApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'assemblaOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			authenticationProperty,
			...resourceAndOperation,
			portfolioProperty,
			nameProperty(MAX_NAME_LENGTH, 'Name of the group to create, unique in the portfolio regardless of case'),
			...membershipProperties,
			optionsCollection([bodyFormatOption]),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await createGroups.call(this, assemblaApi);
	}
}
