import type { EntityManager } from 'typeorm';
import type { MeetingRole, RsvpStatus } from '@phonghop/shared';
import { dialectOf, forDialect, readTimestamp } from '../database/raw-sql.js';
import { ParticipantEntity } from './participant.entity.js';

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

/**
 * A meeting's participants, oldest first, in hand-written SQL (ADR 15): every live command and every vote command
 * reads them to authorise (MeetingsService.context), and hydrating a room of 200 through TypeORM cost more than the
 * command itself.
 */
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
      rsvpAt: r.rsvp_at === null ? null : readTimestamp(r.rsvp_at),
      createdAt: readTimestamp(r.created_at),
    }),
  );
}
