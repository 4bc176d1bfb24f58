/** The node's fields beyond the shared ones: learn center, the GroupRequest fields, and the spelling option. */
import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection, forCreate, forEveryOperation } from '../shared/descriptions';
import { MAX_CODE_LENGTH } from './params';

export const learnCenterProperty: INodeProperties = {
	displayName: 'Learn Center Name or ID',
	name: 'learnCenterId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLearnCenters' },
	required: true,
	default: '',
	description:
		'The learn center that gets or holds the groups. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const onlyOwnersEditProperty: INodeProperties = {
	displayName: 'Only Allow Owners To Edit Group',
	name: 'onlyAllowOwnersToEditGroup',
	type: 'boolean',
	default: true,
	description: 'Whether only the owners of the group may edit it',
};

const dateHint = 'Sent as written, without time zone (Taleo Learn reads it in the instance’s time zone)';

export const additionalFieldsProperty: INodeProperties = additionalFieldsCollection([
	{
		displayName: 'Active From',
		name: 'activeFromDate',
		type: 'dateTime',
		default: '',
		description: `When the group becomes active. ${dateHint}. Must be before Active Until.`,
	},
	{
		displayName: 'Active Until',
		name: 'activeUntilDate',
		type: 'dateTime',
		default: '',
		description: `When the group stops being active. ${dateHint}.`,
	},
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		placeholder: 'e.g. 481werfa-dc63-4d92-8a08-12f807eab82d',
		description: `The group's code, unique in Taleo Learn like the name (at most ${MAX_CODE_LENGTH} characters)`,
	},
	{
		displayName: 'Owners',
		name: 'owners',
		type: 'string',
		default: '',
		placeholder: 'e.g. 113458, 112898',
		description: 'User IDs of the group owners: comma-separated, or a list from an expression',
	},
	{
		displayName: 'Parent Group ID',
		name: 'parentGroupId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 766',
		description: 'ID of the group to create this group under',
	},
	{
		displayName: 'Self-Service Options',
		name: 'selfServiceOptions',
		type: 'options',
		options: [
			{ name: 'Does Not Require Approvals', value: 'doesNotRequireApprovals', description: 'Users may join by themselves' },
			{ name: 'Private', value: 'private', description: 'Users cannot join by themselves' },
			{ name: 'Requires Approval', value: 'requiresApproval', description: 'Users may ask to join; an owner approves' },
		],
		default: 'private',
		description: 'Whether and how users can join the group by themselves',
	},
	{
		displayName: 'Status',
		name: 'statusFlag',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Inactive', value: 'inactive' },
		],
		default: 'active',
	},
]);

/** Vendor entry of the shared Options collection. */
export const fieldSpellingOption: INodeProperties = {
	displayName: 'Field Spelling',
	name: 'fieldSpelling',
	type: 'options',
	options: [
		{
			name: 'Example Spelling',
			value: 'example',
			description: 'Send "name" and "parentGroupId", as in the example of Oracle\'s documentation',
		},
		{
			name: 'Schema Spelling',
			value: 'schema',
			description: 'Send "groupname" and "parentgroupid", as in the schema of Oracle\'s documentation',
		},
	],
	default: 'example',
	description: "How the name and parent group fields are spelled in the request; change only if your instance rejects the default",
};

export const taleoFieldProperties: INodeProperties[] = forEveryOperation([learnCenterProperty]);
export const taleoGroupProperties: INodeProperties[] = forCreate([onlyOwnersEditProperty, additionalFieldsProperty]);
