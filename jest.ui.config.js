/**
 * The editor in a real browser: `npm run test:ui`. Starts n8n 2.x with the package (as `npm start`
 * does) and drives Debian's Chromium through playwright-core; in band, one n8n at a time.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }] },
	maxWorkers: 1,
	testTimeout: 180000,
	verbose: true,
};
