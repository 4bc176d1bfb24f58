/** The SCIM node's own UI properties: the Group attributes besides the name (RFC 7643 §3.1, §4.2). */
import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../shared/descriptions';

const optionalAttributes: INodeProperties[] = [
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		placeholder: 'e.g. hr-sales-emea',
		description:
			"Your own identifier for the group (SCIM's externalId). When set, it is also how an existing group is looked up.",
	},
	{
		displayName: 'Members',
		name: 'members',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2819c223-7f76-453a-919d-413861904646',
		description: "The service's IDs of the users to add to the group. A list from an expression, or comma-separated text.",
	},
];

/** The optional Group attributes, under Additional Fields as on the other nodes. */
export const ADDITIONAL_FIELD_NAMES = optionalAttributes.map((property) => property.name);

export const groupProperties: INodeProperties[] = [additionalFieldsCollection(optionalAttributes)];
