import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { AnnouncementEvent, HealthDto, SessionInfo, WelcomeEvent } from '@phonghop/shared';
import {
  DEMO_CHAIR,
  DEMO_ROOM,
  demoMeeting,
  lagging,
  type LiveClient,
  liveTruth,
  loginAll,
  openLiveClient,
  seqs,
  waitFor,
} from '../support/live-clients.js';
import { MeetingScript } from '../support/meeting-script.js';
import { closeAllSockets, login, nextEvent, type ServerProcess, socketClient, startServer } from '../support/server-process.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

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

describe('the live room across two nodes', () => {
  const TABLETS = 30;
  const IN_STEP = 30;
  const MISSED = 10;

  it('the chair on node A drives tablets on node B in step; after kill -9 of B they reach A through the balancer with every event once', async () => {
    // The balancer sends each new connection to B while B accepts it, else to A.
    const balancer = await startTcpProxy(() => [b().port, a().port]);
    const clients: LiveClient[] = [];
    try {
      const cookies = await loginAll(a().url, DEMO_ROOM);
      const meeting = await demoMeeting(a().url, cookies[DEMO_CHAIR]);
      const chair = openLiveClient(a().url, cookies[DEMO_CHAIR], meeting.id, 'chutich@a', { attempts: 20 });
      const speakers = ['pct.nam', 'pct.lan'].map((u) => openLiveClient(a().url, cookies[u], meeting.id, `${u}@a`, { attempts: 20 }));
      const tablets = Array.from({ length: TABLETS }, (_, i) => {
        const username = DEMO_ROOM[i % DEMO_ROOM.length];
        return openLiveClient(balancer.url, cookies[username], meeting.id, `${username}#${i}`);
      });
      clients.push(chair, ...speakers, ...tablets);
      await waitFor('every client in the room', () => clients.every((c) => c.live), 60_000, () => lagging(clients, 0));
      expect(clients.map((c) => c.session.view.seq)).toEqual(clients.map(() => 0));
      expect(tablets.map((t) => t.nodes)).toEqual(tablets.map(() => ['b']));
      expect([chair, ...speakers].map((c) => c.nodes)).toEqual([['a'], ['a'], ['a']]);

      // In step: each event commanded on A reaches every tablet on B as a broadcast (through Redis) before the next.
      const script = new MeetingScript(meeting, chair, speakers);
      const inStep = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const { seq } = await script.next();
          await waitFor(`seq ${seq} broadcast to every tablet`, () => tablets.every((t) => t.broadcast.includes(seq) && t.session.view.seq === seq), 15_000, () => lagging(tablets, seq));
        }
      };
      await inStep(IN_STEP);

      // Node B dies while the chair keeps going, and the balancer needs a while to stop offering it (new connections
      // are refused until the chair has made MISSED more events); then B's tablets come back through it, to A.
      const running = script.run();
      await script.reached(script.acked + 5);
      await b().crash();
      balancer.cut();
      await script.reached(script.acked + MISSED);
      balancer.restore();
      await waitFor(
        "B's tablets reconnected to A",
        () => tablets.every((t) => t.live && t.nodes.at(-1) === 'a'),
        60_000,
        () => lagging(tablets, script.acked),
      );
      await script.reached(script.acked + 10);
      await running.stop();
      const afterFailover = script.acked;
      await waitFor('every tablet caught up on A', () => tablets.every((t) => t.live && t.session.view.seq === afterFailover), 30_000, () => lagging(tablets, afterFailover));

      // Further events reach them in step, now from A itself.
      await inStep(IN_STEP);

      const total = script.done.length;
      expect(script.done.map((c) => c.seq)).toEqual(seqs(total));
      const truth = await liveTruth(a().url, cookies.thuky, meeting.id);
      expect(truth.seq).toBe(total);
      for (const client of clients) {
        expect({ client: client.name, seq: client.session.view.seq }).toEqual({ client: client.name, seq: truth.seq });
        expect(client.session.view.state).toEqual(truth.state);
        expect(client.applied).toEqual(seqs(total));
      }
      for (const tablet of tablets) {
        expect(tablet.nodes[0]).toBe('b');
        expect(tablet.nodes.at(-1)).toBe('a');
        // what they missed while down came from A's answer to their join (from their seq), not as broadcasts
        expect(tablet.applied.filter((seq) => !tablet.broadcast.includes(seq)).length).toBeGreaterThanOrEqual(MISSED);
        // the last events came as broadcasts from A (the in-step phase checked each one)
        expect(tablet.broadcast).toEqual(expect.arrayContaining(seqs(total).slice(-IN_STEP)));
      }
    } finally {
      for (const c of clients) c.close();
      await balancer.close();
      // leave the fixture as found: node B up again, on its port
      if (b().child.exitCode !== null || b().child.signalCode !== null) await b().restart();
    }
  }, 180_000);
});
