import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  addParticipantRequestSchema,
  cancelMeetingRequestSchema,
  createMeetingRequestSchema,
  type CreateMeetingRequest,
  type MeetingDto,
  type MeetingSummaryDto,
  type PersonRef,
  publishMeetingRequestSchema,
  type PublishResultDto,
  type RsvpRequest,
  rsvpRequestSchema,
  updateMeetingRequestSchema,
  updateParticipantRequestSchema,
  type UpdateMeetingRequest,
} from '@phonghop/shared';
import { CurrentAuth, type RequestAuth, viewerOf } from '../auth/auth.decorators.js';
import { ZodPipe } from '../common/zod.pipe.js';
import { MeetingCalendarService } from './meeting-calendar.service.js';
import { MeetingsService } from './meetings.service.js';
import { ParticipantsService } from './participants.service.js';

const uuid = new ParseUUIDPipe();

@Controller('api/meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly participants: ParticipantsService,
    private readonly calendar: MeetingCalendarService,
  ) {}

  @Get()
  list(@CurrentAuth() auth: RequestAuth, @Query('scope') scope?: string): Promise<MeetingSummaryDto[]> {
    const s = scope === 'past' || scope === 'all' ? scope : 'upcoming';
    return this.meetings.list(viewerOf(auth), s);
  }

  @Post()
  create(@CurrentAuth() auth: RequestAuth, @Body(new ZodPipe(createMeetingRequestSchema)) body: CreateMeetingRequest): Promise<MeetingDto> {
    return this.meetings.create(viewerOf(auth), body);
  }

  @Get(':id')
  get(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<MeetingDto> {
    return this.meetings.get(viewerOf(auth), id);
  }

  @Patch(':id')
  update(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(updateMeetingRequestSchema)) body: UpdateMeetingRequest,
  ): Promise<MeetingDto> {
    return this.meetings.update(viewerOf(auth), id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  publish(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(publishMeetingRequestSchema)) body: { acknowledgeShortNotice: boolean },
  ): Promise<PublishResultDto> {
    return this.meetings.publish(viewerOf(auth), id, body.acknowledgeShortNotice);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(cancelMeetingRequestSchema)) body: { reason: string },
  ): Promise<MeetingDto> {
    return this.meetings.cancel(viewerOf(auth), id, body.reason);
  }

  @Post(':id/agenda/approve')
  @HttpCode(200)
  approveAgenda(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<MeetingDto> {
    return this.meetings.approveAgenda(viewerOf(auth), id);
  }

  @Post(':id/participants')
  addParticipant(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(addParticipantRequestSchema)) body: { userId: string; role: MeetingDto['participants'][number]['role'] },
  ): Promise<MeetingDto> {
    return this.participants.add(viewerOf(auth), id, body.userId, body.role);
  }

  @Patch(':id/participants/:participantId')
  changeRole(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Param('participantId', uuid) participantId: string,
    @Body(new ZodPipe(updateParticipantRequestSchema)) body: { role: MeetingDto['participants'][number]['role'] },
  ): Promise<MeetingDto> {
    return this.participants.changeRole(viewerOf(auth), id, participantId, body.role);
  }

  @Delete(':id/participants/:participantId')
  removeParticipant(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Param('participantId', uuid) participantId: string,
  ): Promise<MeetingDto> {
    return this.participants.remove(viewerOf(auth), id, participantId);
  }

  @Post(':id/rsvp')
  @HttpCode(200)
  rsvp(
    @CurrentAuth() auth: RequestAuth,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(rsvpRequestSchema)) body: RsvpRequest,
  ): Promise<MeetingDto> {
    return this.participants.rsvp(viewerOf(auth), id, body);
  }

  @Get(':id/substitute-candidates')
  substituteCandidates(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string): Promise<PersonRef[]> {
    return this.meetings.substituteCandidates(viewerOf(auth), id);
  }

  @Get(':id/invitation')
  invitation(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string) {
    return this.calendar.invitation(viewerOf(auth), id);
  }

  @Get(':id/calendar.ics')
  async ics(@CurrentAuth() auth: RequestAuth, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    const ics = await this.calendar.meetingIcs(viewerOf(auth), id);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="cuoc-hop.ics"');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.send(ics);
  }
}
