import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import type { VoteDetailDto, VoteKind } from '@phonghop/shared';
import { sleep, waitFor } from '../support/live-clients.js';
import { type AnyAck, emitUntilAnswered, reconnectAll } from '../support/retrying-emit.js';
import { type ClientSocket, nextEvent, type ServerProcess, socketClient, startServer } from '../support/server-process.js';
import { api, createVoteMeeting, createVoters, loginVoters, pool, type StaffCookies, staffCookies, type VoteMeeting, type VoterAccount } from '../support/vote-room.js';

/**
 * Issue 5, durability of ballots: 200 members vote at once over real sockets, 20 times, and each time the server is
 * killed with SIGKILL at a random moment while the ballots are in flight (in some bursts also just as the chair opens
 * or closes the vote), then started again on the same port and SQLite file. Before any tablet is back, the restarted
 * server must hold every ballot that had been acknowledged, each once. Then the tablets reconnect and send what was
 * never answered again with the same idempotency key, the chair closes and publishes, and the result must count
 * every member exactly once. At the end the SQLite file itself is read.
 *
 * Kill moments come from a seeded PRNG: VOTE_CRASH_SEED=<seed> replays the same plan (how far into the burst, the
 * extra kills, every member's choice); how many ballots are committed by then still depends on the machine's speed.
 */
const VOTERS = 200;
const BURSTS = 20;
const SEED = Number(process.env.VOTE_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));
/** Over 20 bursts: 8 open, 8 named, 4 secret. */
const KINDS: readonly VoteKind[] = ['open', 'named', 'secret', 'open', 'named'];
const CHOICES = ['yes', 'no', 'abstain'] as const;

/** mulberry32: a small seeded PRNG, good enough to spread kill moments and choices. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Plan {
  kind: VoteKind;
  /** The kill while ballots are in flight: `at` × the warm-up burst's duration after they were sent. */
  at: number;
  /** In some bursts a second kill, 0–4 ms after the chair sent vote:open or vote:close. */
  extra: { phase: 'open' | 'close'; delayMs: number } | null;
  choices: string[];
}

const random = prng(SEED);
const PLANS: Plan[] = Array.from({ length: BURSTS }, (_, b) => {
  const u = random();
  const delayMs = Math.floor(random() * 5);
  return {
    kind: KINDS[b % KINDS.length],
    at: random(),
    extra: u < 0.05 ? { phase: 'open', delayMs } : u < 0.1 ? { phase: 'close', delayMs } : null,
    choices: Array.from({ length: VOTERS }, () => CHOICES[Math.floor(random() * CHOICES.length)]),
  };
});

interface Ballot {
  voter: number;
  key: string;
  choice: string;
  ack?: AnyAck;
  attempts?: number;
}

interface Kill {
  phase: 'open' | 'cast' | 'close';
  /** At the restart, before any client was back: ballots acknowledged, and ballots the server held. */
  acked: number;
  stored: number;
  /** kill → healthy again, and → every tablet connected again. */
  restartMs: number;
  reconnectMs: number;
}

interface Burst {
  voteId: string;
  plan: Plan;
  ballots: Ballot[];
  kills: Kill[];
  /** When the kill during casting came, after the ballots were sent. */
  killAfterMs: number;
}

let dataDir: string;
let server: ServerProcess | undefined;
let staff: StaffCookies;
let voters: VoterAccount[];
let room: VoteMeeting;
let chair: ClientSocket;
let tablets: ClientSocket[] = [];
/** How long an uninterrupted burst of VOTERS ballots takes here (first ballot sent → last ack): the kill window. */
let burstMs = 0;

/** Progress as it happens (a slow machine shows where it is), prefixed with the seed that replays the run. */
const log = (line: string) => process.stdout.write(`vote-crash seed ${SEED}: ${line}\n`);
const expectOk = (what: string, ack: AnyAck) => expect({ what, ack }).toEqual({ what, ack: expect.objectContaining({ ok: true }) });
const countBy = (choices: readonly string[]) => Object.fromEntries(CHOICES.map((c) => [c, choices.filter((x) => x === c).length]));

function chairSends(event: string, extra: Record<string, unknown>) {
  return emitUntilAnswered(chair, event, { meetingId: room.meetingId, idempotencyKey: randomUUID(), ...extra });
}

/** Every member casts at once; each ballot is sent again (same key) after a drop until it is answered. */
function castAll(voteId: string, choices: readonly string[]): { ballots: Ballot[]; done: Promise<void>; acked: () => number } {
  const ballots: Ballot[] = choices.map((choice, voter) => ({ voter, key: randomUUID(), choice }));
  let acked = 0;
  const done = Promise.all(
    ballots.map(async (ballot) => {
      const payload = { meetingId: room.meetingId, voteId, choices: [ballot.choice], idempotencyKey: ballot.key };
      const { ack, attempts } = await emitUntilAnswered(tablets[ballot.voter], 'vote:cast', payload);
      Object.assign(ballot, { ack, attempts });
      acked++;
    }),
  ).then(() => undefined);
  return { ballots, done, acked: () => acked };
}

async function voteDetail(voteId: string): Promise<VoteDetailDto> {
  return api<VoteDetailDto>(server!.url, 'GET', `/api/votes/${voteId}`, staff.secretary);
}

const votedSeats = (detail: VoteDetailDto) => new Set(detail.seats.filter((s) => s.voted).map((s) => s.seatUserId));

/**
 * kill -9, then — before any client is back — the restarted server's own account of the vote over HTTP: every
 * acknowledged ballot is there, and the cast count is the number of seats that voted. Then the tablets reconnect.
 */
async function crashAndRestart(burst: Burst, phase: Kill['phase'], sentSoFar: number): Promise<void> {
  const srv = server!;
  const killedAt = performance.now();
  await srv.crash();
  const all = [chair, ...tablets];
  await waitFor('every socket to see the server gone', () => all.every((s) => !s.connected), 30_000);
  await new Promise((resolve) => setImmediate(resolve)); // acks read before the drop have settled
  const acked = burst.ballots.filter((b) => b.ack?.ok);
  await srv.restart();
  const restartMs = performance.now() - killedAt;

  const detail = await voteDetail(burst.voteId);
  const voted = votedSeats(detail);
  const lost = acked.filter((b) => !voted.has(voters[b.voter].id)).map((b) => voters[b.voter].username);
  const where = `burst #${bursts.length + 1} (${burst.plan.kind}), kill during ${phase}, seed ${SEED}`;
  expect({ where, lostAfterRestart: lost }).toEqual({ where, lostAfterRestart: [] });
  expect({ where, castCount: detail.castCount, seatsVoted: voted.size }).toEqual({ where, castCount: voted.size, seatsVoted: voted.size });
  expect({ where, strangers: [...voted].filter((id) => !voters.some((v) => v.id === id)) }).toEqual({ where, strangers: [] });
  expect(voted.size).toBeLessThanOrEqual(sentSoFar);
  await reconnectAll(all);
  burst.kills.push({ phase, acked: acked.length, stored: voted.size, restartMs, reconnectMs: performance.now() - killedAt - restartMs });
}

const bursts: Burst[] = [];

beforeAll(async () => {
  const setupStarted = performance.now();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phonghop-vote-crash-'));
  // No demo meeting: the first start is faster, and the log holds only this test's meeting.
  server = await startServer({ dataDir, env: { DEMO_MEETING: 'false' } });
  const { url } = server;
  staff = await staffCookies(url);
  voters = await createVoters(url, staff.admin, VOTERS);
  room = await createVoteMeeting(url, staff, voters);
  const cookies = await loginVoters(url, voters);
  const connect = async (cookie: string) => {
    const socket = socketClient(url, cookie);
    await nextEvent(socket, 'session:welcomed', 30_000);
    return socket;
  };
  chair = await connect(staff.chair);
  tablets = await pool(VOTERS, 25, (i) => connect(cookies[i]));
  expectOk('meeting:start', (await chairSends('meeting:start', {})).ack);
  // Each member checks in on their own tablet: the 200 present when a vote opens are the ones who may vote.
  const checkIns = await Promise.all(tablets.map((t) => emitUntilAnswered(t, 'attendance:check-in', { meetingId: room.meetingId, idempotencyKey: randomUUID() })));
  expect(checkIns.filter((c) => !c.ack.ok)).toEqual([]);

  // A warm-up vote, not killed: how long a burst takes here sets the window the kills are drawn from.
  const { ack } = await chairSends('vote:create', { vote: { question: 'Biểu quyết thử', kind: 'open', rule: 'majority_of_cast', agendaItemId: room.itemId } });
  const voteId = ack.voteId!;
  expectOk('vote:open', (await chairSends('vote:open', { voteId })).ack);
  const started = performance.now();
  const warmUp = castAll(voteId, voters.map(() => 'yes'));
  await warmUp.done;
  burstMs = performance.now() - started;
  expect(warmUp.ballots.filter((b) => !b.ack?.ok)).toEqual([]);
  expectOk('vote:close', (await chairSends('vote:close', { voteId })).ack);
  log(`${VOTERS} accounts, logins, sockets, check-ins and a warm-up vote in ${Math.round((performance.now() - setupStarted) / 1000)} s`);
}, 400_000);

afterAll(async () => {
  for (const socket of [chair, ...tablets]) socket?.disconnect();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe(`acknowledged ballots survive kill -9 (seed ${SEED}; VOTE_CRASH_SEED=${SEED} replays the plan)`, () => {
  it(`${BURSTS} bursts of ${VOTERS} ballots, each with a kill -9 and a restart: no acknowledged ballot lost, none counted twice`, async () => {
    log(`${BURSTS} bursts of ${VOTERS} ballots; kills during casting drawn over the warm-up burst's ${Math.round(burstMs)} ms`);
    for (const plan of PLANS) {
      const created = await chairSends('vote:create', {
        vote: { question: `Nghị quyết số ${bursts.length + 1}`, kind: plan.kind, rule: 'majority_of_present', agendaItemId: room.itemId },
      });
      expectOk('vote:create', created.ack);
      const burst: Burst = { voteId: created.ack.voteId!, plan, ballots: [], kills: [], killAfterMs: Math.round(plan.at * burstMs) };

      const opening = chairSends('vote:open', { voteId: burst.voteId });
      if (plan.extra?.phase === 'open') {
        await sleep(plan.extra.delayMs);
        await crashAndRestart(burst, 'open', 0);
      }
      expectOk('vote:open', (await opening).ack);

      const casting = castAll(burst.voteId, plan.choices);
      burst.ballots = casting.ballots;
      await sleep(burst.killAfterMs);
      await crashAndRestart(burst, 'cast', VOTERS);
      await casting.done;
      const refused = burst.ballots.filter((b) => !b.ack?.ok || b.ack.voteId !== burst.voteId);
      expect(refused.map((b) => ({ voter: voters[b.voter].username, ack: b.ack }))).toEqual([]);
      // every ballot has its own event: a retry answered with its original seq, never a second one
      expect(new Set(burst.ballots.map((b) => b.ack!.seq)).size).toBe(VOTERS);

      const closing = chairSends('vote:close', { voteId: burst.voteId });
      if (plan.extra?.phase === 'close') {
        await sleep(plan.extra.delayMs);
        await crashAndRestart(burst, 'close', VOTERS);
      }
      expectOk('vote:close', (await closing).ack);
      expectOk('vote:publish', (await chairSends('vote:publish', { voteId: burst.voteId })).ack);

      // The published vote over HTTP: every member once, the counts of what they chose.
      const detail = await voteDetail(burst.voteId);
      expect(detail).toMatchObject({ status: 'published', kind: plan.kind, castCount: VOTERS, eligibleCount: VOTERS });
      expect([...votedSeats(detail)].sort()).toEqual(voters.map((v) => v.id).sort());
      expect(detail.result?.cast).toBe(VOTERS);
      expect(Object.fromEntries(detail.result!.options.map((o) => [o.key, o.count]))).toEqual(countBy(plan.choices));
      if (plan.kind === 'named') {
        const byVoter = new Map(detail.ballots!.map((b) => [b.seatUserId, b.choices]));
        expect(voters.map((v) => [v.username, byVoter.get(v.id)])).toEqual(voters.map((v, i) => [v.username, [plan.choices[i]]]));
      }
      bursts.push(burst);
      log(
        `#${String(bursts.length).padStart(2)} ${plan.kind.padEnd(6)} ` +
          burst.kills.map((k) => `kill during ${k.phase}${k.phase === 'cast' ? ` +${burst.killAfterMs} ms` : ''}: ${k.acked} acked, ${k.stored} held at restart`).join('; ') +
          `; ${burst.ballots.filter((x) => (x.attempts ?? 1) > 1).length} ballots sent again`,
      );
    }

    const kills = bursts.flatMap((b) => b.kills);
    const seconds = (key: 'restartMs' | 'reconnectMs') => Math.round(kills.reduce((a, k) => a + k[key], 0) / 1000);
    log(`${kills.length} kills: ${seconds('restartMs')} s from kill to healthy again, ${seconds('reconnectMs')} s reconnecting ${VOTERS + 1} sockets`);

    // The SQLite file, read after a clean stop.
    await server!.stop();
    const db = new Database(path.join(dataDir, 'meeting-room.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const seqs = db.prepare('SELECT seq FROM meeting_events WHERE meeting_id = ? ORDER BY seq').pluck().all(room.meetingId) as number[];
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const events = db
        .prepare(`SELECT seq, idempotency_key AS key, json(payload) AS payload FROM meeting_events WHERE meeting_id = ? AND type = 'vote.ballot-cast'`)
        .all(room.meetingId) as Array<{ seq: number; key: string; payload: string }>;
      const eventsByKey = new Map<string, Array<{ seq: number; voteId: string; voter: string }>>();
      for (const e of events) {
        const p = JSON.parse(e.payload) as { voteId: string; voterUserId: string };
        eventsByKey.set(e.key, [...(eventsByKey.get(e.key) ?? []), { seq: e.seq, voteId: p.voteId, voter: p.voterUserId }]);
      }
      for (const [i, b] of bursts.entries()) {
        const where = `burst #${i + 1} (${b.plan.kind}, seed ${SEED})`;
        const id = b.voteId;
        const vote = db.prepare('SELECT status, kind, cast_count FROM votes WHERE id = ?').get(id);
        expect({ where, vote }).toEqual({ where, vote: { status: 'published', kind: b.plan.kind, cast_count: VOTERS } });
        // one participation row per seat, for exactly the members
        const seats = db.prepare('SELECT seat_user_id FROM vote_participation WHERE vote_id = ?').pluck().all(id) as string[];
        expect({ where, seats: seats.sort() }).toEqual({ where, seats: voters.map((v) => v.id).sort() });
        // the counters sum to the participation, option by option what was chosen
        const counts = db.prepare('SELECT option_key, count FROM vote_counts WHERE vote_id = ?').all(id) as Array<{ option_key: string; count: number }>;
        expect({ where, counts: Object.fromEntries(counts.map((c) => [c.option_key, c.count])) }).toEqual({ where, counts: countBy(b.plan.choices) });
        const ballots = db.prepare('SELECT seat_user_id AS seat, json(choices) AS choices FROM vote_ballots WHERE vote_id = ?').all(id) as Array<{ seat: string; choices: string }>;
        const expected = b.plan.kind === 'secret' ? [] : voters.map((v, n) => ({ seat: v.id, choices: [b.plan.choices[n]] }));
        const stored = ballots.map((x) => ({ seat: x.seat, choices: JSON.parse(x.choices) as string[] }));
        const bySeat = (x: { seat: string }, y: { seat: string }) => x.seat.localeCompare(y.seat);
        expect({ where, ballots: stored.sort(bySeat) }).toEqual({ where, ballots: expected.sort(bySeat) });
        // each ballot's key is in the log once, in the member's seat, at the seq its acknowledgement gave
        const logged = b.ballots.map((x) => ({ voter: voters[x.voter].username, events: eventsByKey.get(x.key) }));
        expect({ where, logged }).toEqual({ where, logged: b.ballots.map((x) => ({ voter: voters[x.voter].username, events: [{ seq: x.ack!.seq, voteId: id, voter: voters[x.voter].id }] })) });
        expect({ where, events: events.filter((e) => (JSON.parse(e.payload) as { voteId: string }).voteId === id).length }).toEqual({ where, events: VOTERS });
      }
    } finally {
      db.close();
    }
  }, 900_000);
});
