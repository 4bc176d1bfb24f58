/** The create requests' group body, as HelloID's docs spell it; the single-item request (the batch one is in batch.ts). */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Connection } from '../shared/types';
import type { HelloIdParams } from './params';

/** One group as HelloID's docs spell the request (PascalCase); empty lists and no manager are left out. */
export function groupBody(params: HelloIdParams): IDataObject {
	const body: IDataObject = {
		Name: params.name,
		IsEnabled: params.isEnabled,
		IsDefault: params.isDefault,
		IsQrEnabled: params.isQrEnabled,
	};
	if (params.managedByUserGuid) body.ManagedByUserGuid = params.managedByUserGuid;
	if (params.userNames.length) body.UserNames = params.userNames;
	if (params.userGuids.length) body.UserGUIDs = params.userGuids;
	if (params.applicationNames.length) body.ApplicationNames = params.applicationNames;
	if (params.applicationGuids.length) body.ApplicationGUIDs = params.applicationGuids;
	return body;
}

export function createRequest(params: HelloIdParams, { baseUrl }: Connection): IHttpRequestOptions {
	return { method: 'POST', url: `${baseUrl}/groups`, body: groupBody(params), json: true };
}
