/** The HelloID node's own UI properties: the group's fields and the Mode / Batch Size options. */
import type { INodeProperties } from 'n8n-workflow';

import { additionalFieldsCollection } from '../shared/descriptions';

export const DEFAULT_BATCH_SIZE = 100;
/** No limit is documented; this bounds the size of one request body. */
export const MAX_BATCH_SIZE = 1000;

/** Vendor fields under their documented names in camelCase: all optional, so under Additional Fields. */
const optionalFields: INodeProperties[] = [
	{
		displayName: 'Is Enabled',
		name: 'isEnabled',
		type: 'boolean',
		default: true,
		description: "Whether the new group is enabled (HelloID's own default, when the field is not sent, is disabled)",
	},
	{
		displayName: 'Is Default',
		name: 'isDefault',
		type: 'boolean',
		default: false,
		description: 'Whether the new group is a default group',
	},
	{
		displayName: 'Is QR Enabled',
		name: 'isQrEnabled',
		type: 'boolean',
		default: false,
		description: 'Whether QR-code generation is enabled for the members of the group',
	},
	{
		displayName: 'Managed By User GUID',
		name: 'managedByUserGuid',
		type: 'string',
		default: '',
		placeholder: 'e.g. F0CE1E44-25E8-4B12-8151-EF3525017647',
		description: 'GUID of the user who manages the group',
	},
	{
		displayName: 'User Names',
		name: 'userNames',
		type: 'string',
		default: '',
		placeholder: 'e.g. jdoe, asmith',
		description:
			'User names of the members to link to the group. A list from an expression, or comma-separated text.',
	},
	{
		displayName: 'User GUIDs',
		name: 'userGuids',
		type: 'string',
		default: '',
		placeholder: 'e.g. F0CE1E44-25E8-4B12-8151-EF3525017647, 2B3F0A61-7C41-4E0E-9A57-0D6C8D1F5B22',
		description:
			'GUIDs of the users to link to the group. A list from an expression, or comma-separated text.',
	},
	{
		displayName: 'Application Names',
		name: 'applicationNames',
		type: 'string',
		default: '',
		placeholder: 'e.g. LinkedIn, Xing',
		description:
			'Names of the applications to link to the group. A list from an expression, or comma-separated text.',
	},
	{
		displayName: 'Application GUIDs',
		name: 'applicationGuids',
		type: 'string',
		default: '',
		placeholder: 'e.g. 7DF48871-E9DA-4FB2-9251-00035AD8483B',
		description:
			'GUIDs of the applications to link to the group. A list from an expression, or comma-separated text.',
	},
];

/** The names of the Additional Fields (also the columns Auto-Map reads). */
export const ADDITIONAL_FIELD_NAMES = optionalFields.map((property) => property.name);

export const groupProperties: INodeProperties[] = [
	additionalFieldsCollection(optionalFields, 'Is Enabled is on unless you add it and turn it off; the others are not sent unless added'),
];

/** Entries of the node's Options collection that shape how requests are made. */
export const modeOptions: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{
				name: 'Batch',
				value: 'batch',
				description: 'Send up to Batch Size items in one request to /groups/batch',
			},
			{
				name: 'Single',
				value: 'single',
				description: "Send one request per item to /groups, as Tools4ever's own connectors do",
			},
		],
		default: 'batch',
		description: 'How groups are sent to HelloID',
	},
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE },
		default: DEFAULT_BATCH_SIZE,
		description: 'In Batch mode, how many items go into one request at most',
	},
];
