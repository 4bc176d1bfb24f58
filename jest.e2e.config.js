/**
 * Real-n8n end-to-end tests: `npm run test:e2e`. Installs n8n 2.x and 1.x into .cache/ on first use
 * (minutes), then runs everything in band: n8n processes need the machine's cores more than jest does.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }] },
	maxWorkers: 1,
	testTimeout: 180000,
	verbose: true,
};
