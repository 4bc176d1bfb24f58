/** The two node types of a harness run, as n8n's NodeTypes registry presents them. */
import type { IDataObject, INodeType, INodeTypes } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import { name as packageName } from '../../package.json';
import type { NodeTypeInput } from './types';

export function instantiate(type: NodeTypeInput): INodeType {
	return typeof type === 'function' ? new type() : type;
}

/** `<package>.<description.name>`, the type name real n8n gives a community node. */
export function qualifiedTypeName(nodeType: INodeType): string {
	return `${packageName}.${nodeType.description.name}`;
}

/** The version a new node gets on the canvas: the highest the node describes. */
export function latestVersion(nodeType: INodeType): number {
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export class HarnessNodeTypes implements INodeTypes {
	constructor(private readonly byName: Record<string, INodeType>) {}

	getByName(name: string): INodeType {
		const nodeType = this.byName[name];
		if (nodeType === undefined) throw new UnexpectedError(`Unknown node type "${name}"`);
		return nodeType;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		const nodeType = this.getByName(name);
		const { version: described } = nodeType.description;
		const versions = Array.isArray(described) ? described : [described];
		if (version !== undefined && !versions.includes(version)) {
			throw new UnexpectedError(`Node type "${name}" has no version ${version} (has ${versions.join(', ')})`);
		}
		return nodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
