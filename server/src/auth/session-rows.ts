import type { EntityManager } from 'typeorm';
import type { SystemRole } from '@phonghop/shared';
import { rawQuery, readBoolean, readTimestamp } from '../database/raw-sql.js';
import { UserEntity } from '../users/user.entity.js';
import { SessionEntity } from './session.entity.js';

interface SessionUserRow {
  s_id: string;
  s_token_hash: string;
  s_user_id: string;
  s_created_at: string | Date;
  s_expires_at: string | Date;
  s_last_seen_at: string | Date;
  s_user_agent: string;
  s_ip: string;
  u_id: string | null;
  u_username: string;
  u_full_name: string;
  u_position: string;
  u_unit: string;
  u_role: SystemRole;
  u_password_hash: string;
  u_disabled: unknown;
  u_must_change_password: unknown;
  u_calendar_token_hash: string | null;
  u_created_at: string | Date;
  u_updated_at: string | Date;
  u_last_login_at: string | Date | null;
}

/**
 * The unrevoked session with this token hash and its user (null when there is none; `user` null when the account is
 * gone), in one hand-written query (ADR 15): every HTTP request and every socket handshake resolves a session, and a
 * tablet fleet reconnecting after a restart makes hundreds at once. Mapped to the same entity classes.
 */
export async function liveSessionByTokenHash(em: EntityManager, tokenHash: string): Promise<{ session: SessionEntity; user: UserEntity | null } | null> {
  const [r] = await rawQuery<SessionUserRow>(
    em,
    `SELECT s.id AS s_id, s.token_hash AS s_token_hash, s.user_id AS s_user_id, s.created_at AS s_created_at, s.expires_at AS s_expires_at,
         s.last_seen_at AS s_last_seen_at, s.user_agent AS s_user_agent, s.ip AS s_ip,
         u.id AS u_id, u.username AS u_username, u.full_name AS u_full_name, u.position AS u_position, u.unit AS u_unit, u.role AS u_role,
         u.password_hash AS u_password_hash, u.disabled AS u_disabled, u.must_change_password AS u_must_change_password,
         u.calendar_token_hash AS u_calendar_token_hash, u.created_at AS u_created_at, u.updated_at AS u_updated_at, u.last_login_at AS u_last_login_at
       FROM sessions s LEFT JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.revoked_at IS NULL`,
    [tokenHash],
  );
  if (!r) return null;
  const session = Object.assign(new SessionEntity(), {
    id: r.s_id,
    tokenHash: r.s_token_hash,
    userId: r.s_user_id,
    createdAt: readTimestamp(r.s_created_at),
    expiresAt: readTimestamp(r.s_expires_at),
    lastSeenAt: readTimestamp(r.s_last_seen_at),
    revokedAt: null,
    revokedReason: null,
    userAgent: r.s_user_agent,
    ip: r.s_ip,
  });
  const user =
    r.u_id === null
      ? null
      : Object.assign(new UserEntity(), {
          id: r.u_id,
          username: r.u_username,
          fullName: r.u_full_name,
          position: r.u_position,
          unit: r.u_unit,
          role: r.u_role,
          passwordHash: r.u_password_hash,
          disabled: readBoolean(r.u_disabled),
          mustChangePassword: readBoolean(r.u_must_change_password),
          calendarTokenHash: r.u_calendar_token_hash,
          createdAt: readTimestamp(r.u_created_at),
          updatedAt: readTimestamp(r.u_updated_at),
          lastLoginAt: r.u_last_login_at === null ? null : readTimestamp(r.u_last_login_at),
        });
  return { session, user };
}
