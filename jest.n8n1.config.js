/**
 * The fault cases, send-while-reading and Adaptive Concurrency's reading of 429s on n8n 1.x: `npm run test:n8n1`. The same harness and nodes, with n8n-core and
 * n8n-workflow (and n8n-core's own @n8n packages) of the 1.x line that n8n 1.123.81 ships, installed
 * as the aliases `n8n-core-v1` / `n8n-workflow-v1`.
 */
const base = require('./jest.config');

const V1_SCOPE = '<rootDir>/node_modules/n8n-core-v1/node_modules/@n8n';

module.exports = {
	...base,
	testMatch: ['**/test/hardening/network-faults.test.ts', '**/test/shared/send-while-reading.test.ts', '**/test/shared/adaptive-concurrency.test.ts'],
	// n8n-core 1.x keeps a handle open after a workflow run (jest's --detectOpenHandles names none), so
	// jest would wait for ever once the tests are done; they have all reported by then.
	forceExit: true,
	moduleNameMapper: {
		'^n8n-core$': '<rootDir>/node_modules/n8n-core-v1',
		'^n8n-workflow$': '<rootDir>/node_modules/n8n-workflow-v1',
		'^@n8n/(di|config|backend-common|constants|decorators|errors|client-oauth2)$': `${V1_SCOPE}/$1`,
	},
};
