import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes dist/offline-manifest.json: every file of the build (bundle, public files, the pdf.js assets copied by
 * pdfjs-assets.ts), which the service worker (public/sw.js) caches at install so the app opens with no network.
 * Runs after the other plugins have written their files (`order: 'post'` on closeBundle).
 */
export function offlineShell(): Plugin {
  let outDir = 'dist';
  return {
    name: 'phonghop-offline-shell',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const skip = new Set(['/index.html', '/sw.js', '/offline-manifest.json']);
        // [path, content hash]: the worker fetches again only what changed (/pdfjs/ files keep their names)
        const files = [['/', hashOf(path.join(outDir, 'index.html'))], ...walk(outDir).filter((f) => !skip.has(f)).map((f) => [f, hashOf(path.join(outDir, f))])];
        fs.writeFileSync(path.join(outDir, 'offline-manifest.json'), JSON.stringify({ files }));
      },
    },
  };
}

function hashOf(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('base64url').slice(0, 16);
}

function walk(root: string, rel = ''): string[] {
  return fs.readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const p = `${rel}/${e.name}`;
    return e.isDirectory() ? walk(root, p) : [p];
  });
}
