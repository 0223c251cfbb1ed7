import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LoginFailureEntity } from '../auth/login-failure.entity.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { DbWriter } from './db-writer.js';

const onSqlite = !process.env.DATABASE_URL;

describe('DbWriter', () => {
  let t: TestApp;
  let dir: string;
  let writer: DbWriter;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-writer-'));
    // A real file in WAL mode, as in production (":memory:" has no WAL).
    t = await startTestApp({ env: { SQLITE_PATH: path.join(dir, 'writes.sqlite') } });
    writer = t.app.get(DbWriter);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const row = (username: string) => ({ id: randomUUID(), username, ip: '127.0.0.1', at: new Date() });

  it('commits 200 concurrent read-then-write transactions, all of them', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        writer.transaction(async (em) => {
          const before = await em.count(LoginFailureEntity, { where: { username: 'concurrent' } });
          await em.insert(LoginFailureEntity, row('concurrent'));
          return before;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await t.dataSource.getRepository(LoginFailureEntity).count({ where: { username: 'concurrent' } })).toBe(200);
    if (onSqlite) {
      // Serialised: each transaction saw every earlier one, so the counts seen are exactly 0..199.
      const seen = results.map((r) => (r.status === 'fulfilled' ? r.value : -1)).sort((a, b) => a - b);
      expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => i));
    }
  });

  it('rolls back a failed transaction without disturbing the ones queued around it', async () => {
    const ok1 = writer.transaction((em) => em.insert(LoginFailureEntity, row('around')));
    const failing = writer.transaction(async (em) => {
      await em.insert(LoginFailureEntity, row('around'));
      throw new Error('boom');
    });
    const ok2 = writer.transaction((em) => em.insert(LoginFailureEntity, row('around')));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all([ok1, ok2]);
    expect(await t.dataSource.getRepository(LoginFailureEntity).count({ where: { username: 'around' } })).toBe(2);
  });

  (onSqlite ? it : it.skip)('is needed: the same 200 transactions straight on the shared SQLite connection fail', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        t.dataSource.transaction(async (em) => {
          await em.count(LoginFailureEntity);
          await em.insert(LoginFailureEntity, row('unsafe'));
        }),
      ),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.map((r) => String(r.reason)).join('\n')).toMatch(/transaction within a transaction|Transaction is not started/);
  });

  (onSqlite ? it : it.skip)('runs SQLite in WAL mode with a busy timeout', async () => {
    expect(await t.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await t.dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
  });
});
