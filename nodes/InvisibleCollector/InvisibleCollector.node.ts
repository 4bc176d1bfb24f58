import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nameProperty, optionsCollection, resourceAndOperation } from '../shared/descriptions';
import { createGroups } from '../shared/execute';
import { invisibleCollectorApi } from './api';
import { MAX_NAME_LENGTH } from './params';

export class InvisibleCollector implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Invisible Collector',
		name: 'invisibleCollector',
		icon: { light: 'file:invisibleCollector.svg', dark: 'file:invisibleCollector.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create groups in Invisible Collector',
		defaults: { name: 'Invisible Collector' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Created', 'Conflict'],
		credentials: [{ name: 'invisibleCollectorApi', required: true }],
		properties: [...resourceAndOperation, nameProperty(MAX_NAME_LENGTH), optionsCollection()],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await createGroups.call(this, invisibleCollectorApi);
	}
}
