import { describe, expect, it } from '@jest/globals';
import {
  applyEvent,
  initialLiveState,
  isLiveEventType,
  LIVE_EVENT_TYPES,
  liveEventSchema,
  parseLiveEvent,
  replay,
  type LiveEventInput,
  type LiveState,
} from './live-state.js';
import { computeQuorum } from './quorum.js';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const t = (sec: number): string => new Date(T0 + sec * 1000).toISOString();
const e = (sec: number, type: string, payload: unknown = {}): LiveEventInput => ({ type, payload, at: t(sec) });

/** A scripted session: check-in, start, two items, a presentation, three speakers, a pause, the end. */
const SESSION: LiveEventInput[] = [
  e(-600, 'attendance.marked', { userId: 'chair', state: 'present_in_person' }),
  e(-300, 'attendance.marked', { userId: 'm1', state: 'present_in_person' }),
  e(-200, 'attendance.marked', { userId: 'm2', state: 'present_online' }),
  e(-100, 'attendance.marked', { userId: 'm3', state: 'absent', reason: 'Đi công tác' }),
  e(0, 'meeting.started'),
  e(10, 'agenda.item-opened', { itemId: 'item-1' }),
  e(20, 'presentation.page-shown', { documentId: 'doc-1', version: 1, page: 1, presenterUserId: 'chair' }),
  e(30, 'speaker.requested', { userId: 'm1' }),
  e(31, 'speaker.requested', { userId: 'm2' }),
  e(40, 'speaker.granted', { userId: 'm1' }),
  e(100, 'speaker.timer-paused'),
  e(130, 'speaker.timer-resumed'),
  e(150, 'speaker.time-added'),
  e(160, 'speaker.granted', { userId: 'm2' }), // m1 spoke 40→100 and 130→160 = 90 s
  e(190, 'speaker.turn-ended'), // m2 spoke 30 s
  e(200, 'agenda.item-opened', { itemId: 'item-2' }),
  e(210, 'presentation.page-shown', { documentId: 'doc-2', version: 3, page: 3, viewport: { x: 0.1, y: 0.2, zoom: 1.5 }, presenterUserId: 'm1' }),
  e(220, 'meeting.paused'),
  e(230, 'attendance.left', { userId: 'm2' }),
  e(300, 'meeting.resumed'),
  e(310, 'speaker.requested', { userId: 'chair' }),
  e(311, 'speaker.requested', { userId: 'm1' }),
  e(312, 'speaker.moved', { userId: 'm1', direction: 'up' }),
  e(320, 'speaker.granted', { userId: 'm1' }), // m1 speaks 320→400 = 80 s, ended by the meeting's end
  e(330, 'presentation.page-shown', { documentId: 'doc-2', version: 3, page: 7, presenterUserId: 'm1' }),
  e(400, 'meeting.ended'),
];

const snapshot = (s: LiveState): LiveState => JSON.parse(JSON.stringify(s)) as LiveState;

describe('replay', () => {
  it('a scripted session produces the expected state', () => {
    expect(replay(SESSION)).toEqual({
      status: 'ended',
      currentItemId: null,
      itemTimes: {
        'item-1': { startedAt: t(10), endedAt: t(200) },
        'item-2': { startedAt: t(200), endedAt: t(400) },
      },
      presentation: null,
      designatedPresenterId: null,
      openVoteId: null,
      voteDrafts: {},
      votes: {},
      speakers: { queue: [], current: null },
      attendance: {
        chair: { state: 'present_in_person', arrivedAt: t(-600) },
        m1: { state: 'present_in_person', arrivedAt: t(-300) },
        m2: { state: 'absent', arrivedAt: t(-200), leftAt: t(230) },
        m3: { state: 'absent', reason: 'Đi công tác' },
      },
      speakingStats: {
        m1: { turns: 2, totalMs: 170_000 },
        m2: { turns: 1, totalMs: 30_000 },
      },
    });
  });

  it('the state in the middle of the session shows the item, the page, the queue and the speaker', () => {
    const mid = replay(SESSION.slice(0, 25)); // up to page 7, before the end
    expect(mid.status).toBe('in_progress');
    expect(mid.currentItemId).toBe('item-2');
    expect(mid.presentation).toEqual({ documentId: 'doc-2', version: 3, page: 7, presenterUserId: 'm1' });
    expect(mid.speakers.queue.map((q) => q.userId)).toEqual(['chair']);
    expect(mid.speakers.current).toMatchObject({ userId: 'm1', startedAt: t(320), extraMs: 0 });
    expect(mid.itemTimes['item-2']).toEqual({ startedAt: t(200) });
  });

  it('a snapshot of the first part followed by the rest equals one replay, at every split point', () => {
    const full = replay(SESSION);
    for (let k = 0; k <= SESSION.length; k += 1) {
      const head = snapshot(replay(SESSION.slice(0, k)));
      expect(replay(SESSION.slice(k), head)).toEqual(full);
    }
  });

  it('is deterministic and does not mutate its input', () => {
    const before = snapshot(replay(SESSION.slice(0, 10)));
    const base = replay(SESSION.slice(0, 10));
    const a = replay(SESSION.slice(10), base);
    const b = replay(SESSION.slice(10), base);
    expect(a).toEqual(b);
    expect(base).toEqual(before);
  });

  it('the replayed attendance feeds the quorum', () => {
    const mid = replay(SESSION.slice(0, 18));
    const attendance = Object.fromEntries(Object.entries(mid.attendance).map(([u, r]) => [u, r.state]));
    const seats = [
      { userId: 'chair', role: 'chair' as const },
      { userId: 'm1', role: 'member' as const },
      { userId: 'm2', role: 'member' as const },
      { userId: 'm3', role: 'member' as const },
    ];
    expect(computeQuorum({ seats, attendance }, { kind: 'more_than_half' })).toEqual({ voting: 4, present: 3, required: 3, met: true });
  });
});

describe('applyEvent: totality', () => {
  it('unknown types are a no-op (same object)', () => {
    const s = replay(SESSION.slice(0, 8));
    expect(applyEvent(s, e(50, 'vote.opened', { voteId: 'v1' }))).toBe(s);
    expect(applyEvent(s, e(50, 'meeting.exploded'))).toBe(s);
  });
  it('invalid payloads and times are a no-op', () => {
    const s = replay(SESSION.slice(0, 8));
    expect(applyEvent(s, e(50, 'agenda.item-opened', {}))).toBe(s);
    expect(applyEvent(s, e(50, 'agenda.item-opened', null))).toBe(s);
    expect(applyEvent(s, e(50, 'presentation.page-shown', { documentId: 'd', version: 1, page: 0, presenterUserId: 'c' }))).toBe(s);
    expect(applyEvent(s, e(50, 'attendance.marked', { userId: 'x', state: 'absent' }))).toBe(s);
    expect(applyEvent(s, e(50, 'attendance.marked', { userId: 'x', state: 'sleeping' }))).toBe(s);
    expect(applyEvent(s, { type: 'meeting.paused', payload: {}, at: 'yesterday' })).toBe(s);
  });
  it('events without data accept {}, null or no payload', () => {
    for (const payload of [{}, null, undefined]) {
      expect(applyEvent(initialLiveState(), { type: 'meeting.started', payload, at: t(0) }).status).toBe('in_progress');
    }
  });
  it('speaker events the queue refuses are a no-op', () => {
    const s = replay(SESSION.slice(0, 10)); // m1 speaking, m2 queued
    expect(applyEvent(s, e(50, 'speaker.requested', { userId: 'm1' }))).toBe(s);
    expect(applyEvent(s, e(50, 'speaker.requested', { userId: 'm2' }))).toBe(s);
    expect(applyEvent(s, e(50, 'speaker.granted', { userId: 'nobody' }))).toBe(s);
    expect(applyEvent(s, e(50, 'speaker.timer-resumed'))).toBe(s);
  });
});

describe('applyEvent: meeting status', () => {
  it('follows scheduled → in progress → paused → in progress → ended', () => {
    const steps = [e(0, 'meeting.started'), e(1, 'meeting.paused'), e(2, 'meeting.resumed'), e(3, 'meeting.ended')];
    const statuses: string[] = [];
    steps.reduce((s, ev) => {
      const next = applyEvent(s, ev);
      statuses.push(next.status);
      return next;
    }, initialLiveState());
    expect(statuses).toEqual(['in_progress', 'paused', 'in_progress', 'ended']);
  });
  it('ignores transitions that do not apply', () => {
    const scheduled = initialLiveState();
    expect(applyEvent(scheduled, e(0, 'meeting.paused'))).toBe(scheduled);
    expect(applyEvent(scheduled, e(0, 'meeting.resumed'))).toBe(scheduled);
    const ended = replay([e(0, 'meeting.started'), e(1, 'meeting.ended')]);
    expect(applyEvent(ended, e(2, 'meeting.started'))).toBe(ended);
    expect(applyEvent(ended, e(2, 'meeting.ended'))).toBe(ended);
    expect(applyEvent(ended, e(2, 'agenda.item-opened', { itemId: 'x' }))).toBe(ended);
    const running = replay([e(0, 'meeting.started')]);
    expect(applyEvent(running, e(1, 'meeting.resumed'))).toBe(running);
  });
  it('agenda items and speakers wait for the start', () => {
    const s = initialLiveState();
    expect(applyEvent(s, e(0, 'agenda.item-opened', { itemId: 'a' }))).toBe(s);
    expect(applyEvent(s, e(0, 'speaker.requested', { userId: 'm1' }))).toBe(s);
  });
});

describe('applyEvent: agenda', () => {
  const started = (): LiveState => replay([e(0, 'meeting.started')]);
  it('opening an item closes the previous one', () => {
    const s = replay([e(1, 'agenda.item-opened', { itemId: 'a' }), e(5, 'agenda.item-opened', { itemId: 'b' })], started());
    expect(s.currentItemId).toBe('b');
    expect(s.itemTimes).toEqual({ a: { startedAt: t(1), endedAt: t(5) }, b: { startedAt: t(5) } });
  });
  it('reopening an item keeps its first start and clears its end', () => {
    const s = replay(
      [e(1, 'agenda.item-opened', { itemId: 'a' }), e(5, 'agenda.item-opened', { itemId: 'b' }), e(9, 'agenda.item-opened', { itemId: 'a' })],
      started(),
    );
    expect(s.itemTimes).toEqual({ a: { startedAt: t(1) }, b: { startedAt: t(5), endedAt: t(9) } });
  });
  it('opening the current item again changes nothing', () => {
    const s = replay([e(1, 'agenda.item-opened', { itemId: 'a' })], started());
    expect(applyEvent(s, e(3, 'agenda.item-opened', { itemId: 'a' }))).toBe(s);
  });
  it('closing the current item records its end', () => {
    const s = replay([e(1, 'agenda.item-opened', { itemId: 'a' }), e(4, 'agenda.item-closed')], started());
    expect(s.currentItemId).toBeNull();
    expect(s.itemTimes).toEqual({ a: { startedAt: t(1), endedAt: t(4) } });
    expect(applyEvent(s, e(5, 'agenda.item-closed'))).toBe(s);
  });
});

describe('applyEvent: presentation', () => {
  it('shows a page with an optional viewport and stops', () => {
    const s = replay([
      e(0, 'meeting.started'),
      e(1, 'presentation.page-shown', { documentId: 'd', version: 2, page: 3, viewport: { x: 0, y: 0.5, zoom: 2 }, presenterUserId: 'c' }),
    ]);
    expect(s.presentation).toEqual({ documentId: 'd', version: 2, page: 3, viewport: { x: 0, y: 0.5, zoom: 2 }, presenterUserId: 'c' });
    const next = applyEvent(s, e(2, 'presentation.page-shown', { documentId: 'd', version: 2, page: 4, presenterUserId: 'c' }));
    expect(next.presentation).toEqual({ documentId: 'd', version: 2, page: 4, presenterUserId: 'c' });
    expect(applyEvent(next, e(3, 'presentation.stopped')).presentation).toBeNull();
  });
  it('rejects a viewport outside relative units', () => {
    const s = replay([e(0, 'meeting.started')]);
    expect(applyEvent(s, e(1, 'presentation.page-shown', { documentId: 'd', version: 1, page: 1, viewport: { x: 2, y: 0, zoom: 1 }, presenterUserId: 'c' }))).toBe(s);
  });
});

describe('applyEvent: attendance', () => {
  it('records arrival once, leaving, and return', () => {
    const s = replay([
      e(0, 'attendance.marked', { userId: 'u', state: 'unmarked' }),
      e(10, 'attendance.marked', { userId: 'u', state: 'present_online' }),
      e(20, 'attendance.marked', { userId: 'u', state: 'present_in_person' }),
    ]);
    expect(s.attendance.u).toEqual({ state: 'present_in_person', arrivedAt: t(10) });
    const left = applyEvent(s, e(30, 'attendance.left', { userId: 'u', reason: 'Việc gia đình' }));
    expect(left.attendance.u).toEqual({ state: 'absent', arrivedAt: t(10), leftAt: t(30), reason: 'Việc gia đình' });
    const back = applyEvent(left, e(40, 'attendance.marked', { userId: 'u', state: 'present_in_person' }));
    expect(back.attendance.u).toEqual({ state: 'present_in_person', arrivedAt: t(10) });
  });
  it('marking a present member absent records when they left', () => {
    const s = replay([
      e(0, 'attendance.marked', { userId: 'u', state: 'present_in_person' }),
      e(5, 'attendance.marked', { userId: 'u', state: 'absent', reason: 'Ốm' }),
    ]);
    expect(s.attendance.u).toEqual({ state: 'absent', reason: 'Ốm', arrivedAt: t(0), leftAt: t(5) });
  });
  it('check-in is accepted before the meeting starts and after it ends', () => {
    expect(applyEvent(initialLiveState(), e(-60, 'attendance.marked', { userId: 'u', state: 'present_in_person' })).attendance.u?.state).toBe(
      'present_in_person',
    );
    const ended = replay([e(0, 'meeting.started'), e(1, 'meeting.ended')]);
    expect(applyEvent(ended, e(2, 'attendance.left', { userId: 'u' })).attendance.u).toEqual({ state: 'absent', leftAt: t(2) });
  });
});

describe('applyEvent: speakers', () => {
  it('ending the meeting ends the current turn and clears the queue', () => {
    const s = replay([e(0, 'meeting.started'), e(1, 'speaker.requested', { userId: 'a' }), e(1, 'speaker.requested', { userId: 'b' }), e(2, 'speaker.granted', { userId: 'a' }), e(12, 'meeting.ended')]);
    expect(s.speakers).toEqual({ queue: [], current: null });
    expect(s.speakingStats).toEqual({ a: { turns: 1, totalMs: 10_000 } });
  });
  it('skip, withdraw and move reorder the queue', () => {
    const s = replay([
      e(0, 'meeting.started'),
      e(1, 'speaker.requested', { userId: 'a' }),
      e(2, 'speaker.requested', { userId: 'b' }),
      e(3, 'speaker.requested', { userId: 'c' }),
      e(4, 'speaker.skipped', { userId: 'a' }),
      e(5, 'speaker.moved', { userId: 'c', direction: 'up' }),
      e(6, 'speaker.withdrawn', { userId: 'b' }),
    ]);
    expect(s.speakers.queue.map((q) => q.userId)).toEqual(['c', 'a']);
  });
});

describe('liveEventSchema', () => {
  it('lists every event type once', () => {
    expect(new Set(LIVE_EVENT_TYPES).size).toBe(LIVE_EVENT_TYPES.length);
    expect(LIVE_EVENT_TYPES).toEqual(expect.arrayContaining(['meeting.started', 'agenda.item-opened', 'presentation.page-shown', 'speaker.turn-ended']));
    expect(isLiveEventType('attendance.marked')).toBe(true);
    expect(isLiveEventType('vote.opened')).toBe(true);
    expect(isLiveEventType('vote.tallied')).toBe(false);
  });
  it('validates before appending and strips unknown fields', () => {
    expect(liveEventSchema.safeParse({ type: 'agenda.item-opened', payload: { itemId: 'a' }, at: t(0) }).success).toBe(true);
    expect(liveEventSchema.safeParse({ type: 'agenda.item-opened', payload: { itemId: '' }, at: t(0) }).success).toBe(false);
    expect(parseLiveEvent({ type: 'speaker.requested', payload: { userId: 'u', extra: 1 }, at: t(0) })).toEqual({
      type: 'speaker.requested',
      payload: { userId: 'u' },
      at: t(0),
    });
  });
  it('requires a reason for absence', () => {
    const r = liveEventSchema.safeParse({ type: 'attendance.marked', payload: { userId: 'u', state: 'absent' }, at: t(0) });
    expect(r.success).toBe(false);
    expect(parseLiveEvent({ type: 'attendance.marked', payload: { userId: 'u', state: 'absent', reason: '   ' }, at: t(0) })).toBeNull();
  });
});

describe('designated presenter', () => {
  const at = (n: number) => new Date(T0 + n * 1000).toISOString();
  it('is set and cleared by the chair, and cleared when the meeting ends', () => {
    const started = replay([{ type: 'meeting.started', payload: {}, at: at(0) }]);
    const set = applyEvent(started, { type: 'presentation.presenter-set', payload: { userId: 'm1' }, at: at(1) });
    expect(set.designatedPresenterId).toBe('m1');
    expect(applyEvent(set, { type: 'presentation.presenter-set', payload: { userId: 'm1' }, at: at(2) })).toBe(set);
    expect(applyEvent(set, { type: 'presentation.presenter-set', payload: { userId: null }, at: at(2) }).designatedPresenterId).toBeNull();
    expect(applyEvent(set, { type: 'meeting.ended', payload: {}, at: at(3) }).designatedPresenterId).toBeNull();
  });
});
