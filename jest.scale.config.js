/**
 * Real n8n in queue mode at scale: `npm run test:scale` (issue 13). Uses the e2e tooling and its n8n
 * installs in .cache/; in band, because the n8n processes need the machine's cores more than jest does.
 * Sizes are environment variables: see test/e2e/scale/knobs.ts.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e/scale'],
	testMatch: ['**/*.scale.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }] },
	maxWorkers: 1,
	testTimeout: 20 * 60_000,
	verbose: true,
};
