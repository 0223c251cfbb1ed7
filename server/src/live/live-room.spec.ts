import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type DocumentDto,
  type LiveJoinResult,
  LiveSession,
  type MeetingDto,
  type MeetingEventDto,
  replay,
  type SpeakingStatsRowDto,
  type WelcomeEvent,
} from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { documentMeta, Fixtures, json } from '../testing/factories.js';
import { fixture } from '../testing/fixture-files.js';
import { nextEvent, startTestApp, type TestApp, type TestSocket } from '../testing/test-app.js';
import { LiveSnapshotEntity } from './live-snapshot.entity.js';
import { MeetingEventEntity } from './meeting-event.entity.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const STARTS = new Date('2026-12-15T01:00:00Z'); // the fixture meeting: 15/12/2026 08:00 (UTC+7)
type AnyAck = { ok: boolean; code?: string; seq?: number; [k: string]: unknown };

function send(socket: TestSocket, event: string, payload: unknown): Promise<AnyAck> {
  return (socket as unknown as { emitWithAck: (e: string, p: unknown) => Promise<AnyAck> }).emitWithAck(event, payload);
}

describe(`live room rules (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(new Date('2026-12-01T01:00:00Z'));
  let t: TestApp;
  let f: Fixtures;
  const s = {} as Record<'chair' | 'nam' | 'lan' | 'secretary', TestSocket>;
  const cookie = {} as Record<'chair' | 'nam' | 'lan' | 'secretary', string>;
  const ids = {} as Record<'chair' | 'nam' | 'lan', string>;

  const connect = async (c: string): Promise<TestSocket> => {
    const socket = t.socket(c);
    await nextEvent<WelcomeEvent>(socket, 'session:welcomed');
    return socket;
  };
  const cmd = (who: TestSocket, meetingId: string, event: string, extra: Record<string, unknown> = {}) =>
    send(who, event, { meetingId, idempotencyKey: randomUUID(), ...extra });

  const meetingWithPlan = async () => {
    const { meeting, items } = await f.readyMeeting();
    await json(await f.publish(meeting.id));
    const res = await t.request('POST', `/api/meetings/${meeting.id}/documents`, {
      cookie: f.secretary,
      body: fixture('vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf') as unknown as string,
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('Kế hoạch.pdf'),
        'x-document-metadata': encodeURIComponent(
          JSON.stringify(documentMeta({ issuer: 'UBND huyện', summary: 'Kế hoạch CCHC' })),
        ),
      },
    });
    const doc = await json<DocumentDto>(res, 201);
    return { meetingId: meeting.id, items, documentId: doc.id };
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    f = await Fixtures.create(t);
    for (const [who, username] of [['chair', 'chutich'], ['nam', 'pct.nam'], ['lan', 'pct.lan'], ['secretary', 'thuky']] as const) {
      cookie[who] = await t.login(username);
      s[who] = await connect(cookie[who]);
    }
    ids.chair = await f.userId('chutich');
    ids.nam = await f.userId('pct.nam');
    ids.lan = await f.userId('pct.lan');
  });
  afterAll(() => t.close());

  it('opens self check-in at the configured time before the start; the secretary can mark anyone any time', async () => {
    clock.set(new Date('2026-12-01T01:00:00Z'));
    const { meeting } = await f.readyMeeting();
    await json(await f.publish(meeting.id));
    const refused = await cmd(s.nam, meeting.id, 'attendance:check-in');
    expect(refused).toMatchObject({ ok: false, code: 'CHECK_IN_NOT_OPEN', message: 'Chưa đến giờ điểm danh cho cuộc họp này.' });
    expect(await cmd(s.secretary, meeting.id, 'attendance:mark', { userId: ids.lan, state: 'present_online' })).toMatchObject({ ok: true, seq: 1 });

    clock.set(new Date(STARTS.getTime() - 61 * 60_000)); // default window: 60 minutes
    expect(await cmd(s.nam, meeting.id, 'attendance:check-in')).toMatchObject({ ok: false, code: 'CHECK_IN_NOT_OPEN' });
    clock.set(new Date(STARTS.getTime() - 59 * 60_000));
    expect(await cmd(s.nam, meeting.id, 'attendance:check-in')).toMatchObject({ ok: true, seq: 2 });
    expect(await cmd(s.nam, meeting.id, 'attendance:check-in')).toMatchObject({ ok: false, code: 'ALREADY_CHECKED_IN', message: 'Bạn đã điểm danh rồi.' });
    expect(await cmd(s.secretary, meeting.id, 'attendance:mark', { userId: ids.lan, state: 'present_online' })).toMatchObject({ ok: false, code: 'ATTENDANCE_UNCHANGED' });
    const joined = (await send(s.lan, 'live:join', { meetingId: meeting.id })) as unknown as LiveJoinResult & { ok: true };
    expect(joined.mode === 'snapshot' && joined.state.attendance[ids.nam]).toEqual({ state: 'present_in_person', arrivedAt: clock.now().toISOString() });
    clock.set(new Date('2026-12-01T01:00:00Z'));
  });

  it('keeps the live settings on the meeting and sends them, the seats and the viewer on join', async () => {
    const { meeting } = await f.readyMeeting();
    const settings = { quorumRule: { kind: 'at_least_fraction', numerator: 2, denominator: 3 }, speakingLimitSec: 180, speakingWarnSec: 20, checkInOpensMinutes: 45 };
    const updated = await json<MeetingDto>(await t.request('PATCH', `/api/meetings/${meeting.id}`, { cookie: f.secretary, body: { liveSettings: settings } }));
    expect(updated.liveSettings).toEqual(settings);
    const bad = await t.request('PATCH', `/api/meetings/${meeting.id}`, { cookie: f.secretary, body: { liveSettings: { speakingLimitSec: 5 } } });
    expect(bad.status).toBe(400);
    await json(await f.publish(meeting.id));
    const joined = (await send(s.lan, 'live:join', { meetingId: meeting.id })) as unknown as LiveJoinResult & { ok: true };
    expect(joined.room.settings).toEqual(settings);
    expect(joined.room.me).toEqual({ userId: ids.lan, role: 'member', seatUserId: ids.lan });
    expect(joined.room.seats.map((seat) => [seat.fullName, seat.role])).toEqual([
      ['Trần Văn Minh', 'chair'],
      ['Lê Hoàng Nam', 'member'],
      ['Phạm Thị Lan', 'member'],
      ['Huỳnh Văn Tâm', 'guest'],
    ]);
    expect(joined.serverTime).toBe(clock.now().toISOString());
  });

  it('lets a member show pages only while the chair designates them', async () => {
    const { meetingId, documentId } = await meetingWithPlan();
    await cmd(s.chair, meetingId, 'meeting:start');
    const page = (n: number) => ({ documentId, version: 1, page: n });
    expect(await cmd(s.nam, meetingId, 'presentation:go-to-page', page(2))).toMatchObject({ ok: false, code: 'NOT_PRESENTER' });
    expect(await cmd(s.chair, meetingId, 'presentation:set-presenter', { userId: ids.nam })).toMatchObject({ ok: true });
    expect(await cmd(s.nam, meetingId, 'presentation:go-to-page', page(2))).toMatchObject({ ok: true });
    expect(await cmd(s.lan, meetingId, 'presentation:go-to-page', page(3))).toMatchObject({ ok: false, code: 'NOT_PRESENTER' });
    expect(await cmd(s.chair, meetingId, 'presentation:go-to-page', page(999))).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const joined = (await send(s.lan, 'live:join', { meetingId })) as unknown as LiveJoinResult & { ok: true };
    expect(joined.mode === 'snapshot' && joined.state.presentation).toMatchObject({ page: 2, presenterUserId: ids.nam });
    expect(await cmd(s.chair, meetingId, 'presentation:set-presenter', { userId: null })).toMatchObject({ ok: true });
    expect(await cmd(s.nam, meetingId, 'presentation:stop')).toMatchObject({ ok: false, code: 'NOT_PRESENTER' });
    expect(await cmd(s.chair, meetingId, 'presentation:set-presenter', { userId: randomUUID() })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('refuses speaker commands that do not apply, each with its own code, appending nothing', async () => {
    const { meetingId } = await meetingWithPlan();
    expect(await cmd(s.nam, meetingId, 'speaker:request')).toMatchObject({ ok: false, code: 'MEETING_NOT_LIVE' });
    await cmd(s.chair, meetingId, 'meeting:start');
    expect(await cmd(s.nam, meetingId, 'speaker:request')).toMatchObject({ ok: true, seq: 2 });
    expect(await cmd(s.nam, meetingId, 'speaker:request')).toMatchObject({ ok: false, code: 'SPEAKER_ALREADY_QUEUED', message: 'Đã đăng ký phát biểu, đang chờ đến lượt.' });
    expect(await cmd(s.chair, meetingId, 'speaker:grant', { userId: ids.lan })).toMatchObject({ ok: false, code: 'SPEAKER_NOT_IN_QUEUE' });
    expect(await cmd(s.chair, meetingId, 'speaker:end-turn')).toMatchObject({ ok: false, code: 'NO_CURRENT_SPEAKER' });
    expect(await cmd(s.chair, meetingId, 'speaker:move', { userId: ids.nam, direction: 'up' })).toMatchObject({ ok: false, code: 'SPEAKER_ALREADY_FIRST' });
    expect(await cmd(s.lan, meetingId, 'speaker:withdraw')).toMatchObject({ ok: false, code: 'SPEAKER_NOT_IN_QUEUE' });
    const events = await t.dataSource.getRepository(MeetingEventEntity).count({ where: { meetingId } });
    expect(events).toBe(2);
  });

  it('stores a snapshot with every event that equals a full replay of the log, and ignores one of another version', async () => {
    const { meetingId, items, documentId } = await meetingWithPlan();
    await cmd(s.chair, meetingId, 'meeting:start');
    await cmd(s.chair, meetingId, 'agenda:open-item', { itemId: items[1] });
    await cmd(s.chair, meetingId, 'presentation:go-to-page', { documentId, version: 1, page: 3 });
    await cmd(s.nam, meetingId, 'speaker:request');
    await cmd(s.lan, meetingId, 'speaker:request');
    await cmd(s.chair, meetingId, 'speaker:move', { userId: ids.lan, direction: 'up' });
    await cmd(s.chair, meetingId, 'speaker:grant', { userId: ids.lan });
    clock.advance(45_000);
    await cmd(s.chair, meetingId, 'speaker:pause-timer');
    await cmd(s.chair, meetingId, 'speaker:add-minute');
    const rows = await t.dataSource.getRepository(MeetingEventEntity).find({ where: { meetingId }, order: { seq: 'ASC' } });
    const full = replay(rows.map((r) => ({ type: r.type, payload: r.payload, at: r.at.toISOString() })));
    const snapshots = t.dataSource.getRepository(LiveSnapshotEntity);
    const stored = await snapshots.findOneByOrFail({ meetingId });
    expect(stored.seq).toBe(rows.length);
    expect(stored.state).toEqual(JSON.parse(JSON.stringify(full)));
    expect(full.speakers.current).toMatchObject({ userId: ids.lan, extraMs: 60_000, elapsedMsBeforePause: 45_000 });
    expect(full.speakers.queue.map((q) => q.userId)).toEqual([ids.nam]);

    // A snapshot written by another reducer version is not trusted: the join replays the log instead.
    await snapshots.update({ meetingId }, { version: 0, state: { ...stored.state, status: 'ended' } });
    const joined = (await send(s.lan, 'live:join', { meetingId })) as unknown as LiveJoinResult & { ok: true };
    expect(joined.mode === 'snapshot' && joined.state.status).toBe('in_progress');
    // …and the next command writes a good one again.
    await cmd(s.chair, meetingId, 'speaker:resume-timer');
    expect(await snapshots.findOneByOrFail({ meetingId })).toMatchObject({ seq: rows.length + 1, version: expect.any(Number) });
    expect((await snapshots.findOneByOrFail({ meetingId })).version).toBeGreaterThan(0);
  });

  it('keeps speaking statistics per member across meetings; members see only their own', async () => {
    // (no turn ended earlier in this file: the figures below are only this test's)
    const a = await meetingWithPlan();
    const b = await meetingWithPlan();
    for (const [meetingId, seconds] of [[a.meetingId, 90], [b.meetingId, 30]] as const) {
      await cmd(s.chair, meetingId, 'meeting:start');
      await cmd(s.nam, meetingId, 'speaker:request');
      await cmd(s.chair, meetingId, 'speaker:grant', { userId: ids.nam });
      clock.advance(seconds * 1000);
      await cmd(s.chair, meetingId, 'speaker:end-turn');
    }
    await cmd(s.lan, b.meetingId, 'speaker:request');
    await cmd(s.chair, b.meetingId, 'speaker:grant', { userId: ids.lan });
    clock.advance(20_000);
    await cmd(s.chair, b.meetingId, 'meeting:end'); // the end closes the turn too

    const range = '?from=2026-12-01&to=2026-12-01';
    const all = await json<SpeakingStatsRowDto[]>(await t.request('GET', `/api/live/speaking-stats${range}`, { cookie: f.secretary }));
    expect(all.map((r) => [r.user.fullName, r.turns, r.totalMs, r.meetings])).toEqual([
      ['Lê Hoàng Nam', 2, 120_000, 2],
      ['Phạm Thị Lan', 1, 20_000, 1],
    ]);
    const own = await json<SpeakingStatsRowDto[]>(await t.request('GET', `/api/live/speaking-stats${range}`, { cookie: cookie.nam }));
    expect(own.map((r) => r.user.id)).toEqual([ids.nam]);
    const otherDay = await json<SpeakingStatsRowDto[]>(await t.request('GET', '/api/live/speaking-stats?from=2026-12-02', { cookie: f.secretary }));
    expect(otherDay).toEqual([]);
    expect((await t.request('GET', '/api/live/speaking-stats?from=02/12/2026', { cookie: f.secretary })).status).toBe(400);
  });

  it('answers a retry with its original event, also one that would apply again now (the unique key stops it)', async () => {
    const { meetingId, documentId } = await meetingWithPlan();
    await cmd(s.chair, meetingId, 'meeting:start');
    const page3 = { meetingId, idempotencyKey: randomUUID(), documentId, version: 1, page: 3 };
    const first = await send(s.chair, 'presentation:go-to-page', page3);
    expect(first).toMatchObject({ ok: true });
    expect(await cmd(s.chair, meetingId, 'presentation:go-to-page', { documentId, version: 1, page: 4 })).toMatchObject({ ok: true });
    const events = t.dataSource.getRepository(MeetingEventEntity);
    const count = await events.countBy({ meetingId });
    // page 3 again would change the state (the room is on page 4): the key, not the state, makes it a repeat
    expect(await send(s.chair, 'presentation:go-to-page', page3)).toEqual(first);
    expect(await events.countBy({ meetingId })).toBe(count);
    const joined = (await send(s.nam, 'live:join', { meetingId })) as unknown as { state: { presentation: { page: number } | null } };
    expect(joined.state.presentation).toMatchObject({ page: 4 });
  });

  it('a LiveSession catches up after its socket drops, applying each missed event once', async () => {
    const { meetingId, items } = await meetingWithPlan();
    const socket = await connect(cookie.lan);
    const applied: number[] = [];
    const session = new LiveSession(socket, meetingId, { onApplied: (e: MeetingEventDto) => applied.push(e.seq) });
    await session.ready();
    await cmd(s.chair, meetingId, 'meeting:start');
    socket.disconnect();
    await cmd(s.chair, meetingId, 'agenda:open-item', { itemId: items[0] });
    await cmd(s.chair, meetingId, 'agenda:open-item', { itemId: items[1] });
    socket.connect();
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await session.ready();
    for (let i = 0; i < 100 && session.view.seq < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(session.view.seq).toBe(3);
    expect(applied).toEqual([1, 2, 3]);
    expect(session.view.state.currentItemId).toBe(items[1]);
    const cmdAck = await session.command('speaker:request', {});
    expect(cmdAck).toEqual({ ok: true, seq: 4 });
    session.close();
  });
});
