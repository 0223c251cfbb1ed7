import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import {
  applyEvent,
  type CommandInput,
  type LiveControlCommand,
  type LiveJoinResult,
  liveRefusal,
  type LiveSnapshot,
  type LiveState,
  type LiveSyncResult,
  type MeetingStatus,
  parseLiveEvent,
  rooms,
} from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { type MeetingContext, MeetingsService } from '../meetings/meetings.service.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';
import { UsersService } from '../users/users.service.js';
import { type AppendedEvent, EventLogService } from './event-log.service.js';
import { LiveCommandEvents } from './live-command-events.js';
import { canIssue } from './live-permissions.js';
import { liveRoomInfo } from './live-room.js';
import { LiveStateStore } from './live-state.store.js';
import { SpeakingStatsService } from './speaking-stats.service.js';

/** How the meetings table follows the live state: start and end move it, in the command's transaction. */
const MEETING_STATUS_MOVES: Partial<Record<LiveControlCommand, { from: MeetingStatus; to: MeetingStatus }>> = {
  'meeting:start': { from: 'published', to: 'in_progress' },
  'meeting:end': { from: 'in_progress', to: 'ended' },
};

/**
 * The live meeting room: commands become events of the meeting's log (one event per accepted command, appended in
 * the command's transaction together with the new snapshot), facts are broadcast to the room `meeting:<id>` after
 * commit, and clients catch up by seq (`sync`) or from a snapshot (`join`).
 */
@Injectable()
export class LiveService {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    private readonly log: EventLogService,
    private readonly store: LiveStateStore,
    private readonly commandEvents: LiveCommandEvents,
    private readonly speaking: SpeakingStatsService,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /** The meeting (404 for strangers) and the viewer's right to issue `command` (403 otherwise). */
  async authorise(viewer: Viewer, meetingId: string, command: Parameters<typeof canIssue>[0]): Promise<MeetingContext> {
    // A join draws the seats by name: they come with the participants.
    const ctx = await this.meetings.context(viewer, meetingId, { names: command === 'live:join' });
    if (!canIssue(command, ctx.membership, viewer.systemRole)) throw new AppError('FORBIDDEN');
    return ctx;
  }

  /** The room (seats, settings, who the viewer is) and the state: a snapshot, or the events after `afterSeq`. */
  async join(viewer: Viewer, ctx: MeetingContext, from: { afterSeq?: number; afterHash?: string }): Promise<LiveJoinResult> {
    const sync: LiveSyncResult =
      from.afterSeq === undefined ? { mode: 'snapshot', ...(await this.snapshot(ctx.meeting.id)) } : await this.sync(ctx.meeting.id, { afterSeq: from.afterSeq, afterHash: from.afterHash });
    const names = ctx.names ?? (await this.users.people(ctx.participants.flatMap((p) => [p.userId, p.substituteUserId ?? '']).filter(Boolean)));
    return { ...sync, room: liveRoomInfo(viewer, ctx, names), serverTime: this.clock.now().toISOString() };
  }

  /** The state with the hash of its last event, so a client can later prove where it stands. */
  snapshot(meetingId: string): Promise<LiveSnapshot> {
    return this.store.load(this.em, meetingId);
  }

  /**
   * The events after `afterSeq` when they are few enough (a page), else the full snapshot. A client ahead of the
   * log, or whose event at `afterSeq` is not ours (`afterHash`), holds events this server lost (restore, power cut):
   * it gets the snapshot marked `rewound` and must drop what it has.
   */
  async sync(meetingId: string, from: { afterSeq: number; afterHash?: string }): Promise<LiveSyncResult> {
    const { afterSeq, afterHash } = from;
    const missed = await this.log.missedSince(meetingId, afterSeq);
    // No event at afterSeq (> 0): the client is ahead of the log.
    const diverged = afterSeq > 0 && (missed.hashAtAfter === null || (afterHash !== undefined && missed.hashAtAfter !== afterHash));
    if (diverged) return { mode: 'snapshot', rewound: true, ...(await this.snapshot(meetingId)) };
    if (!missed.morePages) return { mode: 'events', events: missed.events };
    return { mode: 'snapshot', ...(await this.snapshot(meetingId)) };
  }

  /** Runs one control command: one event appended (or the original one, for a repeated key), then broadcast. */
  async command<K extends LiveControlCommand>(viewer: Viewer, name: K, body: CommandInput<K>): Promise<{ seq: number }> {
    const ctx = await this.authorise(viewer, body.meetingId, name);
    const appended = await this.log.keyedTransaction(body.meetingId, body.idempotencyKey, (em) => this.apply(em, viewer, ctx, name, body));
    if (!appended.duplicate) {
      const { duplicate: _duplicate, ...dto } = appended;
      this.realtime.to(rooms.meeting(body.meetingId))?.emit('live:event', dto);
    }
    return { seq: appended.seq };
  }

  private async apply<K extends LiveControlCommand>(
    em: EntityManager,
    viewer: Viewer,
    ctx: MeetingContext,
    name: K,
    body: CommandInput<K>,
  ): Promise<AppendedEvent> {
    await this.log.lockMeeting(em, body.meetingId);
    const before = await this.store.load(em, body.meetingId);
    let event: Awaited<ReturnType<LiveCommandEvents['eventFor']>>;
    try {
      event = await this.decide(em, viewer, ctx, name, body, before.state);
    } catch (error) {
      // The key is looked up only now: a retry of an applied command is mostly refused by the state it made (already
      // paused, already checked in), so it is answered here with its event; one that would apply again (the page
      // has moved on since) is stopped by the key's unique index at the insert (keyedTransaction answers it).
      const existing = error instanceof AppError ? await this.log.byKey(em, body.meetingId, body.idempotencyKey) : null;
      if (existing) return existing;
      throw error;
    }
    const input = { meetingId: body.meetingId, type: event.type, payload: event.payload, actorUserId: viewer.userId, idempotencyKey: body.idempotencyKey };
    const { events, writes } = await this.log.planAppend(em, [input], before);
    const appended = events[0];
    const after: LiveState = applyEvent(before.state, appended);
    await this.store.save(em, body.meetingId, { seq: appended.seq, state: after }, new Date(appended.at), writes);
    await this.speaking.recordEndedTurns(em, body.meetingId, before.state, after, appended);
    return appended;
  }

  /** The event `name` stands for in `state`, or the refusal; moves the meeting's status where the command does. */
  private async decide<K extends LiveControlCommand>(em: EntityManager, viewer: Viewer, ctx: MeetingContext, name: K, body: CommandInput<K>, state: LiveState) {
    const event = await this.commandEvents.eventFor(em, name, body, { viewer, ctx, state });
    const probe = { ...event, at: this.clock.now().toISOString() };
    const candidate = parseLiveEvent(probe);
    if (!candidate) throw new AppError('VALIDATION_FAILED');
    if (applyEvent(state, probe) === state) throw new AppError(liveRefusal(state, candidate));
    const move = MEETING_STATUS_MOVES[name];
    if (move) {
      const changed = await em.update(MeetingEntity, { id: body.meetingId, status: move.from }, { status: move.to, updatedAt: this.clock.now() });
      if (!changed.affected) throw new AppError('INVALID_STATUS_TRANSITION');
    }
    return event;
  }
}
