/**
 * The credential dialog's Test for both Capillary credentials: a one-group page of the list beside the
 * node's default create path (API Path "core"), so the Test asks the path family the node will use.
 * n8n shows a rule's message as it stands (no expressions), so a failing Test names the path it tried
 * and points at the credential's Host field for the host; n8n's own words cover other statuses.
 */
import type { ICredentialTestRequest, IAuthenticateRuleResponseCode } from 'n8n-workflow';

import { BASE_URL_EXPRESSION } from './hosts';
import { API_PATHS, DEFAULT_API_PATH } from './paths';

/** The node's default API Path (its `apiPathOption` defaults to the same constant): the Test follows it. */
export const CREDENTIAL_TEST_PATH = API_PATHS[DEFAULT_API_PATH];

const tried = `GET ${CREDENTIAL_TEST_PATH}?page=0&size=1 on the host chosen in Host (or Custom Host)`;

const rule = (value: number, what: string): IAuthenticateRuleResponseCode => ({
	type: 'responseCode',
	properties: { value, message: `Capillary answered HTTP ${value} to ${tried}: ${what}` },
});

export const capillaryCredentialTest: ICredentialTestRequest = {
	request: {
		baseURL: BASE_URL_EXPRESSION,
		url: CREDENTIAL_TEST_PATH,
		qs: { page: 0, size: 1 },
	},
	rules: [
		rule(401, 'the credential was refused. Check the user name and password (or client key and secret).'),
		rule(403, 'this credential may not read reward groups.'),
		rule(404, 'there is no group API at this path on this host. Check the Host; if your organisation only has the newer path, the node\'s API Path option "Rewards Core" uses it.'),
		rule(429, 'the rate limit was reached; try again in a minute.'),
		rule(500, 'the server had an error.'),
		rule(502, 'the host is unreachable behind its gateway.'),
		rule(503, 'the host is unavailable.'),
	],
};
