import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import { type MeetingDto, type MeetingSummaryDto, type ParticipantDto, type PersonRef, resolveLiveSettings } from '@phonghop/shared';
import { DocumentEntity, DocumentReceiptEntity } from '../documents/document.entity.js';
import { UsersService } from '../users/users.service.js';
import { canApproveAgenda, canManage, membershipOf, type Viewer } from './meeting-access.js';
import { acceptsRsvp } from './meeting-status.js';
import type { MeetingEntity } from './meeting.entity.js';
import { ParticipantEntity } from './participant.entity.js';
import type { MeetingContext } from './meetings.service.js';
import { isUpdatedFor } from '../documents/document-rules.js';

const UNKNOWN: PersonRef = { id: '', fullName: '(tài khoản đã xóa)', position: '', unit: '' };

/** Entity → DTO for meetings, with the per-viewer fields (my role, updated documents, permissions). */
@Injectable()
export class MeetingViews {
  constructor(
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
    @InjectRepository(DocumentEntity) private readonly documents: Repository<DocumentEntity>,
    @InjectRepository(DocumentReceiptEntity) private readonly receipts: Repository<DocumentReceiptEntity>,
    private readonly users: UsersService,
  ) {}

  async summaries(viewer: Viewer, meetings: MeetingEntity[]): Promise<MeetingSummaryDto[]> {
    if (meetings.length === 0) return [];
    const ids = meetings.map((m) => m.id);
    const participants = await this.participants.find({ where: { meetingId: In(ids) } });
    const people = await this.users.people(participants.flatMap((p) => [p.userId, p.substituteUserId ?? '']).filter(Boolean));
    const updated = await this.updatedCounts(viewer.userId, ids);
    return meetings.map((m) => {
      const own = participants.filter((p) => p.meetingId === m.id);
      return this.summary(viewer, m, own, people, updated.get(m.id) ?? 0);
    });
  }

  async detail(viewer: Viewer, ctx: MeetingContext): Promise<MeetingDto> {
    const { meeting, participants, membership } = ctx;
    const people = await this.users.people(
      participants.flatMap((p) => [p.userId, p.substituteUserId ?? '']).concat(meeting.agendaApprovedBy ?? '').filter(Boolean),
    );
    const updated = await this.updatedCounts(viewer.userId, [meeting.id]);
    const manage = canManage(viewer, membership);
    const dto: ParticipantDto[] = participants.map((p) => ({
      id: p.id,
      user: people.get(p.userId) ?? UNKNOWN,
      role: p.role,
      rsvp: p.rsvp,
      rsvpReason: p.rsvpReason,
      substitute: p.substituteUserId ? (people.get(p.substituteUserId) ?? UNKNOWN) : null,
      rsvpAt: p.rsvpAt?.toISOString() ?? null,
    }));
    return {
      ...this.summary(viewer, meeting, participants, people, updated.get(meeting.id) ?? 0),
      content: meeting.content,
      preparation: meeting.preparation,
      cancelReason: meeting.cancelReason,
      publishedAt: meeting.publishedAt?.toISOString() ?? null,
      participants: dto,
      agendaStatus: meeting.agendaStatus,
      liveSettings: resolveLiveSettings(meeting.liveSettings),
      can: {
        edit: manage && ['draft', 'published', 'in_progress'].includes(meeting.status),
        publish: manage && meeting.status === 'draft',
        approveAgenda: canApproveAgenda(membership) && meeting.agendaStatus === 'draft',
        rsvp: !!membership && !membership.asSubstitute && acceptsRsvp(meeting.status),
        seeDelivery: manage,
      },
    };
  }

  private summary(
    viewer: Viewer,
    m: MeetingEntity,
    participants: ParticipantEntity[],
    people: Map<string, PersonRef>,
    updatedDocuments: number,
  ): MeetingSummaryDto {
    const membership = membershipOf(viewer.userId, participants);
    const chair = participants.find((p) => p.role === 'chair');
    return {
      id: m.id,
      title: m.title,
      kind: m.kind,
      status: m.status,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      location: m.location,
      organizer: m.organizer,
      chair: chair ? (people.get(chair.userId) ?? UNKNOWN) : null,
      myRole: membership?.role ?? null,
      asSubstituteFor: membership?.asSubstitute ? (people.get(membership.seatUserId) ?? UNKNOWN) : null,
      updatedDocuments,
    };
  }

  /** Documents replaced since publication (version > 1) that the viewer has not opened in their current version. */
  private async updatedCounts(userId: string, meetingIds: string[]): Promise<Map<string, number>> {
    const docs = await this.documents.find({
      where: { meetingId: In(meetingIds), removedAt: IsNull() },
      select: { id: true, meetingId: true, currentVersion: true },
    });
    if (docs.length === 0) return new Map();
    const receipts = await this.receipts.find({ where: { userId, documentId: In(docs.map((d) => d.id)) } });
    const opened = new Map(receipts.map((r) => [r.documentId, r.openedVersion]));
    const counts = new Map<string, number>();
    for (const d of docs) {
      const seen = opened.get(d.id);
      if (isUpdatedFor(d.currentVersion, seen)) counts.set(d.meetingId, (counts.get(d.meetingId) ?? 0) + 1);
    }
    return counts;
  }
}
