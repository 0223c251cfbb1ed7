import type { EntityManager } from 'typeorm';
import type { AgendaStatus, LiveSettingsInput, MeetingKind, MeetingRole, MeetingStatus, RsvpStatus } from '@phonghop/shared';
import { dialectOf, jsonColumn, rawQuery, readBoolean, readJson, readTimestamp } from '../database/raw-sql.js';
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
  const [r] = await rawQuery<MeetingRowSql>(
    em,
    `SELECT id, title, kind, status, starts_at, ends_at, location, organizer, content, preparation, cancel_reason, published_at, short_notice,
       agenda_status, agenda_approved_at, agenda_approved_by, ${jsonColumn(dialect, 'live_settings')}, created_by, created_at, updated_at
       FROM meetings WHERE id = ?`,
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

const PARTICIPANT_COLUMNS = 'p.id, p.meeting_id, p.user_id, p.role, p.rsvp, p.rsvp_reason, p.substitute_user_id, p.rsvp_at, p.created_at';

const toParticipant = (r: ParticipantRowSql): ParticipantEntity =>
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
  });

/** A meeting's participants, oldest first. */
export async function participantsOf(em: EntityManager, meetingId: string): Promise<ParticipantEntity[]> {
  const rows = await rawQuery<ParticipantRowSql>(
    em,
    `SELECT ${PARTICIPANT_COLUMNS} FROM meeting_participants p WHERE p.meeting_id = ? ORDER BY p.created_at`,
    [meetingId],
  );
  return rows.map(toParticipant);
}

/** A participant's (or substitute's) name as seats show it. */
export interface SeatName {
  fullName: string;
  position: string;
}

/** The participants, and the names of each and of their substitutes by user id (a join draws the seats by name). */
export async function participantsWithNames(em: EntityManager, meetingId: string): Promise<{ participants: ParticipantEntity[]; names: Map<string, SeatName> }> {
  const rows = await rawQuery<ParticipantRowSql & { u_full_name: string | null; u_position: string | null; s_full_name: string | null; s_position: string | null }>(
    em,
    `SELECT ${PARTICIPANT_COLUMNS}, u.full_name AS u_full_name, u.position AS u_position, s.full_name AS s_full_name, s.position AS s_position
       FROM meeting_participants p LEFT JOIN users u ON u.id = p.user_id LEFT JOIN users s ON s.id = p.substitute_user_id
       WHERE p.meeting_id = ? ORDER BY p.created_at`,
    [meetingId],
  );
  const names = new Map<string, SeatName>();
  for (const r of rows) {
    if (r.u_full_name !== null) names.set(r.user_id, { fullName: r.u_full_name, position: r.u_position ?? '' });
    if (r.substitute_user_id !== null && r.s_full_name !== null) names.set(r.substitute_user_id, { fullName: r.s_full_name, position: r.s_position ?? '' });
  }
  return { participants: rows.map(toParticipant), names };
}
