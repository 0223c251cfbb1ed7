import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { AnnouncementEvent, HealthDto, SessionInfo, WelcomeEvent } from '@phonghop/shared';
import { closeAllSockets, login, nextEvent, type ServerProcess, socketClient, startServer } from '../support/server-process.js';

/**
 * Scale-out acceptance: two server processes (node "a" and node "b") behind one PostgreSQL schema and one
 * Redis. Whatever a client does through one node must be seen by clients connected to the other.
 */
const DATABASE_URL = process.env.DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL;
if (!DATABASE_URL || !REDIS_URL) throw new Error('two-nodes.scale.ts needs DATABASE_URL and REDIS_URL (run it through npm run test:scale)');

const schema = `s_${randomBytes(6).toString('hex')}`;
let db: pg.Client;
let nodeA: ServerProcess | undefined;
let nodeB: ServerProcess | undefined;

const sharedEnv = { DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL, LOG_LEVEL: 'warn' };

beforeAll(async () => {
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  await db.query(`CREATE SCHEMA ${schema}`);
  // A first, alone: it migrates the empty schema and seeds the demo accounts. Then B finds nothing to do.
  nodeA = await startServer({ env: { ...sharedEnv, NODE_NAME: 'a' } });
  nodeB = await startServer({ env: { ...sharedEnv, NODE_NAME: 'b' } });
}, 90_000);

afterAll(async () => {
  closeAllSockets();
  await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  if (db) {
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await db.end();
  }
}, 30_000);

const a = () => nodeA!;
const b = () => nodeB!;

describe('two server nodes sharing PostgreSQL and Redis', () => {
  it('both nodes report PostgreSQL and the Redis realtime adapter', async () => {
    for (const node of [a(), b()]) {
      const res = await fetch(`${node.url}/api/health`);
      expect(res.status).toBe(200);
      expect((await res.json()) as HealthDto).toMatchObject({ status: 'ok', db: 'postgres', realtime: 'redis' });
    }
  });

  it('migrations ran once on PostgreSQL, in the test schema, and the 10 demo accounts were seeded', async () => {
    const migrations = await db.query<{ name: string }>(`SELECT name FROM ${schema}.migrations`);
    expect(migrations.rowCount).toBeGreaterThanOrEqual(1);
    expect(new Set(migrations.rows.map((r) => r.name)).size).toBe(migrations.rowCount); // none applied twice
    const users = await db.query<{ username: string }>(`SELECT username FROM ${schema}.users ORDER BY username`);
    expect(users.rows.map((r) => r.username)).toEqual(
      ['admin', 'chutich', 'cvp.son', 'maychieu', 'pct.lan', 'pct.nam', 'thuky', 'tp.noivu', 'tp.taichinh', 'tp.tuphap'].sort(),
    );
  });

  it('a session created by logging in on node A is valid on node B', async () => {
    const cookie = await login(a().url, 'admin');
    const res = await fetch(`${b().url}/api/auth/session`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as SessionInfo).user.username).toBe('admin');
    const anonymous = await fetch(`${b().url}/api/auth/session`);
    expect(anonymous.status).toBe(401);
  });

  it('an announcement sent by the admin through node A reaches a member connected to node B', async () => {
    const adminCookie = await login(a().url, 'admin');
    const memberCookie = await login(b().url, 'chutich');

    const admin = socketClient(a().url, adminCookie);
    const member = socketClient(b().url, memberCookie);
    const [welcomeA, welcomeB] = await Promise.all([
      nextEvent<WelcomeEvent>(admin, 'session:welcomed'),
      nextEvent<WelcomeEvent>(member, 'session:welcomed'),
    ]);
    expect(welcomeA.node).toBe('a');
    expect(welcomeB.node).toBe('b');

    const message = `Họp toàn thể lúc 14:00 — ${randomBytes(4).toString('hex')}`;
    const received = nextEvent<AnnouncementEvent>(member, 'system:announced', 10_000);
    const ack = await admin.timeout(5000).emitWithAck('system:announce', { message });
    expect(ack).toMatchObject({ ok: true });
    const event = await received;
    expect(event.message).toBe(message);
    expect(event.fromName).toEqual(expect.any(String));
    expect(event.fromName.length).toBeGreaterThan(0);
    admin.disconnect();
    member.disconnect();
  });

  it('node B refuses a socket without a session cookie (UNAUTHENTICATED)', async () => {
    const socket = socketClient(b().url);
    const error = await nextEvent<Error & { data?: { code?: string } }>(socket, 'connect_error');
    expect(error.data?.code).toBe('UNAUTHENTICATED');
    expect(socket.connected).toBe(false);
    socket.disconnect();
  });
});
