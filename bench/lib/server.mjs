// A plain-JS equivalent of test/support/server-process.ts (which is TypeScript and pulls in socket.io-client
// and @phonghop/shared types, so it cannot be imported from a plain .mjs outside Jest): starts the *built*
// server (`node server/dist/main.js`) on a free port with a fresh DATA_DIR, waits for /api/health.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SERVER_MAIN = path.join(ROOT, 'server/dist/main.js');
export const DEMO_PASSWORD = 'Demo@2026';

const ISOLATED = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'DATABASE_SCHEMA', 'SQLITE_PATH', 'REDIS_URL', 'NODE_NAME', 'CLIENT_DIST', 'ADMIN_PASSWORD'];
const live = new Set();
process.once('exit', () => {
  for (const s of live) {
    s.child.kill('SIGKILL');
    if (s.ownsDataDir) fs.rmSync(s.dataDir, { recursive: true, force: true });
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `port` and `dataDir` reuse those of a killed server (a restart); a given `dataDir` is the caller's to delete.
 * `nodeArgs` go before the script (e.g. `--cpu-prof`); `pollMs` is how often /api/health is asked while starting.
 * @returns {Promise<{ url: string, port: number, pid: number, dataDir: string, child: import('node:child_process').ChildProcess, healthyAt: number, output(): string, kill(signal?: NodeJS.Signals): Promise<void>, stop(): Promise<void> }>}
 */
export async function startServer({ env: extraEnv = {}, timeoutMs = 30_000, port: fixedPort, dataDir: givenDataDir, nodeArgs = [], pollMs = 200 } = {}) {
  if (!fs.existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} missing: run "npx nx run-many -t build" first`);
  const port = fixedPort ?? (await freePort());
  const ownsDataDir = !givenDataDir;
  const dataDir = givenDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-bench-'));
  const env = { ...process.env };
  for (const k of ISOLATED) delete env[k];
  Object.assign(env, { NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, FORCE_COLOR: '0', NO_COLOR: '1' }, extraEnv);
  const child = spawn(process.execPath, [...nodeArgs, SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const collect = (chunk) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const server = {
    url,
    port,
    pid: child.pid,
    dataDir,
    child,
    ownsDataDir,
    /** performance.timeOrigin + performance.now() of the first /api/health → 200. */
    healthyAt: 0,
    output: () => lines.slice(-60).join('\n'),
    /** Signals the process (SIGKILL: a crash) and resolves once it is gone; the data directory stays. */
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      live.delete(server);
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  live.add(server);
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await server.stop();
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${server.output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) {
        server.healthyAt = performance.timeOrigin + performance.now();
        return server;
      }
      lastError = `health → ${res.status}`;
    } catch (error) {
      lastError = String(error.cause ?? error);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  await server.stop();
  throw new Error(`server on ${url} not healthy within ${timeoutMs} ms (${lastError}):\n${server.output()}`);
}

/** Logs in through the real endpoint; returns the Cookie header value (`phonghop_sid=…`). */
export async function login(url, username = 'thuky', password = DEMO_PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** A draft meeting a week ahead, created by the secretary; returns its id. */
export async function createMeeting(url, cookie, title = 'Benchmark') {
  const day = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      title,
      kind: 'regular',
      startsAt: `${day}T08:00:00+07:00`,
      endsAt: `${day}T11:00:00+07:00`,
      location: 'Phòng họp số 1',
      organizer: 'Văn phòng UBND',
    }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`create meeting → ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

/**
 * Uploads a file from disk as the raw request body (streamed, with Content-Length), like the browser does.
 * Resolves with the answer and the timings: `sent_ms` = last body byte handed to the socket (≈ the transfer
 * on localhost), `total_ms` = until the full answer arrived.
 */
export function uploadFile(url, cookie, meetingId, file, { fileName = path.basename(file), summary = 'Tài liệu benchmark' } = {}) {
  const size = fs.statSync(file).size;
  const metadata = encodeURIComponent(JSON.stringify({ docType: 'tai_lieu_khac', summary }));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let sentMs = null;
    const req = http.request(`${url}/api/meetings/${meetingId}/documents`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/pdf',
        'content-length': String(size),
        'x-file-name': encodeURIComponent(fileName),
        'x-document-metadata': metadata,
      },
    });
    req.on('finish', () => (sentMs = performance.now() - started));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const totalMs = performance.now() - started;
        const text = Buffer.concat(chunks).toString('utf8');
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
        resolve({ status: res.statusCode, body, sent_ms: sentMs ?? totalMs, total_ms: totalMs, size });
      });
      res.on('error', reject);
    });
    fs.createReadStream(file, { highWaterMark: 1 << 20 }).on('error', reject).pipe(req);
  });
}
