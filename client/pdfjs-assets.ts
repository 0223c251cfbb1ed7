import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * pdf.js needs its character maps (CJK and other non-embedded CID fonts), the standard 14 fonts and its image
 * decoders at run time. They are copied into the build under /pdfjs/ and served from our own origin (the CSP
 * allows nothing else); in dev they are served straight from node_modules.
 */
const DIRS = ['cmaps', 'standard_fonts', 'wasm'] as const;
const SKIP = /^(quickjs|LICENSE_PDFJS_QUICKJS|LICENSE_QUICKJS)/; // scripting engine: never used (no scripting)

function pdfjsDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

export function pdfjsAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'phonghop-pdfjs-assets',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      const root = pdfjsDir();
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const rel = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\/+/, '');
        const [dir, ...rest] = rel.split('/');
        if (!DIRS.includes(dir as (typeof DIRS)[number]) || rest.some((p) => p === '..')) return next();
        const file = path.join(root, dir, ...rest);
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return next();
        if (file.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
        fs.createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      const root = pdfjsDir();
      for (const dir of DIRS) {
        fs.cpSync(path.join(root, dir), path.join(outDir, 'pdfjs', dir), { recursive: true, filter: (src) => !SKIP.test(path.basename(src)) });
      }
    },
  };
}
