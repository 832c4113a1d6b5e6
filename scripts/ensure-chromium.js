#!/usr/bin/env node
// The browser tests drive Debian's Chromium through playwright-core (npm downloads no browser). On a
// machine without it, install it the way the tests start a private PostgreSQL or Redis when none
// answers: from the system's packages when we may (root, or sudo without a password), otherwise stop
// with the command to run. CHROMIUM_PATH points the tests at another build.
'use strict';
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
if (process.env.CHROMIUM_PATH) fail(`no Chromium at CHROMIUM_PATH=${path}`);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = root ? [] : ['sudo', '-n'];
const run = (...args) => {
  const [cmd, ...rest] = [...sudo, ...args];
  return spawnSync(cmd, rest, { stdio: 'inherit' }).status === 0;
};
if (!existsSync('/usr/bin/apt-get')) fail('no Chromium and no apt-get to install it');
console.log('Installing Debian chromium for the browser tests…');
const install = () => run('apt-get', 'install', '-y', '--no-install-recommends', 'chromium');
if (!(install() || (run('apt-get', 'update') && install())) || !existsSync(path)) fail('could not install chromium with apt-get');

function fail(why) {
  console.error(`${why}: install it with \`sudo apt-get install -y --no-install-recommends chromium\` or set CHROMIUM_PATH`);
  process.exit(1);
}
