#!/usr/bin/env node
// Copies the non-TypeScript files of server/src (JSON, SQL, .mjs workers, ...) into server/dist, keeping
// their paths. SWC only compiles .ts; anything else the server reads at run time must be copied. Safe to run
// when there is nothing to copy. Run from server/ (npm workspace script) or from anywhere: paths are fixed.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'server', 'src');
const dist = path.join(root, 'server', 'dist');
const ASSET = /\.(json|sql|mjs|cjs|html|txt|csv|ttf|otf|woff2?|png|jpe?g|svg|pdf|hbs)$/i;
const SKIP_DIR = new Set(['node_modules', 'testing', '__fixtures__']);

let copied = 0;
function walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIR.has(entry.name)) walk(from);
      continue;
    }
    if (!entry.isFile() || !ASSET.test(entry.name) || /\.(spec|test)\./.test(entry.name)) continue;
    const to = path.join(dist, path.relative(src, from));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    copied++;
  }
}

walk(src);
if (copied > 0) console.log(`copy-assets: ${copied} file(s) server/src → server/dist`);
