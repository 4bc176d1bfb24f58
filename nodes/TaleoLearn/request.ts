/**
 * The create request: `POST /learnCenters/{id}/groups` with the GroupRequest, in the field spelling the user chose
 * (the vendor page's example, docs/vendors/taleo-learn.md, says `name`/`parentGroupId`, its schema `groupname`/`parentgroupid`).
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Connection } from '../shared/types';
import { learnCenterPath } from './learnCenters';
import type { TaleoParams } from './params';

/** The JSON body of the create request; fields the user left out are not sent. */
export function groupRequestBody(params: TaleoParams): IDataObject {
	const schema = params.spelling === 'schema';
	const body: IDataObject = { [schema ? 'groupname' : 'name']: params.name };
	if (params.parentGroupId !== undefined) body[schema ? 'parentgroupid' : 'parentGroupId'] = params.parentGroupId;
	if (params.statusFlag) body.statusFlag = params.statusFlag;
	if (params.code !== undefined) body.code = params.code;
	if (params.activeFromDate) body.activeFromDate = params.activeFromDate;
	if (params.activeUntilDate) body.activeUntilDate = params.activeUntilDate;
	body.onlyAllowOwnersToEditGroup = params.onlyAllowOwnersToEditGroup;
	if (params.selfServiceOptions) body.selfServiceOptions = params.selfServiceOptions;
	if (params.owners.length) body.owners = params.owners;
	return body;
}

export function createRequest(params: TaleoParams, { baseUrl }: Connection): IHttpRequestOptions {
	return {
		method: 'POST',
		url: `${baseUrl}${learnCenterPath(params.learnCenterId)}/groups`,
		body: groupRequestBody(params),
		json: true,
	};
}
