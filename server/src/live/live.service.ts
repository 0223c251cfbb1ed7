import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, QueryFailedError, type Repository } from 'typeorm';
import {
  applyEvent,
  type CommandInput,
  type LiveControlCommand,
  type LiveEvent,
  type LiveEventPayload,
  type LiveSnapshot,
  type LiveState,
  type LiveSyncResult,
  type MeetingEventDto,
  type MeetingStatus,
  replay,
  rooms,
} from '@phonghop/shared';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { DocumentEntity } from '../documents/document.entity.js';
import type { Viewer } from '../meetings/meeting-access.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { type MeetingContext, MeetingsService } from '../meetings/meetings.service.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';
import { EVENT_PAGE_MAX, EventLogService, toDto } from './event-log.service.js';
import { canIssue } from './live-permissions.js';
import { MeetingEventEntity } from './meeting-event.entity.js';

type EventOf = { type: LiveEvent['type']; payload: unknown };

/** How the meetings table follows the live state: start and end move it, in the command's transaction. */
const MEETING_STATUS_MOVES: Partial<Record<LiveControlCommand, { from: MeetingStatus; to: MeetingStatus }>> = {
  'meeting:start': { from: 'published', to: 'in_progress' },
  'meeting:end': { from: 'in_progress', to: 'ended' },
};

/**
 * The live meeting room: commands become events of the meeting's log (one event per accepted command, appended in
 * the command's transaction), facts are broadcast to the room `meeting:<id>` after commit, and clients catch up
 * by seq (`sync`) or from a snapshot (`join`).
 */
@Injectable()
export class LiveService {
  constructor(
    @InjectRepository(MeetingEventEntity) private readonly events: Repository<MeetingEventEntity>,
    private readonly db: DbWriter,
    private readonly log: EventLogService,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /** The meeting (404 for strangers) and the viewer's right to issue `command` (403 otherwise). */
  async authorise(viewer: Viewer, meetingId: string, command: Parameters<typeof canIssue>[0]): Promise<MeetingContext> {
    const ctx = await this.meetings.context(viewer, meetingId);
    if (!canIssue(command, ctx.membership, viewer.systemRole)) throw new AppError('FORBIDDEN');
    return ctx;
  }

  async snapshot(meetingId: string): Promise<LiveSnapshot> {
    return this.db.transaction(async (em) => this.load(em, meetingId));
  }

  /** The events after `afterSeq` when they are few enough (the last EVENT_PAGE_MAX), else the full snapshot. */
  async sync(meetingId: string, afterSeq: number): Promise<LiveSyncResult> {
    const last = await this.log.lastSeq(meetingId);
    if (afterSeq <= last && last - afterSeq <= EVENT_PAGE_MAX) {
      return { mode: 'events', events: await this.log.since(meetingId, afterSeq, EVENT_PAGE_MAX) };
    }
    return { mode: 'snapshot', ...(await this.snapshot(meetingId)) };
  }

  /** Runs one control command: one event appended (or the original one, for a repeated key), then broadcast. */
  async command<K extends LiveControlCommand>(viewer: Viewer, name: K, body: CommandInput<K>): Promise<{ seq: number }> {
    const ctx = await this.authorise(viewer, body.meetingId, name);
    const seatUserId = ctx.membership?.seatUserId ?? viewer.userId;
    let appended: MeetingEventDto & { duplicate: boolean };
    try {
      appended = await this.db.transaction(async (em) => {
        await this.log.lockMeeting(em, body.meetingId);
        const existing = await em.findOne(MeetingEventEntity, { where: { meetingId: body.meetingId, idempotencyKey: body.idempotencyKey } });
        if (existing) return { ...toDto(existing), duplicate: true };
        const event = await this.eventFor(em, name, body, viewer, seatUserId, ctx);
        const { state } = await this.load(em, body.meetingId);
        if (applyEvent(state, { ...event, at: this.clock.now().toISOString() }) === state) throw new AppError('INVALID_STATUS_TRANSITION');
        const move = MEETING_STATUS_MOVES[name];
        if (move) {
          const changed = await em.update(MeetingEntity, { id: body.meetingId, status: move.from }, { status: move.to, updatedAt: this.clock.now() });
          if (!changed.affected) throw new AppError('INVALID_STATUS_TRANSITION');
        }
        return this.log.append(em, { meetingId: body.meetingId, type: event.type, payload: event.payload, actorUserId: viewer.userId, idempotencyKey: body.idempotencyKey });
      });
    } catch (error) {
      // Two concurrent retries with the same key: the unique index let one in; answer with its event.
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.byKey(body.meetingId, body.idempotencyKey);
      if (!existing) throw error;
      appended = { ...existing, duplicate: true };
    }
    if (!appended.duplicate) {
      const { duplicate: _duplicate, ...dto } = appended;
      this.realtime.to(rooms.meeting(body.meetingId))?.emit('live:event', dto);
    }
    return { seq: appended.seq };
  }

  /** The event a command stands for, after the checks only the server can make (the item is in this meeting…). */
  private async eventFor<K extends LiveControlCommand>(
    em: EntityManager,
    name: K,
    input: CommandInput<K>,
    viewer: Viewer,
    seatUserId: string,
    ctx: MeetingContext,
  ): Promise<EventOf> {
    const body = input as CommandInput<LiveControlCommand>;
    switch (name) {
      case 'meeting:start':
        return { type: 'meeting.started', payload: {} };
      case 'meeting:pause':
        return { type: 'meeting.paused', payload: {} };
      case 'meeting:resume':
        return { type: 'meeting.resumed', payload: {} };
      case 'meeting:end':
        return { type: 'meeting.ended', payload: {} };
      case 'agenda:open-item': {
        const { itemId } = body as CommandInput<'agenda:open-item'>;
        const item = await em.findOne(AgendaItemEntity, { where: { id: itemId, meetingId: body.meetingId } });
        if (!item) throw new AppError('NOT_FOUND');
        return { type: 'agenda.item-opened', payload: { itemId } };
      }
      case 'presentation:go-to-page': {
        const p = body as CommandInput<'presentation:go-to-page'>;
        const doc = await em.findOne(DocumentEntity, { where: { id: p.documentId, meetingId: body.meetingId } });
        if (!doc) throw new AppError('NOT_FOUND');
        const payload: LiveEventPayload<'presentation.page-shown'> = {
          documentId: p.documentId,
          version: p.version,
          page: p.page,
          presenterUserId: viewer.userId,
        };
        if (p.viewport) payload.viewport = { x: p.viewport.x, y: p.viewport.y, zoom: p.viewport.zoom };
        return { type: 'presentation.page-shown', payload };
      }
      case 'attendance:check-in':
        return { type: 'attendance.marked', payload: { userId: seatUserId, state: 'present_in_person' } };
      case 'attendance:mark': {
        const p = body as CommandInput<'attendance:mark'>;
        if (!ctx.participants.some((row) => row.userId === p.userId)) throw new AppError('NOT_FOUND');
        return { type: 'attendance.marked', payload: { userId: p.userId, state: p.state, ...(p.reason !== undefined ? { reason: p.reason } : {}) } };
      }
      case 'speaker:request':
        return { type: 'speaker.requested', payload: { userId: viewer.userId } };
      case 'speaker:withdraw':
        return { type: 'speaker.withdrawn', payload: { userId: viewer.userId } };
      case 'speaker:grant':
        return { type: 'speaker.granted', payload: { userId: (body as CommandInput<'speaker:grant'>).userId } };
      case 'speaker:end-turn':
        return { type: 'speaker.turn-ended', payload: {} };
    }
    throw new AppError('VALIDATION_FAILED');
  }

  /**
   * The meeting's current state: a replay of its whole log. Fine for a meeting's few hundred events; the next
   * step is a snapshot table (state + seq, written every N events) so this reads the snapshot and the events after it.
   */
  private async load(em: EntityManager, meetingId: string): Promise<LiveSnapshot> {
    const rows = await em.find(MeetingEventEntity, { where: { meetingId }, order: { seq: 'ASC' } });
    const state: LiveState = replay(rows.map((r) => ({ type: r.type, payload: r.payload, at: r.at.toISOString() })));
    return { seq: rows.at(-1)?.seq ?? 0, state };
  }

  private async byKey(meetingId: string, idempotencyKey: string): Promise<MeetingEventDto | null> {
    const row = await this.events.findOne({ where: { meetingId, idempotencyKey } });
    return row ? toDto(row) : null;
  }
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
