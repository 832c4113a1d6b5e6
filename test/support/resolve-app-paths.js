// Jest applies moduleNameMapper to test files only, not to globalSetup/globalTeardown; these
// hooks load our libraries through the same `@app/<lib>` aliases, so map them here the same way.
const Module = require('node:module');
const path = require('node:path');

const libs = path.resolve(__dirname, '../../libs');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@app\/([a-z-]+)(?:\/(.*))?$/.exec(request);
  if (m) request = path.join(libs, m[1], 'src', m[2] ?? '');
  return original.call(this, request, ...rest);
};
