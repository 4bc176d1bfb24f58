import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	dataModeProperty,
	forCreate,
	getNameProperty,
	nameProperty,
	optionsCollection,
	OUTPUTS_BY_OPERATION,
	readOptionsCollection,
	resourceAndOperations,
	returnAllAndLimit,
	subtitleOf,
} from '../shared/descriptions';
import { runOperation } from '../shared/operations';
import { scimApi } from './api';
import { DISPLAY_NAME } from './connection';
import { MAX_NAME_LENGTH } from './params';
import { groupProperties } from './properties';

export class Scim implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SCIM 2.0',
		name: 'scim',
		icon: { light: 'file:scim.svg', dark: 'file:scim.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf(DISPLAY_NAME),
		description: 'Create, get and list groups in any service that speaks SCIM 2.0 (RFC 7643, RFC 7644)',
		defaults: { name: 'SCIM 2.0' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_BY_OPERATION,
		credentials: [{ name: 'scimApi', required: true }],
		properties: [
			...resourceAndOperations({
				vendor: DISPLAY_NAME,
				getDescription: "Get the group with this display name, found with the service's displayName filter: its ID, name and the SCIM Group resource",
				getManyDescription: "List the service's groups (GET /Groups, 1-based paging): ID, name and SCIM Group resource of each",
			}),
			dataModeProperty('name, externalId, members'),
			nameProperty(MAX_NAME_LENGTH),
			getNameProperty(MAX_NAME_LENGTH, "found with the service's filter (letter case aside where the service follows RFC 7644), exact spelling first"),
			...returnAllAndLimit,
			...forCreate(groupProperties),
			optionsCollection(),
			readOptionsCollection(),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, scimApi, MAX_NAME_LENGTH);
	}
}
