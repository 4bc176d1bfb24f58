/** UI properties every group node shares: resource, operation, the Name field and the Options collection. */
import type { INodeProperties } from 'n8n-workflow';

const showForCreate = { show: { resource: ['group'], operation: ['create'] } };

export const resourceAndOperation: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Group', value: 'group' }],
		default: 'group',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [{ name: 'Create', value: 'create', action: 'Create a group', description: 'Create a new group' }],
		default: 'create',
	},
];

export function nameProperty(maxLength: number, description = 'Name of the group to create'): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Sales Team',
		description: `${description}. Leading and trailing spaces are removed; at most ${maxLength} characters.`,
		displayOptions: showForCreate,
	};
}

/** Shows a vendor field only for Group → Create. */
export function forCreate(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({ ...property, displayOptions: property.displayOptions ?? showForCreate }));
}

/** The same numbers as the defaults in the description below (a test keeps them equal). */
export const DEFAULTS = { concurrency: 5, maxRetries: 3, timeoutSeconds: 30 } as const;

/** The Options collection; vendors add their own entries (kept in alphabetical order by display name). */
export function optionsCollection(vendorOptions: INodeProperties[] = [], { canLookUp = true } = {}): INodeProperties {
	const shared: INodeProperties[] = [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 5,
			description: 'How many requests may be in flight at once',
		},
		{
			displayName: 'Include Raw Response',
			name: 'includeRawResponse',
			type: 'boolean',
			default: false,
			description: "Whether to add the vendor's unmodified response body to Created and Conflict items",
		},
		...(canLookUp
			? [
					{
						displayName: 'Look Up Existing Group',
						name: 'lookUpExisting',
						type: 'boolean',
						default: true,
						description:
							'Whether to look up the group that already holds the name when the vendor reports a conflict, so the Conflict item carries its ID',
					} as INodeProperties,
				]
			: []),
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description:
				'How often to re-send a request after a network error or an HTTP 429, 502, 503 or 504. A 429 that says when to come back (Retry-After) is waited out without using up retries.',
		},
		{
			displayName: 'On Conflict',
			name: 'onConflict',
			type: 'options',
			options: [
				{ name: 'Route to Conflict Output', value: 'route', description: 'Send the item to the Conflict output' },
				{ name: 'Fail the Item', value: 'fail', description: 'Treat the conflict as an error of the item' },
			],
			default: 'route',
			description: 'What to do when a group with the name already exists',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: 30,
			description: 'How long to wait for each answer before giving up on that attempt',
		},
	];
	const options = [...shared, ...vendorOptions].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showForCreate,
		options,
	};
}
