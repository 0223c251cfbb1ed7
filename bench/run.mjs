#!/usr/bin/env node
// `npm run bench -- <name> [--no-build]`: builds (Nx, cached), runs bench/<name>.mjs, prints its summary and
// writes bench/results/<name>.json with the machine it ran on. A benchmark module exports
// `default async function ({ log, root, cacheDir }) → { summary, notes?, ...details }`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, 'bench');
const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--'));
const available = fs
  .readdirSync(benchDir)
  .filter((f) => /\.(mjs|ts)$/.test(f) && f !== 'run.mjs')
  .map((f) => f.replace(/\.(mjs|ts)$/, ''));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [--no-build]\n  benchmarks: ${available.join(', ')}`);
  process.exit(2);
}

if (!args.includes('--no-build')) {
  console.log('▸ build (nx, cached)');
  const r = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_NO_CLOUD: 'true' },
  });
  if (r.status !== 0) {
    console.error('✖ build failed');
    process.exit(1);
  }
}

const file = fs.existsSync(path.join(benchDir, `${name}.mjs`)) ? `${name}.mjs` : `${name}.ts`;
if (file.endsWith('.ts')) {
  // TypeScript benchmarks: rerun this script under the SWC loader.
  if (!process.env.BENCH_TS_LOADED) {
    const r = spawnSync(process.execPath, ['--import', '@swc-node/register/esm-register', ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_TS_LOADED: '1' },
    });
    process.exit(r.status ?? 1);
  }
}

const cacheDir = path.join(benchDir, '.cache');
fs.mkdirSync(cacheDir, { recursive: true });
const log = (...parts) => console.log('  ', ...parts);
const started = Date.now();
const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
console.log(`▸ bench ${name}`);
const mod = await import(pathToFileURL(path.join(benchDir, file)).href);
const result = await mod.default({ log, root, cacheDir });
const durationS = Math.round((Date.now() - started) / 100) / 10;

const cpus = os.cpus();
const output = {
  name,
  date: new Date().toISOString(),
  duration_s: durationS,
  machine: {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model ?? 'unknown',
    total_memory_mb: Math.round(os.totalmem() / 1048576),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // Other work on the machine skews the figures: 1/5/15-minute load averages before and after the run.
    load_average_before: loadBefore,
    load_average_after: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
  ...result,
};
const outDir = path.join(benchDir, 'results');
fs.mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, `${name}.json`);
fs.writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);

console.log(`\n━━ ${name}: summary (${durationS} s, load average ${loadBefore[0]} → ${output.machine.load_average_after[0]} on ${cpus.length} CPUs) ━━`);
const width = Math.max(...Object.keys(result.summary).map((k) => k.length));
for (const [k, v] of Object.entries(result.summary)) console.log(`  ${k.padEnd(width)}  ${v}`);
if (result.notes?.length) {
  console.log('\n  notes:');
  for (const n of result.notes) console.log(`  - ${n}`);
}
console.log(`\n  → ${path.relative(root, outFile)}`);
// Playwright or stray handles must not keep a finished run alive.
process.exit(0);
