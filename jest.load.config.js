/**
 * The 10,000-item load run with random faults: `npm run test:load` (kept out of `npm test`).
 * Run under `node --expose-gc` and in band, so the test can measure the heap after a collection.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/load'],
	testMatch: ['**/*.load.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	testTimeout: 15 * 60_000,
};
