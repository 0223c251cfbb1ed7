import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offlineShell } from './offline-shell.ts';
import { pdfjsAssets } from './pdfjs-assets.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const server = process.env.API_TARGET ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), pdfjsAssets(), offlineShell()],
  resolve: {
    // Bundle the shared contracts from their TypeScript source (no separate build step needed).
    alias: { '@phonghop/shared': path.resolve(here, '../shared/src/index.ts') },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/socket.io': { target: server, ws: true, changeOrigin: false },
    },
  },
});
