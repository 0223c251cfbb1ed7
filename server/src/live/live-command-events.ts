import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CommandInput, LiveControlCommand, LiveEvent, LiveEventPayload, LiveState } from '@phonghop/shared';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { rawQuery } from '../database/raw-sql.js';
import type { Viewer } from '../meetings/meeting-access.js';
import type { MeetingContext } from '../meetings/meetings.service.js';
import { liveSettingsOf } from './live-room.js';

export type EventOf = { type: LiveEvent['type']; payload: unknown };

export interface CommandScope {
  viewer: Viewer;
  ctx: MeetingContext;
  /** The live state the event will land on (read under the meeting's lock). */
  state: LiveState;
}

const VOTING_SEAT = new Set(['chair', 'member']);

/**
 * The event a command stands for, after the checks that need the database or the clock (the item belongs to this
 * meeting, check-in is open, the presenter was designated…). Whether the event changes the state is the reducer's
 * call, made by the caller.
 */
@Injectable()
export class LiveCommandEvents {
  constructor(private readonly clock: Clock) {}

  async eventFor<K extends LiveControlCommand>(em: EntityManager, name: K, input: CommandInput<K>, scope: CommandScope): Promise<EventOf> {
    const body = input as CommandInput<LiveControlCommand>;
    const { viewer, ctx, state } = scope;
    const seatUserId = ctx.membership?.seatUserId ?? viewer.userId;
    switch (name) {
      case 'meeting:start':
        return { type: 'meeting.started', payload: {} };
      case 'meeting:pause':
        return { type: 'meeting.paused', payload: {} };
      case 'meeting:resume':
        return { type: 'meeting.resumed', payload: {} };
      case 'meeting:end':
        // a vote's eligible voters and result are fixed by its own close; the meeting cannot end around it
        if (state.openVoteId !== null) throw new AppError('VOTE_STILL_OPEN');
        return { type: 'meeting.ended', payload: {} };
      case 'agenda:open-item': {
        const { itemId } = body as CommandInput<'agenda:open-item'>;
        if (!(await em.exists(AgendaItemEntity, { where: { id: itemId, meetingId: body.meetingId } }))) throw new AppError('NOT_FOUND');
        return { type: 'agenda.item-opened', payload: { itemId } };
      }
      case 'presentation:go-to-page':
        return this.pageShown(em, body as CommandInput<'presentation:go-to-page'>, scope);
      case 'presentation:stop':
        this.assertPresenter(scope);
        return { type: 'presentation.stopped', payload: {} };
      case 'presentation:set-presenter': {
        const { userId } = body as CommandInput<'presentation:set-presenter'>;
        if (userId !== null && !ctx.participants.some((p) => p.userId === userId && VOTING_SEAT.has(p.role))) throw new AppError('NOT_FOUND');
        return { type: 'presentation.presenter-set', payload: { userId } };
      }
      case 'attendance:check-in': {
        if (state.status === 'ended') throw new AppError('MEETING_NOT_LIVE');
        const opensAt = ctx.meeting.startsAt.getTime() - liveSettingsOf(ctx.meeting).checkInOpensMinutes * 60_000;
        if (state.status === 'scheduled' && this.clock.now().getTime() < opensAt) throw new AppError('CHECK_IN_NOT_OPEN');
        const own = state.attendance[seatUserId]?.state;
        if (own === 'present_in_person' || own === 'present_online') throw new AppError('ALREADY_CHECKED_IN');
        return { type: 'attendance.marked', payload: { userId: seatUserId, state: 'present_in_person' } };
      }
      case 'attendance:mark': {
        const p = body as CommandInput<'attendance:mark'>;
        if (!ctx.participants.some((row) => row.userId === p.userId || row.substituteUserId === p.userId)) throw new AppError('NOT_FOUND');
        return { type: 'attendance.marked', payload: { userId: p.userId, state: p.state, ...(p.reason !== undefined ? { reason: p.reason } : {}) } };
      }
      case 'speaker:request':
        return { type: 'speaker.requested', payload: { userId: viewer.userId } };
      case 'speaker:withdraw':
        return { type: 'speaker.withdrawn', payload: { userId: viewer.userId } };
      case 'speaker:grant':
        return { type: 'speaker.granted', payload: { userId: (body as CommandInput<'speaker:grant'>).userId } };
      case 'speaker:skip':
        return { type: 'speaker.skipped', payload: { userId: (body as CommandInput<'speaker:skip'>).userId } };
      case 'speaker:move': {
        const p = body as CommandInput<'speaker:move'>;
        return { type: 'speaker.moved', payload: { userId: p.userId, direction: p.direction } };
      }
      case 'speaker:end-turn':
        return { type: 'speaker.turn-ended', payload: {} };
      case 'speaker:pause-timer':
        return { type: 'speaker.timer-paused', payload: {} };
      case 'speaker:resume-timer':
        return { type: 'speaker.timer-resumed', payload: {} };
      case 'speaker:add-minute':
        return { type: 'speaker.time-added', payload: {} };
    }
    throw new AppError('VALIDATION_FAILED');
  }

  /** The chair, or the member the chair designated, controls the presented page. */
  private assertPresenter({ viewer, ctx, state }: CommandScope): void {
    if (ctx.membership?.role === 'chair') return;
    const seat = ctx.membership?.seatUserId ?? viewer.userId;
    if (state.designatedPresenterId === null || state.designatedPresenterId !== seat) throw new AppError('NOT_PRESENTER');
  }

  private async pageShown(em: EntityManager, p: CommandInput<'presentation:go-to-page'>, scope: CommandScope): Promise<EventOf> {
    this.assertPresenter(scope);
    // One hand-written read (ADR 15): a page turn is the room's most frequent command.
    const [version] = await rawQuery<{ page_count: number | string }>(
      em,
      'SELECT v.page_count FROM documents d JOIN document_versions v ON v.document_id = d.id WHERE d.id = ? AND d.meeting_id = ? AND v.version = ?',
      [p.documentId, p.meetingId, p.version],
    );
    if (!version) throw new AppError('NOT_FOUND');
    const pageCount = Number(version.page_count);
    if (p.page > pageCount) throw new AppError('VALIDATION_FAILED', { details: { page: `Tài liệu chỉ có ${pageCount} trang.` } });
    const payload: LiveEventPayload<'presentation.page-shown'> = {
      documentId: p.documentId,
      version: p.version,
      page: p.page,
      presenterUserId: scope.viewer.userId,
    };
    if (p.viewport) payload.viewport = { x: p.viewport.x, y: p.viewport.y, zoom: p.viewport.zoom };
    return { type: 'presentation.page-shown', payload };
  }
}
