import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, type Repository } from 'typeorm';
import { formatVnDateTimeLong, MEETING_KIND_LABELS_VI, numberAgenda } from '@phonghop/shared';
import { AgendaItemEntity } from '../agenda/agenda-item.entity.js';
import { AppError } from '../common/app-error.js';
import { DbWriter } from '../database/db-writer.js';
import { UserEntity } from '../users/user.entity.js';
import { buildIcs, type IcsEvent } from './ics.js';
import type { Viewer } from './meeting-access.js';
import { MeetingsService } from './meetings.service.js';
import { ParticipantEntity } from './participant.entity.js';
import { MeetingEntity } from './meeting.entity.js';

const ROLE_LABELS = { chair: 'Chủ trì', secretary: 'Thư ký', member: 'Thành viên', guest: 'Khách mời', display: 'Màn hình trình chiếu' };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The giấy mời (content per QĐ 45/2018/QĐ-TTg), ICS downloads and the personal calendar feed. */
@Injectable()
export class MeetingCalendarService {
  constructor(
    private readonly meetings: MeetingsService,
    @InjectRepository(MeetingEntity) private readonly meetingRepo: Repository<MeetingEntity>,
    @InjectRepository(ParticipantEntity) private readonly participants: Repository<ParticipantEntity>,
    @InjectRepository(AgendaItemEntity) private readonly agenda: Repository<AgendaItemEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly db: DbWriter,
  ) {}

  async invitation(viewer: Viewer, meetingId: string) {
    const dto = await this.meetings.get(viewer, meetingId);
    const items = numberAgenda(await this.agenda.find({ where: { meetingId } }));
    const chair = dto.participants.find((p) => p.role === 'chair');
    return {
      title: 'GIẤY MỜI',
      organizer: dto.organizer,
      subject: dto.title,
      kind: MEETING_KIND_LABELS_VI[dto.kind],
      chair: chair ? { fullName: chair.user.fullName, position: chair.user.position } : null,
      attendees: dto.participants
        .filter((p) => p.role !== 'display')
        .map((p) => ({
          fullName: (p.substitute ?? p.user).fullName,
          position: (p.substitute ?? p.user).position,
          unit: (p.substitute ?? p.user).unit,
          role: ROLE_LABELS[p.role],
          substituteFor: p.substitute ? p.user.fullName : null,
        })),
      content: dto.content,
      agenda: items.map((i) => ({ number: i.number, title: i.title })),
      time: `Vào lúc ${formatVnDateTimeLong(new Date(dto.startsAt))}`,
      location: dto.location,
      preparation: dto.preparation,
    };
  }

  async meetingIcs(viewer: Viewer, meetingId: string): Promise<string> {
    const { meeting } = await this.meetings.context(viewer, meetingId);
    return buildIcs([this.event(meeting)], meeting.title);
  }

  /** A new secret feed URL for the user; the previous one stops working. */
  async rotateFeedToken(userId: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.db.transaction((em) => em.update(UserEntity, { id: userId }, { calendarTokenHash: hashToken(token) }));
    return token;
  }

  async feed(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new AppError('NOT_FOUND');
    const user = await this.users.findOne({ where: { calendarTokenHash: hashToken(token), disabled: false } });
    if (!user) throw new AppError('NOT_FOUND');
    const seats = await this.participants.find({
      where: [{ userId: user.id }, { substituteUserId: user.id, rsvp: 'delegated' }],
      select: { meetingId: true },
    });
    const ids = [...new Set(seats.map((s) => s.meetingId))];
    const rows = ids.length ? await this.meetingRepo.find({ where: { id: In(ids), status: Not('draft') }, order: { startsAt: 'ASC' } }) : [];
    return buildIcs(rows.map((m) => this.event(m)), `Lịch họp — ${user.fullName}`);
  }

  private event(m: MeetingEntity): IcsEvent {
    return {
      uid: `${m.id}@phonghop`,
      title: m.title,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      location: m.location,
      description: [m.content, m.preparation && `Chuẩn bị: ${m.preparation}`].filter(Boolean).join('\n\n'),
      organizer: m.organizer,
      status: m.status === 'cancelled' ? 'CANCELLED' : m.status === 'draft' ? 'TENTATIVE' : 'CONFIRMED',
      // Calendar apps replace an event only when SEQUENCE grows: derive it from the last change.
      sequence: Math.floor(m.updatedAt.getTime() / 1000) - Math.floor(m.createdAt.getTime() / 1000),
      updatedAt: m.updatedAt,
    };
  }
}
