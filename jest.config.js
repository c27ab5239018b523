/** Jest runs the TypeScript sources directly; esbuild strips the types (tsc checks them separately). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/support/esbuild-transform.js' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Errors and warnings must be expected by the test that causes them; nothing else reaches the output.
  setupFilesAfterEnv: ['<rootDir>/test/support/console.ts'],
  maxWorkers: 2,
  testTimeout: 30000,
};
