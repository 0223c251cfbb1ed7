import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LiveJoinResult, LiveSyncResult, MeetingEventDto, WelcomeEvent } from '@phonghop/shared';
import { Fixtures, json } from '../testing/factories.js';
import { nextEvent, startTestApp, type TestApp, type TestSocket } from '../testing/test-app.js';
import { EVENT_PAGE_MAX, EventLogService } from './event-log.service.js';
import { LiveService } from './live.service.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
type Answer = { ok: boolean; code?: string } & Partial<LiveJoinResult> & Record<string, unknown>;

function send(socket: TestSocket, event: string, payload: unknown): Promise<Answer> {
  return (socket as unknown as { emitWithAck: (e: string, p: unknown) => Promise<Answer> }).emitWithAck(event, payload);
}

/** The mode of a catch-up answer, in one comparable shape. */
function shapeOf(answer: Answer): { mode: LiveSyncResult['mode']; rewound: boolean; seqs?: [number, number, number]; seq?: number; hash?: string } {
  if (answer.mode === 'events') {
    const events = answer.events as MeetingEventDto[];
    return { mode: 'events', rewound: false, seqs: [events.length, events[0]?.seq ?? 0, events.at(-1)?.seq ?? 0] };
  }
  return { mode: 'snapshot', rewound: answer.rewound === true, seq: answer.seq as number, hash: answer.hash as string | undefined };
}

describe(`catching up on join and sync (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let f: Fixtures;
  let log: EventLogService;
  let lan: TestSocket;
  let meetingId: string;
  /** The log: one page and two more, so that both sides of the page boundary exist with a real event before them. */
  const LAST = EVENT_PAGE_MAX + 2;
  let events: MeetingEventDto[];
  const hashAt = (seq: number) => events[seq - 1].hash;

  beforeAll(async () => {
    t = await startTestApp();
    f = await Fixtures.create(t);
    log = t.app.get(EventLogService);
    const { meeting } = await f.readyMeeting();
    meetingId = meeting.id;
    await json(await f.publish(meetingId));
    // pct.nam sends cvp.son in his place: the seat carries both names
    const nam = await t.login('pct.nam');
    const rsvp = { status: 'delegated', substituteUserId: await f.userId('cvp.son'), reason: 'Đi công tác tỉnh' };
    await json(await t.request('POST', `/api/meetings/${meetingId}/rsvp`, { cookie: nam, body: rsvp }));
    const namId = await f.userId('pct.nam');
    for (let i = 0; i < LAST; i++) {
      const type = i % 2 === 0 ? 'speaker.requested' : 'speaker.withdrawn';
      await log.appendInTransaction({ meetingId, type, payload: { userId: namId }, actorUserId: null });
    }
    events = [...(await log.since(meetingId, 0)), ...(await log.since(meetingId, EVENT_PAGE_MAX))];
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: LAST }, (_, i) => i + 1));
    lan = t.socket(await t.login('pct.lan'));
    await nextEvent<WelcomeEvent>(lan, 'session:welcomed');
  });
  afterAll(() => t.close());

  const snapshotAtHead = { mode: 'snapshot', seq: LAST, hash: expect.any(String) };

  it.each([
    ['at the head: nothing missed', () => ({ afterSeq: LAST, afterHash: hashAt(LAST) }), () => ({ mode: 'events', rewound: false, seqs: [0, 0, 0] })],
    ['a page behind: the page', () => ({ afterSeq: LAST - EVENT_PAGE_MAX, afterHash: hashAt(LAST - EVENT_PAGE_MAX) }), () => ({ mode: 'events', rewound: false, seqs: [EVENT_PAGE_MAX, LAST - EVENT_PAGE_MAX + 1, LAST] })],
    ['a page behind without a hash: the page', () => ({ afterSeq: LAST - EVENT_PAGE_MAX }), () => ({ mode: 'events', rewound: false, seqs: [EVENT_PAGE_MAX, LAST - EVENT_PAGE_MAX + 1, LAST] })],
    ['one more than a page behind: the snapshot', () => ({ afterSeq: LAST - EVENT_PAGE_MAX - 1, afterHash: hashAt(LAST - EVENT_PAGE_MAX - 1) }), () => ({ ...snapshotAtHead, rewound: false, hash: hashAt(LAST) })],
    ['from nothing, more than a page: the snapshot', () => ({ afterSeq: 0 }), () => ({ ...snapshotAtHead, rewound: false, hash: hashAt(LAST) })],
    ['from nothing, a hash is ignored', () => ({ afterSeq: 0, afterHash: 'f'.repeat(64) }), () => ({ ...snapshotAtHead, rewound: false, hash: hashAt(LAST) })],
    ['ahead of the log: rewound', () => ({ afterSeq: LAST + 1 }), () => ({ ...snapshotAtHead, rewound: true, hash: hashAt(LAST) })],
    ['ahead of the log with a hash: rewound', () => ({ afterSeq: LAST + 1, afterHash: hashAt(LAST) }), () => ({ ...snapshotAtHead, rewound: true, hash: hashAt(LAST) })],
    ['at the head with a foreign hash: rewound', () => ({ afterSeq: LAST, afterHash: 'f'.repeat(64) }), () => ({ ...snapshotAtHead, rewound: true, hash: hashAt(LAST) })],
    ['a page behind with a foreign hash: rewound', () => ({ afterSeq: LAST - EVENT_PAGE_MAX, afterHash: hashAt(1) }), () => ({ ...snapshotAtHead, rewound: true, hash: hashAt(LAST) })],
    ['far behind with a foreign hash: rewound', () => ({ afterSeq: 1, afterHash: hashAt(2) }), () => ({ ...snapshotAtHead, rewound: true, hash: hashAt(LAST) })],
  ])('%s (live:sync and live:join)', async (_name, from, expected) => {
    const sync = await send(lan, 'live:sync', { meetingId, ...from() });
    expect([sync.ok, sync.code]).toEqual([true, undefined]);
    expect(shapeOf(sync)).toEqual(expected());
    const join = await send(lan, 'live:join', { meetingId, ...from() });
    expect([join.ok, join.code, join.room?.meetingId]).toEqual([true, undefined, meetingId]);
    expect(shapeOf(join)).toEqual(expected());
  });

  it('sends the missed events themselves, as the log holds them', async () => {
    const from = LAST - EVENT_PAGE_MAX;
    const sync = await send(lan, 'live:sync', { meetingId, afterSeq: from, afterHash: hashAt(from) });
    expect(sync.events).toEqual(events.slice(from));
    const join = await send(lan, 'live:join', { meetingId, afterSeq: LAST - 3, afterHash: hashAt(LAST - 3) });
    expect(join.events).toEqual(events.slice(LAST - 3));
  });

  it('catches a short log up from nothing with its events, and an empty one with none', async () => {
    const { meeting } = await f.readyMeeting();
    await json(await f.publish(meeting.id));
    expect(await send(lan, 'live:sync', { meetingId: meeting.id, afterSeq: 0 })).toEqual({ ok: true, mode: 'events', events: [] });
    expect(shapeOf(await send(lan, 'live:sync', { meetingId: meeting.id, afterSeq: 1 }))).toEqual({ mode: 'snapshot', rewound: true, seq: 0, hash: undefined });
    const first = await log.appendInTransaction({ meetingId: meeting.id, type: 'meeting.started', payload: {}, actorUserId: null });
    const { duplicate: _duplicate, ...dto } = first;
    expect(await send(lan, 'live:sync', { meetingId: meeting.id, afterSeq: 0, afterHash: 'f'.repeat(64) })).toEqual({ ok: true, mode: 'events', events: [dto] });
    expect(await send(lan, 'live:sync', { meetingId: meeting.id, afterSeq: 1, afterHash: dto.hash })).toEqual({ ok: true, mode: 'events', events: [] });
  });

  it('draws the seats with the names of members and of their substitutes', async () => {
    const join = await send(lan, 'live:join', { meetingId, afterSeq: LAST, afterHash: hashAt(LAST) });
    expect(join.room?.seats.map((seat) => [seat.fullName, seat.position, seat.role, seat.substitute?.fullName ?? null])).toEqual([
      ['Trần Văn Minh', 'Chủ tịch UBND huyện', 'chair', null],
      ['Lê Hoàng Nam', 'Phó Chủ tịch UBND huyện', 'member', 'Bùi Thanh Sơn'],
      ['Phạm Thị Lan', 'Phó Chủ tịch UBND huyện', 'member', null],
      ['Huỳnh Văn Tâm', 'Trưởng phòng', 'guest', null],
    ]);
    const son = t.socket(await t.login('cvp.son'));
    await nextEvent<WelcomeEvent>(son, 'session:welcomed');
    const asSubstitute = await send(son, 'live:join', { meetingId, afterSeq: LAST });
    expect(asSubstitute.room?.me).toEqual({ userId: await f.userId('cvp.son'), role: 'member', seatUserId: await f.userId('pct.nam') });
    const stranger = t.socket(await t.login('tp.tuphap'));
    await nextEvent<WelcomeEvent>(stranger, 'session:welcomed');
    expect(await send(stranger, 'live:join', { meetingId: (await f.meeting()).id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  /** The SQL a call sends, read off the data source's logger (which TypeORM calls for every query). */
  async function queriesOf(work: () => Promise<unknown>): Promise<string[]> {
    const logger = t.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    const seen: string[] = [];
    logger.logQuery = (query, parameters, runner) => {
      seen.push(query);
      return original(query, parameters, runner);
    };
    try {
      await work();
    } finally {
      logger.logQuery = original;
    }
    return seen;
  }

  it('joins an up-to-date tablet in 3 queries (the meeting, the seats with their names, the missed events); a snapshot adds only its own reads', async () => {
    const snapshot = (await queriesOf(() => t.app.get(LiveService).snapshot(meetingId))).length;
    const upToDate = await queriesOf(async () => expect(shapeOf(await send(lan, 'live:join', { meetingId, afterSeq: LAST, afterHash: hashAt(LAST) }))).toMatchObject({ mode: 'events' }));
    const behind = await queriesOf(async () => expect(shapeOf(await send(lan, 'live:join', { meetingId, afterSeq: 1, afterHash: hashAt(1) }))).toMatchObject({ mode: 'snapshot' }));
    const fresh = await queriesOf(async () => expect(shapeOf(await send(lan, 'live:join', { meetingId }))).toMatchObject({ mode: 'snapshot' }));
    const sync = await queriesOf(async () => expect(shapeOf(await send(lan, 'live:sync', { meetingId, afterSeq: LAST - 1, afterHash: hashAt(LAST - 1) }))).toMatchObject({ mode: 'events' }));
    expect(upToDate).toHaveLength(3);
    expect(behind).toHaveLength(3 + snapshot);
    expect(fresh).toHaveLength(2 + snapshot);
    expect(sync).toHaveLength(3);
  });
});
