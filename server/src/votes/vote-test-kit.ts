import { randomUUID } from 'node:crypto';
import { type CreateVoteRequest, type LiveJoinResult, type LiveState, type MeetingEventDto, unpackEvents, type WelcomeEvent } from '@phonghop/shared';
import type { DataSource } from 'typeorm';
import type { Clock } from '../common/clock.js';
import { toDto } from '../live/event-log.service.js';
import { MeetingEventEntity } from '../live/meeting-event.entity.js';
import { Fixtures, json } from '../testing/factories.js';
import { nextEvent, startTestApp, type TestApp, type TestSocket } from '../testing/test-app.js';
import { VoteEntity } from './vote.entity.js';

/** Test support for the voting specs: a live meeting with every kind of seat, commands and table dumps. */

export type AnyAck = { ok: boolean; code?: string; message?: string; seq?: number; voteId?: string; [k: string]: unknown };

export const PEOPLE = {
  chair: 'chutich',
  nam: 'pct.nam',
  lan: 'pct.lan',
  son: 'cvp.son',
  guest: 'tp.tuphap',
  display: 'maychieu',
  secretary: 'thuky',
  outsider: 'tp.noivu',
  sub: 'tp.taichinh',
} as const;
export type Who = keyof typeof PEOPLE;

/** Every table a vote writes to, and the log and snapshot beside them. */
export const VOTE_TABLES = ['votes', 'vote_participation', 'vote_ballots', 'vote_counts', 'meeting_events', 'meeting_live_snapshots'] as const;

export function send(socket: TestSocket, event: string, payload: unknown): Promise<AnyAck> {
  return (socket as unknown as { emitWithAck: (e: string, p: unknown) => Promise<AnyAck> }).emitWithAck(event, payload);
}

export const yesNo = (extra: Partial<CreateVoteRequest> = {}): CreateVoteRequest => ({
  question: 'Thông qua Kế hoạch cải cách hành chính năm 2027',
  kind: 'open',
  rule: 'majority_of_present',
  ...extra,
});

export class VoteKit {
  readonly sockets = {} as Record<Who, TestSocket>;
  readonly ids = {} as Record<Who, string>;
  readonly cookies = {} as Record<Who, string>;

  private constructor(
    readonly t: TestApp,
    readonly f: Fixtures,
  ) {}

  static async start(clock: Clock, env: Record<string, string> = {}): Promise<VoteKit> {
    const t = await startTestApp({ clock, env });
    const kit = new VoteKit(t, await Fixtures.create(t));
    for (const [who, username] of Object.entries(PEOPLE) as Array<[Who, string]>) {
      kit.cookies[who] = await t.login(username);
      kit.sockets[who] = await kit.connect(kit.cookies[who]);
      kit.ids[who] = await kit.f.userId(username);
    }
    return kit;
  }

  async connect(cookie: string): Promise<TestSocket> {
    const socket = this.t.socket(cookie);
    await nextEvent<WelcomeEvent>(socket, 'session:welcomed');
    return socket;
  }

  get db(): DataSource {
    return this.t.dataSource;
  }

  /**
   * A meeting under way: chair, members nam, lan and son, a guest and the display; `present` are checked in (by
   * default all voting members but son). `substituteForLan`: lan delegated her seat to `sub` before the start.
   */
  async liveMeeting(options: { present?: Who[]; substituteForLan?: boolean } = {}): Promise<{ meetingId: string; items: string[] }> {
    const { meeting, items } = await this.f.readyMeeting();
    await this.f.addParticipant(meeting.id, PEOPLE.son, 'member');
    await this.f.addParticipant(meeting.id, PEOPLE.display, 'display');
    await json(await this.f.publish(meeting.id, true));
    if (options.substituteForLan) {
      const res = await this.t.request('POST', `/api/meetings/${meeting.id}/rsvp`, {
        cookie: this.cookies.lan,
        body: { status: 'delegated', substituteUserId: this.ids.sub, reason: 'Đi công tác' },
      });
      await json(res);
    }
    await this.ok('chair', meeting.id, 'meeting:start');
    for (const who of options.present ?? ['chair', 'nam', 'lan']) {
      await this.ok('secretary', meeting.id, 'attendance:mark', { userId: this.ids[who], state: 'present_in_person' });
    }
    return { meetingId: meeting.id, items };
  }

  cmd(who: Who, meetingId: string, event: string, extra: Record<string, unknown> = {}): Promise<AnyAck> {
    return send(this.sockets[who], event, { meetingId, idempotencyKey: randomUUID(), ...extra });
  }

  async ok(who: Who, meetingId: string, event: string, extra: Record<string, unknown> = {}): Promise<AnyAck> {
    const ack = await this.cmd(who, meetingId, event, extra);
    if (!ack.ok) throw new Error(`${who} ${event} refused: ${ack.code} ${ack.message}`);
    return ack;
  }

  async createVote(meetingId: string, vote: CreateVoteRequest = yesNo(), who: Who = 'chair'): Promise<string> {
    return (await this.ok(who, meetingId, 'vote:create', { vote })).voteId!;
  }

  async openVote(meetingId: string, vote: CreateVoteRequest = yesNo()): Promise<string> {
    const voteId = await this.createVote(meetingId, vote);
    await this.ok('chair', meetingId, 'vote:open', { voteId });
    return voteId;
  }

  cast(who: Who, meetingId: string, voteId: string, choices: string[], idempotencyKey: string = randomUUID()): Promise<AnyAck> {
    return send(this.sockets[who], 'vote:cast', { meetingId, voteId, choices, idempotencyKey });
  }

  async state(meetingId: string, who: Who = 'secretary'): Promise<LiveState> {
    const joined = (await send(this.sockets[who], 'live:join', { meetingId })) as unknown as LiveJoinResult & { ok: true };
    if (joined.mode !== 'snapshot') throw new Error('expected a snapshot');
    return joined.state;
  }

  async events(meetingId: string): Promise<MeetingEventDto[]> {
    const rows = await this.db.getRepository(MeetingEventEntity).find({ where: { meetingId }, order: { seq: 'ASC' } });
    return rows.map(toDto);
  }

  /** The vote's row, JSON columns parsed (SQLite stores jsonb as a blob, which raw SQL returns as bytes). */
  vote(voteId: string): Promise<VoteEntity | null> {
    return this.db.getRepository(VoteEntity).findOneBy({ id: voteId });
  }

  /** Every row of the vote tables, the log and the snapshots, to compare before and after a refused command. */
  async dump(): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of VOTE_TABLES) out[table] = await this.db.query(`SELECT * FROM ${table}`);
    for (const rows of Object.values(out)) rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    return out;
  }

  param(n: number): string {
    return this.db.options.type === 'postgres' ? `$${n}` : '?';
  }

  close(): Promise<void> {
    return this.t.close();
  }
}

/** Collects the facts broadcast to a socket (`live:event`, and `live:events` batches unpacked) from the moment it is called. */
export function collect(socket: TestSocket): { events: MeetingEventDto[]; until: (pred: (events: MeetingEventDto[]) => boolean, ms?: number) => Promise<MeetingEventDto[]> } {
  const events: MeetingEventDto[] = [];
  socket.on('live:event', (e) => events.push(e));
  socket.on('live:events', (batch) => events.push(...unpackEvents(batch)));
  return {
    events,
    until: (pred, ms = 5000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          if (pred(events)) return resolve(events);
          if (Date.now() - started > ms) return reject(new Error(`live:event condition not met within ${ms} ms (${events.map((e) => e.type).join(', ')})`));
          setTimeout(tick, 10);
        };
        tick();
      }),
  };
}
