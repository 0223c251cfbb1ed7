import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@phonghop/shared';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SERVER_MAIN = path.join(ROOT, 'server/dist/main.js');
export const DEMO_PASSWORD = 'Demo@2026';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface ServerProcess {
  url: string;
  port: number;
  /** Temp data directory (deleted on stop). */
  dataDir: string;
  child: ChildProcess;
  /** Last lines the server printed (stdout and stderr interleaved). */
  output(): string;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after 5 s; removes the temp data directory. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment, e.g. DATABASE_URL, DATABASE_SCHEMA, REDIS_URL, NODE_NAME (LOG_LEVEL defaults to warn). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

// Variables a developer's shell (or test:scale) may carry that must not leak into a test server unasked.
const ISOLATED = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'DATABASE_SCHEMA', 'SQLITE_PATH', 'REDIS_URL', 'NODE_NAME', 'CLIENT_DIST', 'ADMIN_PASSWORD'];
const live = new Set<ServerProcess>();

// Whatever happens to the test (failure, timeout, Ctrl-C), no server outlives the Jest worker.
process.once('exit', () => {
  for (const s of live) {
    s.child.kill('SIGKILL');
    fs.rmSync(s.dataDir, { recursive: true, force: true });
  }
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `node server/dist/main.js` (the production entry point) and waits for GET /api/health → 200. */
export async function startServer(options: StartOptions = {}): Promise<ServerProcess> {
  if (!fs.existsSync(SERVER_MAIN)) {
    throw new Error(`${SERVER_MAIN} does not exist: run "npx nx run-many -t build" first`);
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ISOLATED) delete env[k];
  Object.assign(env, { NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, FORCE_COLOR: '0', NO_COLOR: '1' }, options.env);

  const child = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const server: ServerProcess = {
    url,
    port,
    dataDir,
    child,
    output: () => lines.slice(-60).join('\n'),
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
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
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  live.add(server);

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await server.stop();
      throw new Error(`server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy:\n${server.output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return server;
      lastError = `health → ${res.status}`;
    } catch (error) {
      lastError = String((error as Error).cause ?? error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`server on ${url} not healthy within ${options.timeoutMs ?? 30_000} ms (${lastError}); its output:\n${server.output()}`);
}

/** Logs in through the real endpoint; returns the Cookie header value (`phonghop_sid=…`). */
export async function login(url: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} on ${url} → ${res.status} ${await res.text()}`);
  const set = res.headers.getSetCookie();
  if (set.length === 0) throw new Error(`login ${username} on ${url}: no Set-Cookie`);
  return set.map((c) => c.split(';')[0]).join('; ');
}

const sockets = new Set<ClientSocket>();

/** A Node Socket.IO client as a browser tab would be, authenticated by the session cookie (if any). */
export function socketClient(url: string, cookie?: string): ClientSocket {
  const socket: ClientSocket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  sockets.add(socket);
  socket.once('disconnect', () => sockets.delete(socket));
  return socket;
}

export function closeAllSockets(): void {
  for (const s of sockets) s.disconnect();
  sockets.clear();
}

/** Resolves with the first emission of `event` (or rejects after `ms`). */
export function nextEvent<T = unknown>(socket: ClientSocket, event: string, ms = 5000): Promise<T> {
  const emitter = socket as unknown as { once(e: string, cb: (arg: T) => void): unknown };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    emitter.once(event, (arg: T) => {
      clearTimeout(timer);
      resolve(arg);
    });
  });
}
