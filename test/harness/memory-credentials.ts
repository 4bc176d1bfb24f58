/** A stored credential as n8n's `Credentials` class presents it, kept in memory instead of encrypted. */
import type { ICredentialDataDecryptedObject, ICredentialsEncrypted, INodeCredentialsDetails } from 'n8n-workflow';
import { ICredentials, deepCopy } from 'n8n-workflow';

import type { CredentialStore } from './types';

export class MemoryCredentials extends ICredentials {
	constructor(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		private readonly store: CredentialStore,
	) {
		super(nodeCredentials, type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return deepCopy(this.store[this.type] ?? {});
	}

	getDataToSave(): ICredentialsEncrypted {
		// Plain JSON where n8n would put ciphertext: nothing here leaves the test process.
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.store[this.type] ?? {}) };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.store[this.type] = deepCopy(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data: ICredentialDataDecryptedObject = { ...(this.store[this.type] ?? {}) };
		for (const [key, value] of Object.entries(toUpdate)) {
			if (value !== undefined) data[key] = deepCopy(value);
		}
		for (const key of toDelete) delete data[key];
		this.store[this.type] = data;
	}
}
