import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import {
  type CreateMeetingRequest,
  createMeetingRequestSchema,
  type MeetingDto,
  type MeetingStatus,
  type MeetingSummaryDto,
  type PersonRef,
  publicationNotice,
  type PublishResultDto,
  rooms,
  type UpdateMeetingRequest,
  updateMeetingRequestSchema,
} from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';
import { SearchIndexer } from '../search/search-indexer.service.js';
import { UsersService } from '../users/users.service.js';
import { canApproveAgenda, canManage, canView, membershipOf, type Membership, type Viewer } from './meeting-access.js';
import { canTransition, isPreparable } from './meeting-status.js';
import { MeetingEntity } from './meeting.entity.js';
import { meetingById, participantsOf, participantsWithNames, type SeatName } from './meeting-rows.js';
import { ParticipantEntity } from './participant.entity.js';
import { MeetingViews } from './meeting-views.js';

export interface MeetingContext {
  meeting: MeetingEntity;
  participants: ParticipantEntity[];
  membership: Membership | null;
  /** The names of the participants and their substitutes, by user id, when `context` was asked for them. */
  names?: ReadonlyMap<string, SeatName>;
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectRepository(MeetingEntity) private readonly meetings: Repository<MeetingEntity>,
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
    private readonly db: DbWriter,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly realtime: RealtimeEmitter,
    private readonly views: MeetingViews,
    private readonly search: SearchIndexer,
  ) {}

  /**
   * Loads a meeting the viewer may see, or answers 404 (not 403: a stranger learns nothing of it). `names`: read the
   * seats' names with the participants (one query, not a second one to users).
   */
  async context(viewer: Viewer, meetingId: string, options: { names?: boolean } = {}): Promise<MeetingContext> {
    const meeting = await meetingById(this.meetings.manager, meetingId);
    if (!meeting) throw new AppError('NOT_FOUND');
    const { participants, names } = options.names
      ? await participantsWithNames(this.participants.manager, meetingId)
      : { participants: await participantsOf(this.participants.manager, meetingId), names: undefined };
    const membership = membershipOf(viewer.userId, participants);
    if (!canView(viewer, meeting.status, membership)) throw new AppError('NOT_FOUND');
    return names ? { meeting, participants, membership, names } : { meeting, participants, membership };
  }

  async manageable(viewer: Viewer, meetingId: string): Promise<MeetingContext> {
    const ctx = await this.context(viewer, meetingId);
    if (!canManage(viewer, ctx.membership)) throw new AppError('FORBIDDEN');
    return ctx;
  }

  async list(viewer: Viewer, scope: 'upcoming' | 'past' | 'all'): Promise<MeetingSummaryDto[]> {
    let rows: MeetingEntity[];
    if (viewer.systemRole === 'secretary') {
      rows = await this.meetings.find({ order: { startsAt: 'ASC' } });
    } else {
      const seats = await this.participants.find({
        where: [{ userId: viewer.userId }, { substituteUserId: viewer.userId, rsvp: 'delegated' }],
        select: { meetingId: true, role: true },
      });
      const ids = [...new Set(seats.map((s) => s.meetingId))];
      rows = ids.length ? await this.meetings.find({ where: { id: In(ids) }, order: { startsAt: 'ASC' } }) : [];
      const chairOf = new Set(seats.filter((s) => s.role === 'chair').map((s) => s.meetingId));
      rows = rows.filter((m) => m.status !== 'draft' || chairOf.has(m.id));
    }
    const now = this.clock.now().getTime();
    const past = (m: MeetingEntity) => m.status === 'ended' || m.status === 'archived' || m.endsAt.getTime() < now;
    if (scope === 'upcoming') rows = rows.filter((m) => !past(m));
    if (scope === 'past') rows = rows.filter(past).reverse();
    return this.views.summaries(viewer, rows);
  }

  async get(viewer: Viewer, meetingId: string): Promise<MeetingDto> {
    return this.views.detail(viewer, await this.context(viewer, meetingId));
  }

  async create(viewer: Viewer, request: CreateMeetingRequest): Promise<MeetingDto> {
    if (viewer.systemRole !== 'secretary') throw new AppError('FORBIDDEN');
    const data = createMeetingRequestSchema.parse(request);
    const now = this.clock.now();
    const meeting = this.meetings.create({
      id: randomUUID(),
      ...data,
      startsAt: new Date(data.startsAt),
      endsAt: new Date(data.endsAt),
      status: 'draft',
      cancelReason: null,
      publishedAt: null,
      shortNotice: false,
      agendaStatus: 'draft',
      agendaApprovedAt: null,
      agendaApprovedBy: null,
      createdBy: viewer.userId,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.transaction((em) => em.insert(MeetingEntity, meeting));
    await this.search.meeting(meeting.id);
    return this.get(viewer, meeting.id);
  }

  async update(viewer: Viewer, meetingId: string, patch: UpdateMeetingRequest): Promise<MeetingDto> {
    const { meeting } = await this.manageable(viewer, meetingId);
    if (!isPreparable(meeting.status)) throw new AppError('INVALID_STATUS_TRANSITION');
    const { startsAt, endsAt, ...rest } = updateMeetingRequestSchema.parse(patch);
    const next: Partial<MeetingEntity> = {
      ...rest,
      ...(startsAt ? { startsAt: new Date(startsAt) } : {}),
      ...(endsAt ? { endsAt: new Date(endsAt) } : {}),
      updatedAt: this.clock.now(),
    };
    if ((next.endsAt ?? meeting.endsAt).getTime() <= (next.startsAt ?? meeting.startsAt).getTime()) {
      throw new AppError('VALIDATION_FAILED', { details: { endsAt: 'Thời gian kết thúc phải sau thời gian bắt đầu.' } });
    }
    await this.db.transaction((em) => em.update(MeetingEntity, { id: meetingId }, next));
    await this.search.meeting(meetingId);
    await this.notifyParticipants(meetingId, 'meeting:updated');
    return this.get(viewer, meetingId);
  }

  /**
   * Sends the invitation and the pack. Needs a chair and an approved agenda; fewer than 3 working days'
   * notice (QĐ 45/2018/QĐ-TTg) is refused until the secretary acknowledges it, and then recorded.
   */
  async publish(viewer: Viewer, meetingId: string, acknowledgeShortNotice: boolean): Promise<PublishResultDto> {
    const { meeting, participants } = await this.manageable(viewer, meetingId);
    if (!canTransition(meeting.status, 'published')) throw new AppError('INVALID_STATUS_TRANSITION');
    if (!participants.some((p) => p.role === 'chair')) throw new AppError('CHAIR_REQUIRED');
    if (meeting.agendaStatus !== 'approved') throw new AppError('AGENDA_NOT_APPROVED');
    const now = this.clock.now();
    const notice = publicationNotice(now, meeting.startsAt);
    if (notice.tooLate && !acknowledgeShortNotice) {
      throw new AppError('PUBLISH_SHORT_NOTICE', {
        message: `Cuộc họp chỉ còn ${notice.workingDaysAhead} ngày làm việc (cần ít nhất 3 ngày làm việc theo Quyết định 45/2018/QĐ-TTg). Bạn vẫn muốn phát hành?`,
        details: { workingDaysAhead: String(notice.workingDaysAhead) },
      });
    }
    await this.db.transaction(async (em) => {
      const changed = await em.update(
        MeetingEntity,
        { id: meetingId, status: 'draft' },
        { status: 'published', publishedAt: now, shortNotice: notice.tooLate, agendaStatus: 'published', updatedAt: now },
      );
      if (!changed.affected) throw new AppError('INVALID_STATUS_TRANSITION');
    });
    for (const userId of this.audience(participants)) {
      this.realtime.to(rooms.user(userId))?.emit('meeting:published', {
        meetingId,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
      });
    }
    return {
      meeting: await this.get(viewer, meetingId),
      workingDaysAhead: notice.workingDaysAhead,
      shortNotice: notice.tooLate,
    };
  }

  async cancel(viewer: Viewer, meetingId: string, reason: string): Promise<MeetingDto> {
    const { meeting, participants } = await this.manageable(viewer, meetingId);
    await this.transition(meeting, 'cancelled', { cancelReason: reason });
    if (meeting.status === 'published') {
      for (const userId of this.audience(participants)) {
        this.realtime.to(rooms.user(userId))?.emit('meeting:cancelled', { meetingId, title: meeting.title, reason });
      }
    }
    return this.get(viewer, meetingId);
  }

  async approveAgenda(viewer: Viewer, meetingId: string): Promise<MeetingDto> {
    const { meeting, membership } = await this.context(viewer, meetingId);
    if (!canApproveAgenda(membership)) throw new AppError('FORBIDDEN');
    if (meeting.agendaStatus !== 'draft') throw new AppError('INVALID_STATUS_TRANSITION');
    const now = this.clock.now();
    await this.db.transaction((em) =>
      em.update(MeetingEntity, { id: meetingId }, { agendaStatus: 'approved', agendaApprovedAt: now, agendaApprovedBy: viewer.userId, updatedAt: now }),
    );
    return this.get(viewer, meetingId);
  }

  /** Any change to an approved (not yet published) agenda sends it back to the chair. */
  async agendaChanged(meeting: MeetingEntity): Promise<void> {
    const now = this.clock.now();
    if (meeting.agendaStatus === 'approved') {
      await this.db.transaction((em) =>
        em.update(MeetingEntity, { id: meeting.id }, { agendaStatus: 'draft', agendaApprovedAt: null, agendaApprovedBy: null, updatedAt: now }),
      );
    }
    await this.notifyParticipants(meeting.id, 'meeting:updated');
  }

  /** Everyone whose tablet should hear of the meeting once it is published: participants and substitutes. */
  audience(participants: readonly ParticipantEntity[]): string[] {
    const ids = participants.flatMap((p) => (p.rsvp === 'delegated' && p.substituteUserId ? [p.userId, p.substituteUserId] : [p.userId]));
    return [...new Set(ids)];
  }

  async notifyParticipants(meetingId: string, event: 'meeting:updated'): Promise<void> {
    const meeting = await this.meetings.findOne({ where: { id: meetingId }, select: { id: true, status: true } });
    if (!meeting || meeting.status === 'draft') return;
    const participants = await this.participants.find({ where: { meetingId } });
    for (const userId of this.audience(participants)) this.realtime.to(rooms.user(userId))?.emit(event, { meetingId });
    this.realtime.to(rooms.role('secretary'))?.emit(event, { meetingId });
  }

  private async transition(meeting: MeetingEntity, to: MeetingStatus, extra: Partial<MeetingEntity> = {}): Promise<void> {
    if (!canTransition(meeting.status, to)) throw new AppError('INVALID_STATUS_TRANSITION');
    await this.db.transaction(async (em) => {
      const changed = await em.update(
        MeetingEntity,
        { id: meeting.id, status: meeting.status },
        { status: to, updatedAt: this.clock.now(), ...extra },
      );
      if (!changed.affected) throw new AppError('INVALID_STATUS_TRANSITION');
    });
  }

  /** People a participant may send in their place: active accounts not already in the meeting. */
  async substituteCandidates(viewer: Viewer, meetingId: string): Promise<PersonRef[]> {
    const { participants, membership } = await this.context(viewer, meetingId);
    if (!membership || membership.asSubstitute) throw new AppError('FORBIDDEN');
    const taken = new Set(participants.flatMap((p) => (p.userId === viewer.userId ? [p.userId] : [p.userId, p.substituteUserId ?? ''])));
    return (await this.users.directory()).filter((u) => !taken.has(u.id)).map(({ id, fullName, position, unit }) => ({ id, fullName, position, unit }));
  }

  async ensureExists(userId: string): Promise<void> {
    if (!(await this.users.findActive(userId))) throw new AppError('NOT_FOUND');
  }
}
