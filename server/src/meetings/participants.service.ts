import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type MeetingDto, type MeetingRole, rooms, type RsvpRequest, rsvpRequestSchema } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DbWriter } from '../database/db-writer.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';
import { UsersService } from '../users/users.service.js';
import type { Viewer } from './meeting-access.js';
import { acceptsRsvp, isPreparable } from './meeting-status.js';
import { ParticipantEntity } from './participant.entity.js';
import { MeetingsService } from './meetings.service.js';

@Injectable()
export class ParticipantsService {
  constructor(
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly db: DbWriter,
    private readonly clock: Clock,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async add(viewer: Viewer, meetingId: string, userId: string, role: MeetingRole): Promise<MeetingDto> {
    const { meeting, participants } = await this.meetings.manageable(viewer, meetingId);
    if (!isPreparable(meeting.status)) throw new AppError('INVALID_STATUS_TRANSITION');
    if (!(await this.users.findActive(userId))) throw new AppError('NOT_FOUND');
    if (participants.some((p) => p.userId === userId || p.substituteUserId === userId)) throw new AppError('PARTICIPANT_EXISTS');
    await this.db.transaction(async (em) => {
      // One chair per meeting: naming a new chair makes the previous one a member.
      if (role === 'chair') await em.update(ParticipantEntity, { meetingId, role: 'chair' }, { role: 'member' });
      await em.insert(ParticipantEntity, {
        id: randomUUID(),
        meetingId,
        userId,
        role,
        rsvp: 'pending',
        rsvpReason: '',
        substituteUserId: null,
        rsvpAt: null,
        createdAt: this.clock.now(),
      });
    });
    if (meeting.status !== 'draft') {
      this.realtime.to(rooms.user(userId))?.emit('meeting:published', { meetingId, title: meeting.title, startsAt: meeting.startsAt.toISOString() });
    }
    await this.meetings.notifyParticipants(meetingId, 'meeting:updated');
    return this.meetings.get(viewer, meetingId);
  }

  async changeRole(viewer: Viewer, meetingId: string, participantId: string, role: MeetingRole): Promise<MeetingDto> {
    const { meeting, participants } = await this.meetings.manageable(viewer, meetingId);
    if (!isPreparable(meeting.status)) throw new AppError('INVALID_STATUS_TRANSITION');
    if (!participants.some((p) => p.id === participantId)) throw new AppError('NOT_FOUND');
    await this.db.transaction(async (em) => {
      if (role === 'chair') await em.update(ParticipantEntity, { meetingId, role: 'chair' }, { role: 'member' });
      await em.update(ParticipantEntity, { id: participantId, meetingId }, { role });
    });
    await this.meetings.notifyParticipants(meetingId, 'meeting:updated');
    return this.meetings.get(viewer, meetingId);
  }

  async remove(viewer: Viewer, meetingId: string, participantId: string): Promise<MeetingDto> {
    const { meeting, participants } = await this.meetings.manageable(viewer, meetingId);
    if (!isPreparable(meeting.status)) throw new AppError('INVALID_STATUS_TRANSITION');
    if (!participants.some((p) => p.id === participantId)) throw new AppError('NOT_FOUND');
    await this.db.transaction((em) => em.delete(ParticipantEntity, { id: participantId, meetingId }));
    await this.meetings.notifyParticipants(meetingId, 'meeting:updated');
    return this.meetings.get(viewer, meetingId);
  }

  /**
   * A participant answers the invitation. Delegating names a substitute (cử người dự thay) who then holds the
   * participant's rights for this meeting; the choice and its time are recorded on the participant's row.
   */
  async rsvp(viewer: Viewer, meetingId: string, request: RsvpRequest): Promise<MeetingDto> {
    const { meeting, participants, membership } = await this.meetings.context(viewer, meetingId);
    if (!membership || membership.asSubstitute) throw new AppError('FORBIDDEN');
    if (!acceptsRsvp(meeting.status)) throw new AppError('RSVP_CLOSED');
    const data = rsvpRequestSchema.parse(request);
    const seat = participants.find((p) => p.userId === viewer.userId)!;
    let substituteUserId: string | null = null;
    if (data.status === 'delegated') {
      substituteUserId = data.substituteUserId;
      const taken = participants.some((p) => p.id !== seat.id && (p.userId === substituteUserId || p.substituteUserId === substituteUserId));
      if (substituteUserId === viewer.userId || taken || !(await this.users.findActive(substituteUserId))) {
        throw new AppError('SUBSTITUTE_INVALID');
      }
    }
    const previousSubstitute = seat.substituteUserId;
    await this.db.transaction((em) =>
      em.update(ParticipantEntity, { id: seat.id }, {
        rsvp: data.status,
        rsvpReason: 'reason' in data ? data.reason : '',
        substituteUserId,
        rsvpAt: this.clock.now(),
      }),
    );
    if (substituteUserId && substituteUserId !== previousSubstitute) {
      this.realtime.to(rooms.user(substituteUserId))?.emit('meeting:published', {
        meetingId,
        title: meeting.title,
        startsAt: meeting.startsAt.toISOString(),
      });
    }
    await this.meetings.notifyParticipants(meetingId, 'meeting:updated');
    return this.meetings.get(viewer, meetingId);
  }
}
