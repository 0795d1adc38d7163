// End-to-end tests drive the real HTTP server against a real database: PGlite servers started in
// globalSetup (one per worker), or, with DATABASE_URL set, a fresh PostgreSQL database per test file.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swc = JSON.parse(readFileSync(join(__dirname, '../../.swcrc'), 'utf8'));
delete swc.$schema;
swc.module = { type: 'commonjs', ignoreDynamic: true };

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    // jose is ES-module only: Node >= 20.19 requires it natively, jest's sandbox on Node 20 cannot.
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } }, swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
  // A failure prints the whole story of a request; keep the summary readable.
  verbose: false,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
