import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { forCreate, nameProperty, optionsCollection, resourceAndOperation } from '../shared/descriptions';
import { createGroups } from '../shared/execute';
import { scimApi } from './api';
import { MAX_NAME_LENGTH } from './params';
import { groupProperties } from './properties';

export class Scim implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SCIM 2.0',
		name: 'scim',
		icon: { light: 'file:scim.svg', dark: 'file:scim.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create groups in any service that speaks SCIM 2.0 (RFC 7643, RFC 7644)',
		defaults: { name: 'SCIM 2.0' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Created', 'Conflict'],
		credentials: [{ name: 'scimApi', required: true }],
		properties: [...resourceAndOperation, nameProperty(MAX_NAME_LENGTH), ...forCreate(groupProperties), optionsCollection()],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await createGroups.call(this, scimApi);
	}
}
