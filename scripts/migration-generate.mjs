// Runs scripts/migration-generate.ts once per dialect (entity column types are fixed when entities load).
import { spawnSync } from 'node:child_process';

const name = process.argv[2];
const pgUrl = process.env.MIGRATION_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const stamp = String(Date.now());
for (const [dialect, url] of [['sqlite', ''], ['postgres', pgUrl]]) {
  const r = spawnSync(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'scripts/migration-generate.ts', name ?? '', dialect],
    { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url, MIGRATION_STAMP: stamp } },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
