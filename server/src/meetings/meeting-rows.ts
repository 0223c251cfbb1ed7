import type { EntityManager } from 'typeorm';
import type { AgendaStatus, LiveSettingsInput, MeetingKind, MeetingRole, MeetingStatus, RsvpStatus } from '@phonghop/shared';
import { dialectOf, forDialect, jsonColumn, readBoolean, readJson, readTimestamp } from '../database/raw-sql.js';
import { MeetingEntity } from './meeting.entity.js';
import { ParticipantEntity } from './participant.entity.js';

/**
 * A meeting and its participants read in hand-written SQL (ADR 15): every live command and every vote command reads
 * both to authorise (MeetingsService.context), and TypeORM's query building and hydration cost more than the command.
 * The entities' columns, mapped to the same entity classes.
 */

interface MeetingRowSql {
  id: string;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  starts_at: string | Date;
  ends_at: string | Date;
  location: string;
  organizer: string;
  content: string;
  preparation: string;
  cancel_reason: string | null;
  published_at: string | Date | null;
  short_notice: unknown;
  agenda_status: AgendaStatus;
  agenda_approved_at: string | Date | null;
  agenda_approved_by: string | null;
  live_settings: unknown;
  created_by: string;
  created_at: string | Date;
  updated_at: string | Date;
}

const maybeTime = (value: string | Date | null): Date | null => (value === null ? null : readTimestamp(value));

export async function meetingById(em: EntityManager, id: string): Promise<MeetingEntity | null> {
  const dialect = dialectOf(em);
  const [r] = await em.query<MeetingRowSql[]>(
    forDialect(
      dialect,
      `SELECT id, title, kind, status, starts_at, ends_at, location, organizer, content, preparation, cancel_reason, published_at, short_notice,
       agenda_status, agenda_approved_at, agenda_approved_by, ${jsonColumn(dialect, 'live_settings')}, created_by, created_at, updated_at
       FROM meetings WHERE id = ?`,
    ),
    [id],
  );
  if (!r) return null;
  return Object.assign(new MeetingEntity(), {
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    startsAt: readTimestamp(r.starts_at),
    endsAt: readTimestamp(r.ends_at),
    location: r.location,
    organizer: r.organizer,
    content: r.content,
    preparation: r.preparation,
    cancelReason: r.cancel_reason,
    publishedAt: maybeTime(r.published_at),
    shortNotice: readBoolean(r.short_notice),
    agendaStatus: r.agenda_status,
    agendaApprovedAt: maybeTime(r.agenda_approved_at),
    agendaApprovedBy: r.agenda_approved_by,
    liveSettings: r.live_settings === null ? null : (readJson(dialect, r.live_settings) as LiveSettingsInput),
    createdBy: r.created_by,
    createdAt: readTimestamp(r.created_at),
    updatedAt: readTimestamp(r.updated_at),
  });
}

interface ParticipantRowSql {
  id: string;
  meeting_id: string;
  user_id: string;
  role: MeetingRole;
  rsvp: RsvpStatus;
  rsvp_reason: string;
  substitute_user_id: string | null;
  rsvp_at: string | Date | null;
  created_at: string | Date;
}

/** A meeting's participants, oldest first. */
export async function participantsOf(em: EntityManager, meetingId: string): Promise<ParticipantEntity[]> {
  const rows = await em.query<ParticipantRowSql[]>(
    forDialect(
      dialectOf(em),
      'SELECT id, meeting_id, user_id, role, rsvp, rsvp_reason, substitute_user_id, rsvp_at, created_at FROM meeting_participants WHERE meeting_id = ? ORDER BY created_at',
    ),
    [meetingId],
  );
  return rows.map((r) =>
    Object.assign(new ParticipantEntity(), {
      id: r.id,
      meetingId: r.meeting_id,
      userId: r.user_id,
      role: r.role,
      rsvp: r.rsvp,
      rsvpReason: r.rsvp_reason,
      substituteUserId: r.substitute_user_id,
      rsvpAt: maybeTime(r.rsvp_at),
      createdAt: readTimestamp(r.created_at),
    }),
  );
}
