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
  /** The data directory: a temp one (deleted on stop) unless the caller passed its own. */
  dataDir: string;
  /** The current process (a new one after restart()). */
  readonly child: ChildProcess;
  /** Last lines the server printed (stdout and stderr interleaved, across restarts). */
  output(): string;
  /** kill -9, as a power cut would: resolves once the process is gone; the data directory stays for restart(). */
  crash(): Promise<void>;
  /** Starts the server again on the same port and data directory (after crash() or exit); resolves once healthy. */
  restart(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s; removes the temp data directory (not one the caller passed). Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra environment, e.g. DATABASE_URL, DATABASE_SCHEMA, REDIS_URL, NODE_NAME (LOG_LEVEL defaults to warn). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Listen on this port (default: a free one). */
  port?: number;
  /** Use this data directory; the caller owns it (stop() leaves it). Default: a temp directory stop() deletes. */
  dataDir?: string;
}

// Variables a developer's shell (or test:scale) may carry that must not leak into a test server unasked.
const ISOLATED = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'DATABASE_SCHEMA', 'SQLITE_PATH', 'REDIS_URL', 'NODE_NAME', 'CLIENT_DIST', 'ADMIN_PASSWORD'];
const live = new Map<ServerProcess, { ownsDataDir: boolean }>();

// Whatever happens to the test (failure, timeout, Ctrl-C), no server outlives the Jest worker.
process.once('exit', () => {
  for (const [s, { ownsDataDir }] of live) {
    s.child.kill('SIGKILL');
    if (ownsDataDir) fs.rmSync(s.dataDir, { recursive: true, force: true });
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

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Starts `node server/dist/main.js` (the production entry point) and waits for GET /api/health → 200. */
export async function startServer(options: StartOptions = {}): Promise<ServerProcess> {
  if (!fs.existsSync(SERVER_MAIN)) {
    throw new Error(`${SERVER_MAIN} does not exist: run "npx nx run-many -t build" first`);
  }
  const port = options.port ?? (await freePort());
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ISOLATED) delete env[k];
  Object.assign(env, { NODE_ENV: 'test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, FORCE_COLOR: '0', NO_COLOR: '1' }, options.env);

  const lines: string[] = [];
  let addressInUse = false;
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (text.includes('EADDRINUSE')) addressInUse = true;
    lines.push(...text.split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  let child!: ChildProcess;
  let exited!: Promise<void>;
  const spawnChild = () => {
    addressInUse = false;
    child = spawn(process.execPath, [SERVER_MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    // 'close', not 'exit': by then its output has been read to the end
    exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  };

  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let stopped = false;
  const server: ServerProcess = {
    url,
    port,
    dataDir,
    get child() {
      return child;
    },
    output: () => lines.slice(-60).join('\n'),
    async crash() {
      if (isRunning(child)) child.kill('SIGKILL');
      await exited;
    },
    async restart() {
      if (stopped) throw new Error(`server on ${url} was stopped; it cannot restart`);
      if (isRunning(child)) throw new Error(`server on ${url} is still running (pid ${child.pid}): crash() it first`);
      for (let attempt = 1; ; attempt++) {
        lines.push(`--- restart on port ${port} ---`);
        spawnChild();
        const problem = await waitHealthy();
        if (!problem) return;
        // While no server listens, a reconnecting client's outgoing connection may hold this very port for a
        // moment (an ephemeral port equal to it connects to itself): the new process cannot bind; try again.
        if (addressInUse && attempt < 5) {
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        await server.stop();
        throw new Error(problem);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (isRunning(child)) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      live.delete(server);
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };

  /** Resolves with nothing once healthy, or with what went wrong (the process exited, or no answer in time). */
  const waitHealthy = async (): Promise<string | undefined> => {
    const deadline = Date.now() + timeoutMs;
    let lastError = '';
    while (Date.now() < deadline) {
      if (!isRunning(child)) {
        await exited;
        return `server exited (code ${child.exitCode}, signal ${child.signalCode}) before it was healthy:\n${server.output()}`;
      }
      try {
        const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return undefined;
        lastError = `health → ${res.status}`;
      } catch (error) {
        lastError = String((error as Error).cause ?? error);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return `server on ${url} not healthy within ${timeoutMs} ms (${lastError}); its output:\n${server.output()}`;
  };

  spawnChild();
  live.set(server, { ownsDataDir });
  const problem = await waitHealthy();
  if (problem) {
    await server.stop();
    throw new Error(problem);
  }
  return server;
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

export interface SocketClientOptions {
  /**
   * Reconnect on its own after a drop, as a tablet's socket does (socket.io's backoff: 1 s doubling to 5 s,
   * randomised). Default false: a test that wants a fresh connection opens one.
   */
  reconnection?: boolean;
}

/** A Node Socket.IO client as a browser tab would be, authenticated by the session cookie (if any). */
export function socketClient(url: string, cookie?: string, options: SocketClientOptions = {}): ClientSocket {
  const socket: ClientSocket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: options.reconnection ?? false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  sockets.add(socket);
  // Forgotten only once it will not come back by itself (closed by us or the server, or reconnection off).
  socket.on('disconnect', () => {
    if (!socket.active || !socket.io.reconnection()) sockets.delete(socket);
  });
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
