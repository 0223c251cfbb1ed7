import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DocumentDto, LiveState, MeetingDto, MeetingEventDto, WelcomeEvent } from '@phonghop/shared';
import { FakeClock } from '../common/clock.js';
import { documentMeta, Fixtures, json } from '../testing/factories.js';
import { fixture } from '../testing/fixture-files.js';
import { nextEvent, startTestApp, type TestApp, type TestSocket } from '../testing/test-app.js';
import { EventLogService } from './event-log.service.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const PLAN = 'vi/ke-hoach-cai-cach-hanh-chinh-2021-2025.pdf';
const META = documentMeta();

type Role = 'chair' | 'member' | 'guest' | 'display' | 'secretary' | 'outsider';
const ROLES: Role[] = ['chair', 'member', 'guest', 'display', 'secretary', 'outsider'];
const USERNAMES: Record<Role, string> = {
  chair: 'chutich',
  member: 'pct.nam',
  guest: 'tp.tuphap',
  display: 'tp.noivu',
  secretary: 'thuky',
  outsider: 'cvp.son',
};
type AnyAck = { ok: boolean; code?: string; seq?: number; [k: string]: unknown };

const key = () => randomUUID();

/** Emits any command (tests also send malformed payloads) and resolves with its ack. */
function send(socket: TestSocket, event: string, payload: unknown): Promise<AnyAck> {
  return (socket as unknown as { emitWithAck: (e: string, p: unknown) => Promise<AnyAck> }).emitWithAck(event, payload);
}

/** Collects `live:event` facts from the moment it is called. */
function collect(socket: TestSocket): { events: MeetingEventDto[]; until: (n: number, ms?: number) => Promise<MeetingEventDto[]> } {
  const events: MeetingEventDto[] = [];
  socket.on('live:event', (e) => events.push(e));
  return {
    events,
    until: (n, ms = 5000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          if (events.length >= n) return resolve(events);
          if (Date.now() - started > ms) return reject(new Error(`only ${events.length} of ${n} live:event within ${ms} ms`));
          setTimeout(tick, 10);
        };
        tick();
      }),
  };
}

describe(`live meeting room over socket.io (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  const clock = new FakeClock(new Date('2026-12-01T01:00:00Z'));
  let t: TestApp;
  let f: Fixtures;
  let log: EventLogService;
  const cookies = {} as Record<Role, string>;
  const sockets = {} as Record<Role, TestSocket>;
  let lan: TestSocket;

  const connect = async (cookie: string): Promise<TestSocket> => {
    const socket = t.socket(cookie);
    await nextEvent<WelcomeEvent>(socket, 'session:welcomed');
    return socket;
  };

  /** A published meeting (chair, members pct.nam and pct.lan, guest, a display), with one document if asked. */
  const liveMeeting = async (withDocument = false) => {
    const ready = await f.readyMeeting();
    await f.addParticipant(ready.meeting.id, 'tp.noivu', 'display');
    await json(await f.publish(ready.meeting.id));
    let documentId = '';
    if (withDocument) {
      const res = await t.request('POST', `/api/meetings/${ready.meeting.id}/documents`, {
        cookie: f.secretary,
        body: fixture(PLAN) as unknown as string,
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent('Kế hoạch CCHC.pdf'),
          'x-document-metadata': encodeURIComponent(JSON.stringify(META)),
        },
      });
      documentId = (await json<DocumentDto>(res, 201)).id;
    }
    return { meetingId: ready.meeting.id, items: ready.items, documentId };
  };

  const chairDoes = async (meetingId: string, event: string, extra: Record<string, unknown> = {}) => {
    const ack = await send(sockets.chair, event, { meetingId, idempotencyKey: key(), ...extra });
    expect(ack).toMatchObject({ ok: true });
    return ack;
  };

  beforeAll(async () => {
    t = await startTestApp({ clock });
    f = await Fixtures.create(t);
    log = t.app.get(EventLogService);
    for (const role of ROLES) {
      cookies[role] = await t.login(USERNAMES[role]);
      sockets[role] = await connect(cookies[role]);
    }
    lan = await connect(await t.login('pct.lan'));
  });
  afterAll(() => t.close());

  it('runs a session: start, open item 2, show page 3; members follow; join snapshots, sync, retry, verify', async () => {
    const { meetingId, items, documentId } = await liveMeeting(true);
    const joined = await send(sockets.member, 'live:join', { meetingId });
    expect(joined).toMatchObject({ ok: true, seq: 0, state: { status: 'scheduled', currentItemId: null } });
    expect(await send(lan, 'live:join', { meetingId })).toMatchObject({ ok: true, seq: 0 });
    const nam = collect(sockets.member);
    const lanHeard = collect(lan);

    // The chair starts the meeting: members hear seq 1, and the meeting's status moves with it.
    expect(await send(sockets.chair, 'meeting:start', { meetingId, idempotencyKey: key() })).toEqual({ ok: true, seq: 1 });
    const [started] = await nam.until(1);
    expect(started).toMatchObject({ meetingId, seq: 1, type: 'meeting.started', actorUserId: await f.userId('chutich') });
    expect((await lanHeard.until(1))[0]).toEqual(started);
    const meeting = await json<MeetingDto>(await t.request('GET', `/api/meetings/${meetingId}`, { cookie: cookies.member }));
    expect(meeting.status).toBe('in_progress');

    // Item 2, then page 3 of the plan.
    expect(await send(sockets.chair, 'agenda:open-item', { meetingId, idempotencyKey: key(), itemId: items[1] })).toEqual({ ok: true, seq: 2 });
    const page = { meetingId, idempotencyKey: key(), documentId, version: 1, page: 3, viewport: { x: 0, y: 0.25, zoom: 1.5 } };
    expect(await send(sockets.chair, 'presentation:go-to-page', page)).toEqual({ ok: true, seq: 3 });
    for (const heard of [nam, lanHeard]) {
      const events = await heard.until(3);
      expect(events.map((e) => [e.seq, e.type])).toEqual([
        [1, 'meeting.started'],
        [2, 'agenda.item-opened'],
        [3, 'presentation.page-shown'],
      ]);
      expect(events[2].payload).toMatchObject({ documentId, version: 1, page: 3, viewport: { x: 0, y: 0.25, zoom: 1.5 } });
    }

    // A tablet that joins afterwards gets the snapshot.
    for (const socket of [await connect(cookies.member), await connect(await t.login('pct.lan'))]) {
      const snap = (await send(socket, 'live:join', { meetingId })) as unknown as { ok: true; seq: number; state: LiveState };
      expect(snap.seq).toBe(3);
      expect(snap.state).toMatchObject({ status: 'in_progress', currentItemId: items[1], presentation: { documentId, version: 1, page: 3 } });
    }

    // The same key twice: one event, the same seq, one broadcast.
    const pause = { meetingId, idempotencyKey: key() };
    expect(await send(sockets.chair, 'meeting:pause', pause)).toEqual({ ok: true, seq: 4 });
    expect(await send(sockets.chair, 'meeting:pause', pause)).toEqual({ ok: true, seq: 4 });
    expect(await log.lastSeq(meetingId)).toBe(4);
    expect(await send(sockets.chair, 'meeting:resume', { meetingId, idempotencyKey: key() })).toEqual({ ok: true, seq: 5 });
    expect((await nam.until(5)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);

    // A command that does not apply now is refused, and nothing is appended.
    expect(await send(sockets.chair, 'meeting:start', { meetingId, idempotencyKey: key() })).toMatchObject({ ok: false, code: 'INVALID_STATUS_TRANSITION' });
    expect(await send(sockets.chair, 'meeting:resume', { meetingId, idempotencyKey: key() })).toMatchObject({ ok: false, code: 'INVALID_STATUS_TRANSITION' });
    expect(await send(sockets.chair, 'agenda:open-item', { meetingId, idempotencyKey: key(), itemId: randomUUID() })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await log.lastSeq(meetingId)).toBe(5);

    // Sync after seq 2: exactly 3..5, as broadcast.
    const sync = await send(sockets.member, 'live:sync', { meetingId, afterSeq: 2 });
    expect(sync).toMatchObject({ ok: true, mode: 'events' });
    expect(sync.events).toEqual(nam.events.slice(2));
    expect(await send(sockets.member, 'live:sync', { meetingId, afterSeq: 5 })).toEqual({ ok: true, mode: 'events', events: [] });
    // A client ahead of the log, or whose last event is not ours, holds events this server lost: a rewound snapshot.
    expect(await send(sockets.member, 'live:sync', { meetingId, afterSeq: 99 })).toMatchObject({ ok: true, mode: 'snapshot', rewound: true, seq: 5, hash: nam.events[4].hash });
    expect(await send(sockets.member, 'live:sync', { meetingId, afterSeq: 2, afterHash: 'f'.repeat(64) })).toMatchObject({ ok: true, mode: 'snapshot', rewound: true, seq: 5 });
    expect(await send(sockets.member, 'live:sync', { meetingId, afterSeq: 2, afterHash: nam.events[1].hash })).toMatchObject({ ok: true, mode: 'events' });
    expect(await send(sockets.member, 'live:join', { meetingId, afterSeq: 7, afterHash: nam.events[1].hash })).toMatchObject({ ok: true, mode: 'snapshot', rewound: true, room: { meetingId } });

    // Attendance, speakers, and the end of the meeting.
    await send(sockets.member, 'attendance:check-in', { meetingId, idempotencyKey: key() });
    await chairDoes(meetingId, 'attendance:mark', { userId: await f.userId('pct.lan'), state: 'absent', reason: 'Đi công tác' });
    expect(await send(sockets.member, 'speaker:request', { meetingId, idempotencyKey: key() })).toMatchObject({ ok: true, seq: 8 });
    await chairDoes(meetingId, 'speaker:grant', { userId: await f.userId('pct.nam') });
    await chairDoes(meetingId, 'speaker:end-turn');
    expect(await send(sockets.chair, 'meeting:end', { meetingId, idempotencyKey: key() })).toEqual({ ok: true, seq: 11 });
    const ended = await json<MeetingDto>(await t.request('GET', `/api/meetings/${meetingId}`, { cookie: cookies.member }));
    expect(ended.status).toBe('ended');
    const finalSnap = (await send(lan, 'live:join', { meetingId })) as unknown as { state: LiveState };
    expect(finalSnap.state.attendance[await f.userId('pct.nam')]).toMatchObject({ state: 'present_in_person' });
    expect(finalSnap.state.attendance[await f.userId('pct.lan')]).toMatchObject({ state: 'absent', reason: 'Đi công tác' });
    expect(finalSnap.state.speakingStats[await f.userId('pct.nam')]).toMatchObject({ turns: 1 });

    expect(await log.verify(meetingId)).toEqual({ ok: true, lastSeq: 11, headHash: expect.any(String) });
  });

  it('answers malformed payloads with VALIDATION_FAILED', async () => {
    const { meetingId } = await liveMeeting();
    const bad: Array<[string, unknown]> = [
      ['meeting:start', { meetingId }],
      ['meeting:start', { meetingId, idempotencyKey: 'short' }],
      ['presentation:go-to-page', { meetingId, idempotencyKey: key(), documentId: 'x', version: 1, page: 0 }],
      ['attendance:mark', { meetingId, idempotencyKey: key(), userId: 'x', state: 'absent' }],
      ['live:sync', { meetingId, afterSeq: -1 }],
      ['live:join', undefined],
    ];
    for (const [event, payload] of bad) {
      expect(await send(sockets.chair, event, payload)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: 'Dữ liệu gửi lên không hợp lệ.' });
    }
    expect(await log.lastSeq(meetingId)).toBe(0);
  });

  describe('permission matrix: command × meeting role', () => {
    type Outcome = string;
    const row = (allowed: Role[], refusals: Partial<Record<Role, Outcome>> = {}): Record<Role, Outcome> =>
      Object.fromEntries(
        ROLES.map((r) => [r, refusals[r] ?? (r === 'outsider' ? 'NOT_FOUND' : allowed.includes(r) ? 'ok' : 'FORBIDDEN')]),
      ) as Record<Role, Outcome>;

    /** Per command: who may, and what the chair does first so that the allowed roles' commands apply. */
    /** `refusals`: roles the permission table lets through but the meeting's state refuses (with that code). */
    const MATRIX: Array<{
      command: string;
      allowed: Role[];
      setup: string[];
      refusals?: Partial<Record<Role, Outcome>>;
      payload?: (ctx: { items: string[]; documentId: string; lanId: string; namId: string }, role: Role) => Record<string, unknown>;
    }> = [
      { command: 'live:join', allowed: ['chair', 'member', 'guest', 'display', 'secretary'], setup: [] },
      { command: 'live:sync', allowed: ['chair', 'member', 'guest', 'display', 'secretary'], setup: [], payload: () => ({ afterSeq: 0 }) },
      { command: 'meeting:start', allowed: ['chair'], setup: [] },
      { command: 'meeting:pause', allowed: ['chair'], setup: ['meeting:start'] },
      { command: 'meeting:resume', allowed: ['chair'], setup: ['meeting:start', 'meeting:pause'] },
      { command: 'meeting:end', allowed: ['chair'], setup: ['meeting:start'] },
      { command: 'agenda:open-item', allowed: ['chair'], setup: ['meeting:start'], payload: ({ items }) => ({ itemId: items[0] }) },
      // a member shows pages only once the chair designates them (tested below)
      { command: 'presentation:go-to-page', allowed: ['chair'], refusals: { member: 'NOT_PRESENTER' }, setup: ['meeting:start'], payload: ({ documentId }) => ({ documentId, version: 1, page: 2 }) },
      { command: 'presentation:stop', allowed: ['chair'], refusals: { member: 'NOT_PRESENTER' }, setup: ['meeting:start', 'show-page'] },
      { command: 'presentation:set-presenter', allowed: ['chair'], setup: ['meeting:start'], payload: ({ namId }) => ({ userId: namId }) },
      { command: 'attendance:check-in', allowed: ['chair', 'member'], setup: ['meeting:start'] },
      { command: 'attendance:mark', allowed: ['chair', 'secretary'], setup: [], payload: ({ lanId }, role) => ({ userId: lanId, state: role === 'chair' ? 'present_online' : 'present_in_person' }) },
      { command: 'speaker:request', allowed: ['chair', 'member'], setup: ['meeting:start'] },
      { command: 'speaker:withdraw', allowed: ['chair', 'member'], setup: ['meeting:start', 'speaker:request', 'member:speaker:request'] },
      { command: 'speaker:grant', allowed: ['chair'], setup: ['meeting:start', 'member:speaker:request'], payload: ({ namId }) => ({ userId: namId }) },
      { command: 'speaker:skip', allowed: ['chair'], setup: ['meeting:start', 'member:speaker:request', 'speaker:request'], payload: ({ namId }) => ({ userId: namId }) },
      { command: 'speaker:move', allowed: ['chair'], setup: ['meeting:start', 'speaker:request', 'member:speaker:request'], payload: ({ namId }) => ({ userId: namId, direction: 'up' }) },
      { command: 'speaker:end-turn', allowed: ['chair'], setup: ['meeting:start', 'member:speaker:request', 'grant-nam'] },
      { command: 'speaker:pause-timer', allowed: ['chair'], setup: ['meeting:start', 'member:speaker:request', 'grant-nam'] },
      { command: 'speaker:resume-timer', allowed: ['chair'], setup: ['meeting:start', 'member:speaker:request', 'grant-nam', 'speaker:pause-timer'] },
      { command: 'speaker:add-minute', allowed: ['chair'], setup: ['meeting:start', 'member:speaker:request', 'grant-nam'] },
    ];

    it.each(MATRIX.map((m) => [m.command, m] as const))('%s', async (_name, m) => {
      const { meetingId, items, documentId } = await liveMeeting(m.command.startsWith('presentation:'));
      const ctx = { items, documentId, lanId: await f.userId('pct.lan'), namId: await f.userId('pct.nam') };
      for (const step of m.setup) {
        if (step === 'grant-nam') await chairDoes(meetingId, 'speaker:grant', { userId: ctx.namId });
        else if (step === 'show-page') await chairDoes(meetingId, 'presentation:go-to-page', { documentId, version: 1, page: 1 });
        else if (step.startsWith('member:')) {
          expect(await send(sockets.member, step.slice('member:'.length), { meetingId, idempotencyKey: key() })).toMatchObject({ ok: true });
        } else await chairDoes(meetingId, step);
      }
      const expected = row(m.allowed, m.refusals);
      // Refusals first (they must leave the log as it is), then the roles that may.
      const order = [...ROLES.filter((r) => expected[r] !== 'ok'), ...ROLES.filter((r) => expected[r] === 'ok')];
      const outcomes = {} as Record<Role, Outcome>;
      for (const role of order) {
        const before = await log.lastSeq(meetingId);
        const payload = { meetingId, ...(m.command.startsWith('live:') ? {} : { idempotencyKey: key() }), ...m.payload?.(ctx, role) };
        const ack = await send(sockets[role], m.command, payload);
        outcomes[role] = ack.ok ? 'ok' : (ack.code as Outcome);
        const appended = (await log.lastSeq(meetingId)) - before;
        expect([role, appended]).toEqual([role, ack.ok && !m.command.startsWith('live:') ? 1 : 0]);
      }
      expect(outcomes).toEqual(expected);
    });
  });
});
