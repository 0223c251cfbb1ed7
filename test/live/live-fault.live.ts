import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { DEMO_CHAIR, DEMO_ROOM, lagging, liveTruth, seqs, waitFor } from '../support/live-clients.js';
import { type LiveRoom, startLiveRoom } from '../support/live-room.js';
import { MeetingScript } from '../support/meeting-script.js';

/**
 * Issue 4, fault tolerance: the server is killed with SIGKILL in the middle of a meeting and started again on the
 * same port and SQLite file. Nothing may be lost or doubled: the tablets reconnect by themselves (socket.io's
 * reconnection; the new process has no connection state to recover), catch up from the log by seq, and the command
 * the chair had sent to the dying server lands exactly once when its LiveSession retries it with the same key.
 */
const TABLETS = 50;
/** Tablets whose network stays down until the restarted server has moved on: they must catch up from its log. */
const LATE = 10;
const BEFORE_KILL = 100;
const MISSED_BY_LATE = 30;
const AFTER_RESTART = 100; // with BEFORE_KILL, far below a sync page (500): no tablet ever needs a snapshot

interface EventRow {
  seq: number;
  idempotency_key: string | null;
  prev_hash: string;
  hash: string;
}

let dataDir: string;
let room: LiveRoom | undefined;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-live-fault-'));
  room = await startLiveRoom({ dataDir });
}, 90_000);

afterAll(async () => {
  await room?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe('the live room survives kill -9 of its only server', () => {
  it('after a restart on the same port and data, 50 tablets hold the server state with every event applied once and every command logged once', async () => {
    const { server: srv, proxy: network, cookies, meeting, clients } = room!;
    const open = (url: string, username: string, i: number, attempts?: number) => room!.open(url, username, `${username}#${i}`, attempts ? { attempts } : {});
    // The actors ride out the restart however long it takes; the other tablets only listen.
    const chair = open(srv.url, DEMO_CHAIR, 0, 40);
    const speakers = [open(srv.url, 'pct.nam', 0, 40), open(srv.url, 'pct.lan', 0, 40)];
    for (let i = clients.length; i < TABLETS - LATE; i++) open(srv.url, DEMO_ROOM[i % DEMO_ROOM.length], i);
    const late = Array.from({ length: LATE }, (_, i) => open(network.url, DEMO_ROOM[i % DEMO_ROOM.length], TABLETS - LATE + i));
    await waitFor('every tablet in the room', () => clients.every((c) => c.live), 60_000, () => lagging(clients, 0));
    // The room was empty when they joined: each will receive every event from seq 1, none through a snapshot.
    expect(clients.map((c) => c.session.view.seq)).toEqual(clients.map(() => 0));

    const script = new MeetingScript(meeting, chair, speakers);
    let running = script.run();
    await script.reached(BEFORE_KILL);

    // Between two commands: freeze the server, send the next command to it, then kill it. That command left the
    // socket and was never answered; the session must send it again, with the same key, to the new process.
    await running.stop();
    srv.child.kill('SIGSTOP');
    const unanswered = script.next();
    unanswered.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    const inFlight = script.inFlight!;
    await waitFor('a command sent to the frozen server', () => inFlight.actor.sent.length > inFlight.sentBefore, 10_000);
    const pending = inFlight.actor.sent.at(-1)!;
    network.cut();
    await srv.crash();
    await waitFor('every tablet to notice the server is gone', () => clients.every((c) => c.disconnects >= 1), 30_000);

    await srv.restart();
    const retried = await unanswered;
    running = script.run();
    await script.reached(retried.seq + MISSED_BY_LATE);
    network.restore();
    await script.reached(retried.seq + AFTER_RESTART);
    await running.stop();

    const total = script.done.length;
    expect(script.done.map((c) => c.seq)).toEqual(seqs(total)); // one event per command, in the order sent
    const truth = await liveTruth(srv.url, cookies.thuky, meeting.id);
    expect(truth.seq).toBe(total);
    await waitFor('every tablet at the last seq', () => clients.every((c) => c.live && c.session.view.seq === total), 60_000, () => lagging(clients, total));

    for (const client of clients) {
      expect({ client: client.name, seq: client.session.view.seq }).toEqual({ client: client.name, seq: truth.seq });
      expect(client.session.view.state).toEqual(truth.state);
      expect(client.applied).toEqual(seqs(total));
    }

    // The late tablets got what they missed from the new process's log (join from their seq), not as broadcasts.
    const fetched = late.map((c) => ({ client: c.name, fetched: c.applied.filter((seq) => !c.broadcast.includes(seq)).length }));
    expect(fetched.filter((f) => f.fetched < MISSED_BY_LATE)).toEqual([]);

    // The command in flight at the kill went out again after the restart, with its key, and counts once.
    expect(retried).toMatchObject({ name: pending.event, key: pending.key });
    expect(retried.attempts).toBeGreaterThanOrEqual(2);

    // The log on disk: seq 1..N chained without a break, each idempotency key once, exactly the commands acknowledged.
    await srv.stop();
    const db = new Database(path.join(dataDir, 'meeting-room.sqlite'), { readonly: true, fileMustExist: true });
    let rows: EventRow[];
    try {
      rows = db
        .prepare('SELECT seq, idempotency_key, prev_hash, hash FROM meeting_events WHERE meeting_id = ? ORDER BY seq')
        .all(meeting.id) as EventRow[];
    } finally {
      db.close();
    }
    expect(rows.map((r) => r.seq)).toEqual(seqs(total));
    rows.slice(1).forEach((row, i) => expect({ seq: row.seq, prevHash: row.prev_hash }).toEqual({ seq: row.seq, prevHash: rows[i].hash }));
    const keys = rows.map((r) => r.idempotency_key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.map((r) => ({ seq: r.seq, key: r.idempotency_key }))).toEqual(script.done.map((c) => ({ seq: c.seq, key: c.key })));
    // Every tablet applied the very events that are on disk.
    for (const client of clients) expect([...client.hashes.entries()]).toEqual(rows.map((r) => [r.seq, r.hash]));
  }, 240_000);
});
