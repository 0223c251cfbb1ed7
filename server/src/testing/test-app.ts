import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@phonghop/shared';
import { createApp } from '../app.factory.js';
import type { Clock } from '../common/clock.js';
import { type AppConfig, loadConfig } from '../config/env.js';
import { DEMO_PASSWORD } from '../users/demo-accounts.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  url: string;
  /** Logs in through the real endpoint and returns the Cookie header value. */
  login(username: string, password?: string): Promise<string>;
  request(method: string, path: string, init?: { cookie?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** Where this app keeps its files (a fresh temp dir, removed on close). */
  dataDir: string;
  /** The app's own DataSource, for a test that reads or writes rows directly. */
  dataSource: DataSource;
  socket(cookie: string | undefined, options?: { origin?: string }): TestSocket;
  close(): Promise<void>;
}

/**
 * A real server on a random port: real migrations on SQLite `:memory:` by default, or on PostgreSQL in a
 * schema of its own when DATABASE_URL is set (the scale-out run executes the same suites there).
 */
export async function startTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const pgUrl = process.env.DATABASE_URL;
  let schema: string | undefined;
  if (pgUrl) {
    schema = `t_${randomBytes(6).toString('hex')}`;
    await withPg(pgUrl, (c) => c.query(`CREATE SCHEMA ${schema}`));
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SQLITE_PATH: ':memory:',
    LOG_LEVEL: 'error',
    // Each test builds the meetings it needs; the demo meeting would only slow every app start.
    DEMO_MEETING: 'false',
    ...(pgUrl ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema } : {}),
    ...options.env,
  });
  const app = await createApp(config, { clock: options.clock, logger: false, serveClient: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const sockets: TestSocket[] = [];

  const request: TestApp['request'] = (method, route, init = {}) => {
    const raw = typeof init.body === 'string' || init.body instanceof Uint8Array;
    return fetch(url + route, {
      method,
      headers: {
        ...(init.body !== undefined && !raw ? { 'content-type': 'application/json' } : {}),
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : raw ? (init.body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(init.body),
    });
  };

  return {
    app,
    config,
    url,
    request,
    dataDir,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    async login(username, password = DEMO_PASSWORD) {
      const res = await request('POST', '/api/auth/login', { body: { username, password } });
      if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${await res.text()}`);
      return cookieFrom(res);
    },
    socket(cookie, socketOptions = {}) {
      const socket: TestSocket = io(url, {
        path: '/socket.io',
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: {
          ...(cookie ? { cookie } : {}),
          ...(socketOptions.origin ? { origin: socketOptions.origin } : {}),
        },
      });
      sockets.push(socket);
      return socket;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (pgUrl && schema) await withPg(pgUrl, (c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

export function cookieFrom(res: Response): string {
  const set = res.headers.getSetCookie();
  if (set.length === 0) throw new Error('no Set-Cookie in response');
  return set.map((c) => c.split(';')[0]).join('; ');
}

async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Resolves with the first emission of `event` (or rejects after `ms`). */
export function nextEvent<T = unknown>(socket: object, event: string, ms = 5000): Promise<T> {
  // Typed sockets only accept their own event names; tests also wait for reserved ones (connect_error).
  const emitter = socket as { once: (e: string, cb: (arg: T) => void) => unknown };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    emitter.once(event, (arg: T) => {
      clearTimeout(timer);
      resolve(arg);
    });
  });
}
