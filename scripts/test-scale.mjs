#!/usr/bin/env node
// `npm run test:scale`: the server's integration suites again on PostgreSQL, then the multi-process tests
// (two server nodes sharing PostgreSQL + Redis). Needs DATABASE_URL and REDIS_URL.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const missing = ['DATABASE_URL', 'REDIS_URL'].filter((k) => !process.env[k]);
if (missing.length > 0) {
  console.error(
    `\n✖ test:scale needs ${missing.join(' and ')}, e.g.\n` +
      `  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 npm run test:scale\n`,
  );
  process.exit(1);
}

const jest = (label, args) => {
  console.log(`\n━━ test:scale — ${label} ━━\n`);
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', path.join(root, 'node_modules/jest/bin/jest.js'), ...args],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false', NX_NO_CLOUD: 'true' } },
  );
  console.log(`━━ ${label}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ━━`);
  return r.status ?? 1;
};

const extra = process.argv.slice(2);
const a = jest('(a) server suites on PostgreSQL', ['--selectProjects', 'server', '--runInBand', ...extra]);
const b = jest('(b) two server nodes, PostgreSQL + Redis', ['-c', 'jest.scale.config.js', '--runInBand', ...extra]);
if (a !== 0 || b !== 0) {
  console.error(`\n✖ test:scale failed: (a) server suites on PostgreSQL ${a === 0 ? 'ok' : 'FAILED'}, (b) two nodes ${b === 0 ? 'ok' : 'FAILED'}`);
  process.exit(1);
}
console.log('\n✔ test:scale passed');
