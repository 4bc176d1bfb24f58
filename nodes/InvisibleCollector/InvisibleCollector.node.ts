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
import { invisibleCollectorApi } from './api';
import { DISPLAY_NAME } from './connection';
import { MAX_NAME_LENGTH } from './params';

export class InvisibleCollector implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Invisible Collector',
		name: 'invisibleCollector',
		icon: { light: 'file:invisibleCollector.svg', dark: 'file:invisibleCollector.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleOf(DISPLAY_NAME),
		description: 'Create, get and list groups in Invisible Collector',
		defaults: { name: 'Invisible Collector' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: OUTPUTS_BY_OPERATION,
		credentials: [{ name: 'invisibleCollectorApi', required: true }],
		properties: [
			...resourceAndOperations({
				vendor: DISPLAY_NAME,
				getDescription: 'Get the group with exactly this name: its ID, name and the group object Invisible Collector returns',
				getManyDescription: "List the company's groups (one request: no paging is documented): ID, name and group object of each",
			}),
			dataModeProperty('name'),
			nameProperty(MAX_NAME_LENGTH),
			getNameProperty(MAX_NAME_LENGTH, 'compared exactly, letter case included'),
			...returnAllAndLimit,
			optionsCollection(),
			readOptionsCollection(),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperation.call(this, invisibleCollectorApi, MAX_NAME_LENGTH);
	}
}
