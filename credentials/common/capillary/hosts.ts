/**
 * Where a Capillary credential points: one of the regional API hosts, or a custom host (a cluster
 * such as eucrm.cc.capillarytech.com, or a test server). Both credential types share this.
 */
import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

import { InputError, requireBaseUrl, requireHostname } from '../../../nodes/shared/validate';

/** Region key (stored in the credential) → API host. Keys never change once released. */
export const REGION_HOSTS = {
	india: 'apac.api.capillarytech.com',
	apac2: 'apac2.api.capillarytech.com',
	eu: 'eu.api.capillarytech.com',
	us: 'us.api.capillarytech.com',
	china: 'api.capillarytech.cn.com',
} as const;

export type Region = keyof typeof REGION_HOSTS;

export const CUSTOM_HOST = 'custom';

const HOST_FIELD = 'Host';
const CUSTOM_HOST_FIELD = 'Custom Host';

/** The Host and Custom Host fields both credential types start with. */
export const hostProperties: INodeProperties[] = [
	{
		displayName: HOST_FIELD,
		name: 'region',
		type: 'options',
		// Written out (not mapped from REGION_HOSTS) so n8n's linter can check them; a unit test keeps both equal.
		options: [
			{ name: 'APAC2 (apac2.api.capillarytech.com)', value: 'apac2' },
			{ name: 'China (api.capillarytech.cn.com)', value: 'china' },
			{ name: 'Custom Host', value: 'custom' },
			{ name: 'EU (eu.api.capillarytech.com)', value: 'eu' },
			{ name: 'India / APAC (apac.api.capillarytech.com)', value: 'india' },
			{ name: 'US (us.api.capillarytech.com)', value: 'us' },
		],
		default: 'india',
		description: 'The API host of the region your Capillary organisation lives in',
	},
	{
		displayName: CUSTOM_HOST_FIELD,
		name: 'customHost',
		type: 'string',
		default: '',
		placeholder: 'e.g. eucrm.cc.capillarytech.com',
		description:
			'A host name (reached over https), or a full base URL starting with https:// (http:// only for localhost, e.g. a test server)',
		displayOptions: { show: { region: [CUSTOM_HOST] } },
	},
];

function isRegion(value: unknown): value is Region {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REGION_HOSTS, value);
}

/**
 * The base URL every request of the credential starts with, without a trailing slash. A custom
 * value is a bare host name (https is added) or a URL that is https, or http towards this machine:
 * secrets never travel unencrypted to another host.
 */
export function capillaryBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const { region, customHost } = credentials;
	if (region === undefined || region === '') return `https://${REGION_HOSTS.india}`;
	if (isRegion(region)) return `https://${REGION_HOSTS[region]}`;
	if (region !== CUSTOM_HOST) {
		throw new InputError(HOST_FIELD, `"${HOST_FIELD}" must be one of ${Object.keys(REGION_HOSTS).join(', ')} or custom`);
	}
	if (typeof customHost === 'string' && customHost.includes('://')) {
		return requireBaseUrl(CUSTOM_HOST_FIELD, customHost, 'https-or-loopback');
	}
	return `https://${requireHostname(CUSTOM_HOST_FIELD, customHost)}`;
}

/**
 * The same base URL as an n8n expression, for the credential test request (n8n resolves it before
 * any code of ours runs; the authenticate step and the token fetch then check it with
 * `capillaryBaseUrl`, so nothing secret is sent where that would refuse to).
 */
export const BASE_URL_EXPRESSION =
	`={{ $credentials.region === "${CUSTOM_HOST}" ` +
	`? ($credentials.customHost.includes("://") ? $credentials.customHost.trim() : "https://" + $credentials.customHost.trim()) ` +
	`: "https://" + (${JSON.stringify(REGION_HOSTS)}[$credentials.region] || "${REGION_HOSTS.india}") }}`;
