#!/usr/bin/env node
// Fails when package.json and package-lock.json disagree, so a dependency change without its lock
// update fails in CI instead of on a user's machine (`npm ci` would refuse such a lock).
// `npm ci --dry-run` is not enough: it accepts a dependency added to package.json but absent from
// the lock. Plain Node, no dependencies: it must run before anything else is trusted.
//
// Checks: every manifest dependency is pinned to an exact version (our policy, which also makes the
// comparison exact); the lock's root entry lists the same dependencies with the same specs; the
// locked package of each is at that version; the lock records other platforms' optional binaries
// (npm ci on another OS refuses a lock without them); and, when node_modules exists, `npm ls --all`
// finds the installed tree consistent with the lock.
'use strict';
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const problems = [];

const KINDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

if (lock.lockfileVersion < 3) problems.push(`lockfileVersion ${lock.lockfileVersion}: regenerate with npm 9 or later`);
const lockRoot = (lock.packages ?? {})[''] ?? {};
if (lock.name !== manifest.name || lockRoot.version !== manifest.version) {
  problems.push('the lock names another package or version than package.json');
}

for (const kind of KINDS) {
  const wanted = manifest[kind] ?? {};
  const locked = lockRoot[kind] ?? {};
  for (const [name, spec] of Object.entries(wanted)) {
    if (kind !== 'peerDependencies' && !EXACT.test(spec)) problems.push(`${kind}.${name}: "${spec}" is not an exact version`);
    if (locked[name] !== spec) {
      problems.push(`${kind}.${name}: package.json says "${spec}", the lock says ${locked[name] === undefined ? 'nothing' : `"${locked[name]}"`}`);
      continue;
    }
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry) problems.push(`${name}: not in the lock's packages`);
    else if (EXACT.test(spec) && entry.version !== spec) problems.push(`${name}: locked at ${entry.version}, package.json pins ${spec}`);
  }
  for (const name of Object.keys(locked)) {
    if (!(name in wanted)) problems.push(`${kind}.${name}: in the lock but no longer in package.json`);
  }
}

// A lock written on one platform with a plain `npm install` on an old npm may hold only that
// platform's binaries; npm ci elsewhere then refuses it. @swc/core stands for all of them.
const swc = lock.packages['node_modules/@swc/core'];
if (swc?.optionalDependencies) {
  const missing = Object.keys(swc.optionalDependencies).filter((n) => !lock.packages[`node_modules/${n}`]);
  if (missing.length) problems.push(`the lock lacks other platforms' optional packages: ${missing.join(', ')}`);
}

if (existsSync(join(root, 'node_modules')) && !process.argv.includes('--lock-only')) {
  const ls = spawnSync('npm', ['ls', '--all', '--include=dev', '--include=optional'], { cwd: root, encoding: 'utf8' });
  if (ls.status !== 0) {
    const lines = `${ls.stderr}`.split('\n').filter((l) => /invalid|missing|extraneous|ELSPROBLEMS/.test(l));
    problems.push(`npm ls: node_modules does not match the lock (run npm ci)\n  ${lines.slice(0, 10).join('\n  ')}`);
  }
}

if (problems.length) {
  console.error(`package-lock.json and package.json disagree:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('package-lock.json matches package.json');
