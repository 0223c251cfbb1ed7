#!/usr/bin/env node
// `npm run dev`: the server straight from TypeScript (SWC keeps decorator metadata; `source` resolves
// @phonghop/shared to its .ts), serving the last client build. For the client with hot reload, run
// `npm run dev -w @phonghop/client` beside it (Vite proxies /api and /socket.io here).
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const server = spawn(
  process.execPath,
  ['--conditions=source', '--import', '@swc-node/register/esm-register', 'server/src/main.ts'],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 1));
