/** UI properties every group node shares: resource, operation, the Name field and the Options collection. */
import type { INodeProperties } from 'n8n-workflow';

import { AUTO_MAP, DATA_MODE, DEFINE_BELOW } from './fields';

const showForCreate = { show: { resource: ['group'], operation: ['create'] } };
/** A group field of Group → Create: shown while the fields are mapped one by one (not with Auto-Map). */
const showForCreateFields = { show: { ...showForCreate.show, [DATA_MODE]: [DEFINE_BELOW] } };
const showForGet = { show: { resource: ['group'], operation: ['get'] } };
const showForGetMany = { show: { resource: ['group'], operation: ['getAll'] } };
const showForReads = { show: { resource: ['group'], operation: ['get', 'getAll'] } };
const showForEveryOperation = { show: { resource: ['group'] } };

/** The operations that read groups (one output each); Create has two. */
export const READ_OPERATIONS = ['get', 'getAll'] as const;
export type ReadOperation = (typeof READ_OPERATIONS)[number];

/**
 * The node's outputs, computed by n8n from the operation: Created and Conflict for Create, one output
 * for Get and Get Many (n8n adds its error output after them under "Continue (using error output)").
 * `outputNames` cannot follow an expression, so the display names are in the output objects. A
 * workflow saved without `operation` (its default) is a Create.
 */
export const OUTPUTS_BY_OPERATION =
	'={{ ["get", "getAll"].includes($parameter["operation"]) ? [{ "type": "main" }] : [{ "type": "main", "displayName": "Created" }, { "type": "main", "displayName": "Conflict" }] }}';

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

/**
 * Resource and operation for a node that can list its vendor's groups: Create, Get (one group by its
 * exact name) and Get Many. `listing` says in the vendor's words what the list holds and how Get matches.
 * The actions name the vendor ("Create a group in Assembla"): n8n names a node added from the node
 * panel after its action, and five nodes all called "Create a group" are told apart by icon only.
 */
export function resourceAndOperations(listing: { vendor: string; getDescription: string; getManyDescription: string }): INodeProperties[] {
	const [resource, operation] = resourceAndOperation;
	const { vendor } = listing;
	return [
		resource,
		{
			...operation,
			options: [
				{ name: 'Create', value: 'create', action: `Create a group in ${vendor}`, description: `Create a new group in ${vendor}` },
				{ name: 'Get', value: 'get', action: `Get a group in ${vendor}`, description: listing.getDescription },
				{ name: 'Get Many', value: 'getAll', action: `Get many groups in ${vendor}`, description: listing.getManyDescription },
			],
		},
	];
}

/**
 * The line the canvas shows under the node's name: the vendor and what the node does ("Assembla:
 * Create group"), so a renamed node still says where it writes. n8n's own nodes show
 * "operation: resource" here; the vendor comes first because our five nodes share one resource.
 */
export function subtitleOf(vendor: string): string {
	return `={{ "${vendor}: " + ({ "create": "Create group", "get": "Get group", "getAll": "Get many groups" })[$parameter["operation"]] }}`;
}

/** The Name field (parameter `name`) of one operation; its value is trimmed and bounded the same way for all. */
function nameField(description: string, maxLength: number, displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Sales Team',
		description: `${description}. Leading and trailing spaces are removed; at most ${maxLength} characters.`,
		displayOptions,
	};
}

/** Name for Group → Get: the exact name sought, compared as `comparison` says. */
export function getNameProperty(maxLength: number, comparison: string): INodeProperties {
	return nameField(`Name of the group to get (${comparison})`, maxLength, showForGet);
}

/** Return All and Limit of Group → Get Many, as n8n's own nodes have them. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showForGetMany,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...showForGetMany.show, returnAll: [false] } },
	},
];

export function nameProperty(maxLength: number, description = 'Name of the group to create'): INodeProperties {
	return nameField(description, maxLength, showForCreateFields);
}

/** The Additional Fields collection of Group → Create: a vendor's optional fields under their own names. */
export function additionalFieldsCollection(options: INodeProperties[], description?: string): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...(description === undefined ? {} : { description }),
		options,
	};
}

/** Shows a vendor field only for Group → Create. */
export function forCreate(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({ ...property, displayOptions: property.displayOptions ?? showForCreateFields }));
}

/**
 * n8n's usual choice between mapping each field and taking the fields from the input (the words of
 * its Postgres and Google Sheets nodes): a sheet with columns named like the fields needs no expressions.
 */
export function dataModeProperty(example: string): INodeProperties {
	return {
		displayName: 'Mapping Mode',
		name: DATA_MODE,
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Map Each Field Below',
				value: DEFINE_BELOW,
				description: 'Set the value of each field by hand or with an expression',
			},
			{
				name: 'Auto-Map Input Data to Fields',
				value: AUTO_MAP,
				description: `Take each field from the input column of the same name (${example}); other columns are ignored`,
			},
		],
		default: DEFINE_BELOW,
		description: 'Whether to set the group fields one by one or take them from the input items by their names',
		displayOptions: showForCreate,
	};
}

/** Shows a vendor field for every operation (a filter the list uses too: Assembla's portfolio, Taleo Learn's learn center). */
export function forEveryOperation(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({ ...property, displayOptions: showForEveryOperation }));
}

/** The same numbers as the defaults in the description below (a test keeps them equal). */
export const DEFAULTS = { concurrency: 20, maxRetries: 3, timeoutSeconds: 30 } as const;

/**
 * The Options collection of Group → Get and Group → Get Many (a property of the same name as Create's,
 * shown for the other operations): Max Retries and Timeout, plus the vendor's (Capillary's API Path).
 */
export function readOptionsCollection(vendorOptions: INodeProperties[] = []): INodeProperties {
	const create = optionsCollection();
	const shared = (create.options as INodeProperties[]).filter((option) => ['maxRetries', 'timeout'].includes(option.name));
	return {
		...create,
		displayOptions: showForReads,
		options: [...shared, ...vendorOptions].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The Options collection; vendors add their own entries (kept in alphabetical order by display name). */
export function optionsCollection(vendorOptions: INodeProperties[] = [], { canLookUp = true } = {}): INodeProperties {
	const shared: INodeProperties[] = [
		{
			displayName: 'Adaptive Concurrency',
			name: 'adaptiveConcurrency',
			type: 'boolean',
			default: true,
			description:
				'Whether to start with 5 requests in flight and raise the number up to Concurrency while answers take at most twice as long as the fastest round of answers, halving it after a 429 or 503. Off: always Concurrency requests in flight.',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50 },
			default: 20,
			description: 'How many requests may be in flight at once (with Adaptive Concurrency on, the most it rises to)',
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
