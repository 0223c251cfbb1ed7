import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, QueryFailedError, type Repository } from 'typeorm';
import {
  applyEvent,
  type ErrorCode,
  type LiveSnapshot,
  type LiveState,
  type MeetingEventDto,
  parseLiveEvent,
  rooms,
  type VoteEventPayload,
  type VoteEventType,
} from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { type AppendedEvent, EventLogService, toDto } from '../live/event-log.service.js';
import { LiveStateStore } from '../live/live-state.store.js';
import { MeetingEventEntity } from '../live/meeting-event.entity.js';
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
    @InjectRepository(MeetingEventEntity)
    private readonly events: Repository<MeetingEventEntity>,
    private readonly db: DbWriter,
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
    let appended: AppendedEvent;
    try {
      appended = await this.db.transaction(async (em) => {
        await this.log.lockMeeting(em, meetingId);
        const existing = await this.log.byKey(em, meetingId, idempotencyKey);
        if (existing) return existing;
        const before = await this.store.load(em, meetingId);
        const decision = await decide(em, before.state);
        afterCommit = decision.afterCommit;
        const { event, state } = await this.append(em, meetingId, before.state, decision, actorUserId, idempotencyKey);
        await this.saveSnapshot(em, meetingId, { seq: event.seq, state }, event.at);
        return event;
      });
    } catch (error) {
      // Two concurrent retries with the same key (two nodes): the unique index let one in; answer with its event.
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.events.findOne({
        where: { meetingId, idempotencyKey },
      });
      if (!existing) throw error;
      return { ...toDto(existing), duplicate: true };
    }
    if (!appended.duplicate) {
      this.broadcast([appended]);
      await afterCommit?.();
    }
    return appended;
  }

  /** The meeting's live state under the caller's lock. */
  load(em: EntityManager, meetingId: string): Promise<LiveSnapshot> {
    return this.store.load(em, meetingId);
  }

  /**
   * Appends a vote event (the caller holds the meeting's lock and checked the key) and returns the state after it.
   * An event the reducer ignores is refused, as live commands are: the log never holds an event that changes nothing.
   */
  async append(
    em: EntityManager,
    meetingId: string,
    state: LiveState,
    decision: Pick<VoteDecision, 'type' | 'payload' | 'refusal'>,
    actorUserId: string | null,
    idempotencyKey: string | undefined,
    options: { mayBeNoOp?: boolean } = {},
  ): Promise<{ event: AppendedEvent; state: LiveState }> {
    const probe = {
      type: decision.type,
      payload: decision.payload,
      at: this.clock.now().toISOString(),
    };
    if (!parseLiveEvent(probe)) throw new Error(`invalid ${decision.type} payload`);
    if (!options.mayBeNoOp && applyEvent(state, probe) === state) throw new AppError(decision.refusal ?? 'VOTE_INVALID_TRANSITION');
    const event = await this.log.appendLocked(em, {
      meetingId,
      type: decision.type,
      payload: decision.payload,
      actorUserId,
      idempotencyKey,
    });
    return { event, state: applyEvent(state, event) };
  }

  async saveSnapshot(em: EntityManager, meetingId: string, snapshot: LiveSnapshot, at: string): Promise<void> {
    await this.store.save(em, meetingId, snapshot, new Date(at));
  }

  byKey(em: EntityManager, meetingId: string, idempotencyKey: string): Promise<AppendedEvent | null> {
    return this.log.byKey(em, meetingId, idempotencyKey);
  }

  lock(em: EntityManager, meetingId: string): Promise<void> {
    return this.log.lockMeeting(em, meetingId);
  }

  /** After commit only: tablets must never see an event that was rolled back. */
  broadcast(events: readonly MeetingEventDto[]): void {
    for (const event of events) {
      const { duplicate: _d, ...dto } = event as AppendedEvent;
      this.realtime.to(rooms.meeting(event.meetingId))?.emit('live:event', dto);
    }
  }
}

export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
