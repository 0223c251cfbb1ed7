// Reads a V8 .cpuprofile: where the CPU time went, by package (self time) and by function (self and inclusive),
// so a benchmark can report its bottleneck in numbers. `node bench/lib/profile-summary.mjs file.cpuprofile` prints it.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '../..');

function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node:internal';
  const rel = url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
  if (rel.startsWith('server/dist/')) return 'server';
  if (rel.startsWith('shared/dist/')) return '@phonghop/shared';
  return rel.split('/')[0];
}

const label = (n) => {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url ? url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '').replace(`${ROOT}/`, '') : '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
};

/** Self time by package and by function, inclusive time by function (each sample counted once per function). */
export function summariseProfile(profile, { top = 25 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const inclusive = new Map();
  const byPackage = new Map();
  let total = 0;
  let idle = 0;
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = nodes.get(profile.samples[i]);
    total += us;
    if (node.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    add(self, label(node), us);
    add(byPackage, packageOf(node.callFrame.url, node.callFrame.functionName), us);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const key = label(nodes.get(id));
      if (seen.has(key) || key === '(root)') continue;
      seen.add(key);
      add(inclusive, key, us);
    }
  }
  const ms = (us) => Math.round(us / 100) / 10;
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
  const busy = total - idle;
  return {
    wall_ms: ms(total),
    busy_ms: ms(busy),
    idle_ms: ms(idle),
    self_by_package_ms: Object.fromEntries(sorted(byPackage).map(([k, v]) => [k, ms(v)])),
    top_self_ms: sorted(self).slice(0, top).map(([k, v]) => [k, ms(v)]),
    top_inclusive_ms: sorted(inclusive).slice(0, top).map(([k, v]) => [k, ms(v)]),
  };
}

/** Inclusive ms of the functions whose label matches each pattern (first match by size). */
export function inclusiveOf(summaryFull, patterns) {
  return Object.fromEntries(patterns.map((p) => [p, summaryFull.find(([k]) => k.includes(p))?.[1] ?? null]));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const s = summariseProfile(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')), { top: Number(process.argv[3] ?? 40) });
  console.log(JSON.stringify(s, null, 1));
}
