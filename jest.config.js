/** Tests are TypeScript, transformed by esbuild (type checking is `npm run typecheck`, with tsc 5). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/tools'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/esbuild-transform.js' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  collectCoverageFrom: ['<rootDir>/src/**/*.ts'],
  coverageReporters: ['text-summary', 'html'],
};
