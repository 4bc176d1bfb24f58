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
import { assemblaApi } from './api';
import { DISPLAY_NAME } from './connection';
import { MAX_NAME_LENGTH } from './params';
import { authenticationProperty, bodyFormatOption, membershipProperties, portfolioProperty } from './properties';

export class Assembla implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Assembla',
		name: 'assembla',
		icon: { light: 'file:assembla.svg', dark: 'file:assembla.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf(DISPLAY_NAME),
		description: 'Create, get and list groups of spaces or users in an Assembla portfolio',
		defaults: { name: 'Assembla' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_BY_OPERATION,
		credentials: [
			{ name: 'assemblaApi', required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
			{ name: 'assemblaOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			authenticationProperty,
			...resourceAndOperations({
				vendor: DISPLAY_NAME,
				getDescription:
					'Get the group of the portfolio with this name (letter case aside): its ID, name and Assembla\'s group object',
				getManyDescription: "List the portfolio's groups: ID, name and Assembla's group object of each",
			}),
			portfolioProperty,
			dataModeProperty('name, type, items'),
			nameProperty(MAX_NAME_LENGTH, 'Name of the group to create, unique in the portfolio regardless of case'),
			getNameProperty(MAX_NAME_LENGTH, 'compared without regard to letter case, as Assembla does'),
			...returnAllAndLimit,
			...membershipProperties,
			optionsCollection([bodyFormatOption]),
			readOptionsCollection(),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, assemblaApi, MAX_NAME_LENGTH);
	}
}
