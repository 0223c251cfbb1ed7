import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LIVE_STATE_VERSION } from '@phonghop/shared';
import { DbWriter } from '../database/db-writer.js';
import { dialectOf, readOne } from '../database/raw-sql.js';
import { Fixtures } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { EventLogService, toDto } from './event-log.service.js';
import { eventHash, GENESIS_HASH } from './hash-chain.js';
import { LiveSnapshotEntity } from './live-snapshot.entity.js';
import { LiveStateStore } from './live-state.store.js';
import { MeetingEventEntity } from './meeting-event.entity.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

describe(`EventLogService (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let log: EventLogService;
  let db: DbWriter;
  let fixtures: Fixtures;

  beforeAll(async () => {
    t = await startTestApp();
    log = t.app.get(EventLogService);
    db = t.app.get(DbWriter);
    fixtures = await Fixtures.create(t);
  });
  afterAll(() => t.close());

  const newMeeting = async () => (await fixtures.meeting()).id;
  /** Raw SQL with `?` placeholders, rewritten to `$n` on PostgreSQL. */
  const raw = (sql: string, params: unknown[]) => {
    let n = 0;
    return t.dataSource.query(onPostgres ? sql.replace(/\?/g, () => `$${++n}`) : sql, params);
  };

  it('appends 1..N with chained hashes, and verify proves the chain', async () => {
    const meetingId = await newMeeting();
    const actor = await fixtures.userId('chutich');
    for (let i = 1; i <= 5; i++) {
      const e = await db.transaction((em) => log.append(em, { meetingId, type: 'agenda.item-opened', payload: { index: i, tiêuĐề: 'Báo cáo tình hình' }, actorUserId: actor }));
      expect(e).toMatchObject({ meetingId, seq: i, duplicate: false });
    }
    const events = await log.since(meetingId, 0, 100);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    let prev = GENESIS_HASH;
    for (const e of events) {
      expect(e.hash).toBe(eventHash(prev, e));
      prev = e.hash;
    }
    expect(events[0]).toMatchObject({ actorUserId: actor, payload: { index: 1, tiêuĐề: 'Báo cáo tình hình' } });
    expect(await log.verify(meetingId)).toEqual({ ok: true, lastSeq: 5, headHash: events[4].hash });
    expect((await log.since(meetingId, 3, 100)).map((e) => e.seq)).toEqual([4, 5]);
    expect((await log.since(meetingId, 0, 2)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await log.lastSeq(meetingId)).toBe(5);
  });

  it('loads the log head with the state, and an append from that head keeps the chain', async () => {
    const store = t.app.get(LiveStateStore);
    const meetingId = await newMeeting();
    const head = () => readOne(t.dataSource.manager, store.headRead(meetingId));
    const empty = await store.load(t.dataSource.manager, meetingId);
    expect(empty).toMatchObject({ seq: 0 });
    expect(empty.hash).toBeUndefined();
    expect(await head()).toEqual({ seq: 0, behind: 0 });
    // no snapshot row: the state is replayed, the head is the last event
    await log.appendInTransaction({ meetingId, type: 'meeting.started', payload: {}, actorUserId: null });
    await log.appendInTransaction({ meetingId, type: 'speaker.requested', payload: { userId: 'u1' }, actorUserId: null });
    const replayed = await store.load(t.dataSource.manager, meetingId);
    expect(replayed).toMatchObject({ seq: 2, hash: await log.hashAt(meetingId, 2), replayed: 2 });
    expect(await head()).toEqual({ seq: 2, hash: replayed.hash, behind: 2 });
    // a snapshot at the head, then an event appended beside it (no snapshot): the head moves on
    await db.transaction((em) => store.save(em, meetingId, replayed, new Date()));
    expect(await store.load(t.dataSource.manager, meetingId)).toEqual({ ...replayed, replayed: 0 });
    expect(await head()).toEqual({ seq: 2, hash: replayed.hash, behind: 0 });
    await log.appendInTransaction({ meetingId, type: 'speaker.requested', payload: { userId: 'u2' }, actorUserId: null });
    const behind = await store.load(t.dataSource.manager, meetingId);
    expect(behind).toMatchObject({ seq: 3, hash: await log.hashAt(meetingId, 3), replayed: 1 });
    expect(behind.state.speakers).not.toEqual(replayed.state.speakers);
    expect(await head()).toEqual({ seq: 3, hash: behind.hash, behind: 1 });
    // a snapshot of an older state version counts for nothing: the whole log is behind
    await raw('UPDATE meeting_live_snapshots SET version = ? WHERE meeting_id = ?', [LIVE_STATE_VERSION - 1, meetingId]);
    expect(await head()).toEqual({ seq: 3, hash: behind.hash, behind: 3 });
    await db.transaction((em) => store.save(em, meetingId, behind, new Date()));
    for (let i = 0; i < 2; i++) {
      await db.transaction(async (em) => {
        await log.lockMeeting(em, meetingId);
        const head = await store.load(em, meetingId);
        await log.appendLocked(em, { meetingId, type: 'speaker.withdrawn', payload: { userId: 'u1' }, actorUserId: null }, head);
      });
    }
    expect(await log.verify(meetingId)).toMatchObject({ ok: true, lastSeq: 5 });
    const fresh = await newMeeting();
    await db.transaction(async (em) => {
      await log.lockMeeting(em, fresh);
      await log.appendLocked(em, { meetingId: fresh, type: 'meeting.started', payload: {}, actorUserId: null }, await store.load(em, fresh));
    });
    expect(await log.verify(fresh)).toMatchObject({ ok: true, lastSeq: 1 });
  });

  it('takes a command with the same idempotency key once', async () => {
    const meetingId = await newMeeting();
    await log.appendInTransaction({ meetingId, type: 'meeting.started', payload: {}, actorUserId: null });
    const first = await log.appendInTransaction({ meetingId, type: 'agenda.item-opened', payload: { item: 2 }, actorUserId: null, idempotencyKey: 'cmd-1' });
    const again = await log.appendInTransaction({ meetingId, type: 'agenda.item-opened', payload: { item: 2 }, actorUserId: null, idempotencyKey: 'cmd-1' });
    expect(first).toMatchObject({ seq: 2, duplicate: false });
    expect(again).toEqual({ ...first, duplicate: true });
    // The same key in another meeting is another command.
    const other = await newMeeting();
    expect(await log.appendInTransaction({ meetingId: other, type: 'x', payload: {}, actorUserId: null, idempotencyKey: 'cmd-1' })).toMatchObject({ seq: 1, duplicate: false });
    const [{ count }] = (await raw('SELECT COUNT(*) AS count FROM meeting_events WHERE meeting_id = ?', [meetingId])) as Array<{ count: string | number }>;
    expect(Number(count)).toBe(2);
  });

  it('gives 100 concurrent appends to one meeting exactly the seqs 1..100', async () => {
    const meetingId = await newMeeting();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => log.appendInTransaction({ meetingId, type: 'speaker.requested', payload: { i }, actorUserId: null, idempotencyKey: `k-${i}` })),
    );
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await log.verify(meetingId)).toMatchObject({ ok: true, lastSeq: 100 });
  });

  it('takes concurrent retries of one command once', async () => {
    const meetingId = await newMeeting();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => log.appendInTransaction({ meetingId, type: 'meeting.started', payload: {}, actorUserId: null, idempotencyKey: 'start' })),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.seq))).toEqual(new Set([1]));
    expect(await log.lastSeq(meetingId)).toBe(1);
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const meetingId = await newMeeting();
    await expect(
      db.transaction(async (em) => {
        await log.append(em, { meetingId, type: 'meeting.started', payload: {}, actorUserId: null });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    expect(await log.lastSeq(meetingId)).toBe(0);
    expect(await log.appendInTransaction({ meetingId, type: 'meeting.started', payload: {}, actorUserId: null })).toMatchObject({ seq: 1 });
  });

  it('refuses an event for a meeting that does not exist', async () => {
    await expect(log.appendInTransaction({ meetingId: randomUUID(), type: 'meeting.started', payload: {}, actorUserId: null })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('detects an edited payload at the edited seq', async () => {
    const meetingId = await newMeeting();
    for (let i = 1; i <= 5; i++) await log.appendInTransaction({ meetingId, type: 'agenda.item-opened', payload: { item: i }, actorUserId: null });
    await raw(`UPDATE meeting_events SET payload = ${onPostgres ? "'{\"item\":99}'::jsonb" : "jsonb('{\"item\":99}')"} WHERE meeting_id = ? AND seq = ?`, [meetingId, 3]);
    expect(await log.verify(meetingId)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'hash-mismatch' });
  });

  it('detects a deleted middle event as a seq gap', async () => {
    const meetingId = await newMeeting();
    for (let i = 1; i <= 5; i++) await log.appendInTransaction({ meetingId, type: 'agenda.item-opened', payload: { item: i }, actorUserId: null });
    await raw('DELETE FROM meeting_events WHERE meeting_id = ? AND seq = ?', [meetingId, 3]);
    expect(await log.verify(meetingId)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'seq-gap' });
  });

  it('keeps an independent sequence and chain per meeting', async () => {
    const a = await newMeeting();
    const b = await newMeeting();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => log.appendInTransaction({ meetingId: i % 2 ? a : b, type: 'x', payload: { i }, actorUserId: null })),
    );
    expect((await log.since(a, 0, 100)).map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect((await log.since(b, 0, 100)).map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await log.verify(a)).toMatchObject({ ok: true, lastSeq: 10 });
    expect(await log.verify(b)).toMatchObject({ ok: true, lastSeq: 10 });
  });

  it('verifies a log longer than one page', async () => {
    const meetingId = await newMeeting();
    await db.transaction(async (em) => {
      for (let i = 0; i < 1_100; i++) await log.append(em, { meetingId, type: 'page.shown', payload: { page: i }, actorUserId: null });
    });
    expect(await log.verify(meetingId)).toMatchObject({ ok: true, lastSeq: 1_100 });
    await raw('DELETE FROM meeting_events WHERE meeting_id = ? AND seq = ?', [meetingId, 750]);
    expect(await log.verify(meetingId)).toEqual({ ok: false, brokenAtSeq: 750, reason: 'seq-gap' });
  });

  it('writes, in hand-written SQL, rows the entities read back exactly: a batch across insert chunks, keys, the snapshot', async () => {
    // keys are the client's own text: PostgreSQL reads them back through an array parameter, where these need quoting
    const awkwardKeys: Record<number, string> = { 3: 'NULL', 5: 'k-"q",{b}', 8: 'k-\\back\\', 9: 'khóa Việt, số 9' };
    const store = t.app.get(LiveStateStore);
    const meetingId = await newMeeting();
    const actor = await fixtures.userId('chutich');
    const inputs = Array.from({ length: 131 }, (_, i) => ({
      meetingId,
      type: 'vote.ballot-cast',
      payload: { voteId: 'v', voterUserId: `u${i}`, castCount: i + 1, recordedBySecretary: i % 2 === 0, ghiChú: 'Đồng ý' },
      actorUserId: i % 3 === 0 ? null : actor,
      idempotencyKey: awkwardKeys[i] ?? `k-${i}`,
    }));
    const appended = await db.transaction(async (em) => {
      const before = await store.load(em, meetingId);
      const { events, writes } = await log.planAppend(em, inputs, before);
      await store.save(em, meetingId, { seq: events.at(-1)!.seq, state: before.state }, new Date(events.at(-1)!.at), writes);
      return events;
    });
    expect(appended.map((e) => e.seq)).toEqual(inputs.map((_, i) => i + 1));
    const entities = await t.dataSource.getRepository(MeetingEventEntity).find({ where: { meetingId }, order: { seq: 'ASC' } });
    expect(entities.map(toDto)).toEqual(appended.map(({ duplicate: _d, ...dto }) => dto));
    expect(entities.map((e) => e.idempotencyKey)).toEqual(inputs.map((i) => i.idempotencyKey));
    expect(await log.since(meetingId, 0, 500)).toEqual(entities.map(toDto));
    const byKeys = await db.transaction((em) => readOne(em, log.byKeysRead(dialectOf(em), meetingId, ['k-7', 'k-130', 'k-none', 'k-7'])));
    expect([...byKeys.keys()].sort()).toEqual(['k-130', 'k-7']);
    expect(byKeys.get('k-130')).toEqual(toDto(entities[130]));
    const awkward = await db.transaction((em) => readOne(em, log.byKeysRead(dialectOf(em), meetingId, Object.values(awkwardKeys))));
    expect([...awkward].map(([key, dto]) => [key, dto.seq]).sort()).toEqual(Object.entries(awkwardKeys).map(([i, key]) => [key, Number(i) + 1]).sort());
    const snapshot = await t.dataSource.getRepository(LiveSnapshotEntity).findOneByOrFail({ meetingId });
    expect(snapshot).toMatchObject({ seq: 131, version: LIVE_STATE_VERSION, updatedAt: entities[130].at });
    expect(await log.verify(meetingId)).toEqual({ ok: true, lastSeq: 131, headHash: entities[130].hash });
  });
});
