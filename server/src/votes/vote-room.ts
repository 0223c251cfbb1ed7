import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  applyParsed,
  type ErrorCode,
  type LiveSnapshot,
  type LiveState,
  type MeetingEventDto,
  type MeetingStatus,
  packEvents,
  parseLiveEvent,
  rooms,
  type VoteEventPayload,
  type VoteEventType,
} from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { dialectOf, type SqlDialect, type SqlRead, type SqlStatement } from '../database/raw-sql.js';
import { type AppendedEvent, EventLogService } from '../live/event-log.service.js';
import { type LoadedLiveState, LiveStateStore, type LogHead } from '../live/live-state.store.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';

/** The event a vote command stands for, and what to do once it is committed (arm a timer, scrub). */
export type VoteDecision = {
  [T in VoteEventType]: {
    type: T;
    payload: VoteEventPayload<T>;
    /** The refusal when the reducer finds the event changes nothing. */
    refusal?: ErrorCode;
    afterCommit?: () => void | Promise<void>;
  };
}[VoteEventType];

/**
 * The live room's write path for votes: the meeting's lock, the idempotency key, the log append, the snapshot and
 * the broadcast, the same way LiveService runs the live control commands (ADR 8, 9), so vote facts reach tablets
 * as `live:event` in seq order.
 */
@Injectable()
export class VoteRoom {
  constructor(
    private readonly log: EventLogService,
    private readonly store: LiveStateStore,
    private readonly clock: Clock,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /**
   * One command, one transaction: lock the meeting, answer a repeated key with its event, let `decide` check and
   * write the vote's rows and name the event, append it with the new snapshot; broadcast after commit.
   */
  async command(
    meetingId: string,
    idempotencyKey: string,
    actorUserId: string | null,
    decide: (em: EntityManager, state: LiveState) => Promise<VoteDecision>,
  ): Promise<AppendedEvent> {
    let afterCommit: VoteDecision['afterCommit'];
    const appended = await this.log.keyedTransaction(meetingId, idempotencyKey, async (em) => {
      await this.log.lockMeeting(em, meetingId);
      const existing = await this.log.byKey(em, meetingId, idempotencyKey);
      if (existing) return existing;
      const before = await this.store.load(em, meetingId);
      const decision = await decide(em, before.state);
      afterCommit = decision.afterCommit;
      const { event, state, writes } = await this.plan(em, meetingId, before, decision, actorUserId, idempotencyKey);
      await this.store.save(em, meetingId, { seq: event.seq, state }, new Date(event.at), writes);
      return event;
    });
    if (!appended.duplicate) {
      this.broadcast([appended]);
      await afterCommit?.();
    }
    return appended;
  }

  /** The meeting's live state under the caller's lock. */
  load(em: EntityManager, meetingId: string): Promise<LoadedLiveState> {
    return this.store.load(em, meetingId);
  }

  /** The log's head under the caller's lock, and how far the snapshot trails it (no state read), as a read (runReads). */
  headRead(meetingId: string): SqlRead<LogHead> {
    return this.store.headRead(meetingId);
  }

  /**
   * A vote event after `before` (the caller holds the meeting's lock and checked the key), the statements that append
   * it, and the state after it. An event the reducer ignores is refused, as live commands are: the log never holds an
   * event that changes nothing.
   */
  private async plan(
    em: EntityManager,
    meetingId: string,
    before: LiveSnapshot,
    decision: Pick<VoteDecision, 'type' | 'payload' | 'refusal'>,
    actorUserId: string | null,
    idempotencyKey: string,
  ): Promise<{ event: AppendedEvent; state: LiveState; writes: SqlStatement[] }> {
    const probe = {
      type: decision.type,
      payload: decision.payload,
      at: this.clock.now().toISOString(),
    };
    const parsed = parseLiveEvent(probe);
    if (!parsed) throw new Error(`invalid ${decision.type} payload`);
    if (applyParsed(before.state, parsed) === before.state) throw new AppError(decision.refusal ?? 'VOTE_INVALID_TRANSITION');
    const { events, writes } = await this.log.planAppend(em, [{ meetingId, type: decision.type, payload: decision.payload, actorUserId, idempotencyKey }], before);
    // parsed once; the stored event only brings its own time
    return { event: events[0], state: applyParsed(before.state, { ...parsed, at: events[0].at }), writes };
  }

  /**
   * Several vote facts as events after the log's `head` (a batch of ballots, already checked by the caller under the
   * lock), with the statements that append them (the caller runs them with its own writes: runWrites) and, given the
   * state at `head`, the state after the last (a batch that leaves the snapshot behind needs neither). Each must be
   * a valid event; none is refused here.
   */
  async planBatch(
    em: EntityManager,
    meetingId: string,
    head: { seq: number; hash?: string },
    facts: ReadonlyArray<Pick<VoteDecision, 'type' | 'payload'> & { actorUserId: string | null; idempotencyKey: string }>,
  ): Promise<{ events: AppendedEvent[]; writes: SqlStatement[]; stateAfter: (before: LiveState) => LiveState }> {
    const at = this.clock.now().toISOString();
    const parsed = facts.map((fact) => {
      const event = parseLiveEvent({ type: fact.type, payload: fact.payload, at });
      if (!event) throw new Error(`invalid ${fact.type} payload`);
      return event;
    });
    const { events, writes } = await this.log.planAppend(
      em,
      facts.map((f) => ({ meetingId, type: f.type, payload: f.payload, actorUserId: f.actorUserId, idempotencyKey: f.idempotencyKey })),
      head,
    );
    // each fact was parsed once above; the stored event only adds its own time
    return { events, writes, stateAfter: (before) => events.reduce<LiveState>((state, event, i) => applyParsed(state, { ...parsed[i], at: event.at }), before) };
  }

  /** The snapshot's upsert as a statement, for a caller that runs it with its other writes (runWrites). */
  snapshotWrite(em: EntityManager, meetingId: string, snapshot: LiveSnapshot, at: string): SqlStatement {
    return this.store.saveStatement(dialectOf(em), meetingId, snapshot, new Date(at));
  }

  /** Events already stored under any of these keys (a batch of ballots' retries), by key, as a read (runReads). */
  byKeysRead(dialect: SqlDialect, meetingId: string, keys: readonly string[]): SqlRead<Map<string, MeetingEventDto>> {
    return this.log.byKeysRead(dialect, meetingId, keys);
  }

  /** The meeting's lock (EventLogService.lockMeeting); answers its status. */
  lock(em: EntityManager, meetingId: string): Promise<MeetingStatus> {
    return this.log.lockMeeting(em, meetingId);
  }

  /**
   * After commit only: tablets must never see an event that was rolled back. Events committed together go as one
   * packed `live:events` message (a batch of ballots: shared fields once, per tablet), a single one as `live:event`;
   * events held across batches go as one packed message per run of consecutive seqs, in order.
   */
  broadcast(events: readonly MeetingEventDto[]): void {
    const dtos = events.map(({ duplicate: _d, ...dto }: MeetingEventDto & { duplicate?: boolean }) => dto);
    if (dtos.length === 0) return;
    const room = this.realtime.to(rooms.meeting(dtos[0].meetingId));
    for (const run of consecutiveRuns(dtos)) {
      const batch = run.length > 1 ? packEvents(run) : null;
      if (batch) room?.emit('live:events', batch);
      else for (const dto of run) room?.emit('live:event', dto);
    }
  }
}

/** Splits events (in seq order) where a seq is not the one before plus one. */
function consecutiveRuns(events: readonly MeetingEventDto[]): MeetingEventDto[][] {
  const runs: MeetingEventDto[][] = [];
  for (const e of events) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.meetingId === e.meetingId && e.seq === last.seq + 1) run.push(e);
    else runs.push([e]);
  }
  return runs;
}
