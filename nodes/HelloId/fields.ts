/**
 * The fields of HelloID's create-group request (docs/vendors/helloid.md): how the node shows them, how one item's
 * values are read and checked, and the request body they become.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GroupParams } from '../shared/types';
import { InputError, optionalText, requireBoolean, requireText, textList } from '../shared/validate';

/** No limit is documented; this keeps a mistaken mapping (a whole document) from being sent as a name. */
export const MAX_NAME_LENGTH = 255;

export interface HelloIdParams extends GroupParams {
	isEnabled: boolean;
	isDefault: boolean;
	isQrEnabled: boolean;
	managedByUserGuid?: string;
	userNames: string[];
	userGuids: string[];
	applicationNames: string[];
	applicationGuids: string[];
}

/** Vendor fields under their documented names in camelCase. */
export const helloIdFields: INodeProperties[] = [
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
		description:
			'GUIDs of the applications to link to the group. A list from an expression, or comma-separated text.',
	},
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireGuid(field: string, value: string, position?: number): string {
	if (!GUID.test(value)) {
		const where = position === undefined ? `"${field}"` : `"${field}" entry ${position + 1}`;
		throw new InputError(field, `${where} is not a GUID (like 7DF48871-E9DA-4FB2-9251-00035AD8483B)`);
	}
	return value;
}

function guidList(field: string, value: unknown): string[] {
	return textList(field, value).map((guid, position) => requireGuid(field, guid, position));
}

export function readHelloIdParams(ctx: IExecuteFunctions, itemIndex: number): HelloIdParams {
	const parameter = (name: string, fallback: unknown) => ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	// The name first: when several fields are wrong, the error names the one users look at first.
	const name = requireText('Name', parameter('name', ''), MAX_NAME_LENGTH);
	const managedBy = optionalText('Managed By User GUID', parameter('managedByUserGuid', ''), MAX_NAME_LENGTH);
	return {
		name,
		isEnabled: requireBoolean('Is Enabled', parameter('isEnabled', true)),
		isDefault: requireBoolean('Is Default', parameter('isDefault', false)),
		isQrEnabled: requireBoolean('Is QR Enabled', parameter('isQrEnabled', false)),
		managedByUserGuid: managedBy === undefined ? undefined : requireGuid('Managed By User GUID', managedBy),
		userNames: textList('User Names', parameter('userNames', '')),
		userGuids: guidList('User GUIDs', parameter('userGuids', '')),
		applicationNames: textList('Application Names', parameter('applicationNames', '')),
		applicationGuids: guidList('Application GUIDs', parameter('applicationGuids', '')),
	};
}

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
