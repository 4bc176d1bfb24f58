/** The credential types a run knows, looked up by name the way n8n's CredentialTypes does. */
import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

export class CredentialTypeRegistry {
	private readonly byName = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const type of types) this.byName.set(type.name, type);
	}

	getByName(name: string): ICredentialType {
		const type = this.byName.get(name);
		if (type === undefined) {
			throw new UnexpectedError(`Unknown credential type "${name}": pass it in credentialTypes`);
		}
		return type;
	}

	/**
	 * Every type this one `extends`, transitively, nearest first. A parent that was not passed in
	 * (n8n's own `oAuth2Api`, say) is still listed, since n8n-core picks the OAuth flow by that name.
	 */
	getParentTypes(name: string): string[] {
		const parents: string[] = [];
		for (const parent of this.getByName(name).extends ?? []) {
			parents.push(parent);
			if (this.byName.has(parent)) parents.push(...this.getParentTypes(parent));
		}
		return parents;
	}

	/**
	 * The type's properties merged over its parents' (its own win), as the credential form shows them.
	 * Parents that were not passed in contribute nothing.
	 */
	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (type.extends === undefined) return type.properties;
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			if (this.byName.has(parent)) NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}
