#!/usr/bin/env node
// `npm test [jest args]`: Jest over every project (shared, server, client, e2e) in native ESM mode.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

/** Projects named after --selectProjects (until the next flag); none means all. */
function selectedProjects(argv) {
  const i = argv.findIndex((a) => a === '--selectProjects' || a.startsWith('--selectProjects='));
  if (i === -1) return null;
  if (argv[i].includes('=')) return argv[i].split('=')[1].split(',');
  const out = [];
  for (const a of argv.slice(i + 1)) {
    if (a.startsWith('-')) break;
    out.push(a);
  }
  return out;
}

const projects = selectedProjects(args);
if ((projects === null || projects.includes('e2e')) && !fs.existsSync(CHROMIUM)) {
  console.error(
    `\n✖ Chromium not found at ${CHROMIUM}: the e2e (browser) tests need it.\n` +
      `  Install it with:  apt-get install -y chromium\n` +
      `  (or run only the other projects: npm run test:unit)\n`,
  );
  process.exit(1);
}

const jest = spawn(
  process.execPath,
  ['--experimental-vm-modules', path.join(root, 'node_modules/jest/bin/jest.js'), ...args],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false', NX_NO_CLOUD: 'true' } },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => jest.kill(signal));
jest.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
