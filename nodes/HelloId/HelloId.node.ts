import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	forCreate,
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
import { helloIdApi } from './api';
import { DISPLAY_NAME } from './connection';
import { MAX_NAME_LENGTH } from './params';
import { groupProperties, modeOptions } from './properties';

export class HelloId implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HelloID',
		name: 'helloId',
		icon: { light: 'file:helloId.svg', dark: 'file:helloId.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf(DISPLAY_NAME),
		description: 'Create groups in HelloID (one request per item or many items per request), get and list them',
		defaults: { name: 'HelloID' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_BY_OPERATION,
		credentials: [{ name: 'helloIdApi', required: true }],
		properties: [
			...resourceAndOperations({
				vendor: DISPLAY_NAME,
				getDescription: "Get the group with this name (letter case aside): its GUID, name and HelloID's group object",
				getManyDescription: "List the groups: GUID, name and HelloID's group object of each",
			}),
			dataModeProperty('name, isEnabled, userNames, …'),
			nameProperty(MAX_NAME_LENGTH),
			getNameProperty(MAX_NAME_LENGTH, 'compared without regard to letter case; a group spelled exactly so comes first'),
			...returnAllAndLimit,
			...forCreate(groupProperties),
			optionsCollection(modeOptions),
			readOptionsCollection(),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, helloIdApi, MAX_NAME_LENGTH);
	}
}
