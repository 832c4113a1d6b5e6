// One config, four tiers told apart by file name: *.spec.ts (unit, next to the code),
// test/**/*.e2e-spec.ts (end-to-end on real PostgreSQL and Redis), test/browser/*.browser-spec.ts
// (the web client in headless Chromium), test/smoke (SQLite).
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const { compileEsmPackagesForJest } = require('./test/support/esm-as-cjs');

const moduleNameMapper = {
  ...compileEsmPackagesForJest(__dirname),
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const base = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  // The e2e suites leave each app's module graph on the heap (Nest, MikroORM, BullMQ, nodemailer):
  // one process running them all grew past 1.9 GB by the twentieth suite and slowed to a crawl in
  // GC, enough for the last suites' real-time waits to run out. A worker that ends a suite above
  // this is replaced by a fresh one (and jest uses a worker even where it would run in band).
  workerIdleMemoryLimit: '1GB',
  // A worker gets 500 ms to exit after its last suite before jest kills it and warns of a leak. On the
  // two-core CI machine a worker holding a GB of e2e module graphs took longer now and then (session 21,
  // two of three runs warned after every suite had passed), while --detectOpenHandles over all e2e suites
  // found no open handle (session 22): the exit is slow, not stuck. jestjs/jest#11354.
  workerGracefulExitTimeout: 5000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
      setupFilesAfterEnv: ['<rootDir>/test/support/slow-tests.ts'],
    },
    {
      // The web client in Debian's Chromium (playwright-core) against the embedded app on a real port;
      // needs `npm run build:web` first (npm test and npm run test:browser do it).
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
      setupFilesAfterEnv: ['<rootDir>/test/support/slow-tests.ts'],
    },
    {
      ...base,
      displayName: 'smoke-sqlite',
      testMatch: ['<rootDir>/test/smoke/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/smoke-setup.js',
      setupFilesAfterEnv: ['<rootDir>/test/support/slow-tests.ts'],
    },
  ],
};
