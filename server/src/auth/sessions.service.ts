import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import { rooms, type SessionRevokedEvent } from '@phonghop/shared';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { DbWriter } from '../database/db-writer.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';
import { UserEntity } from '../users/user.entity.js';
import { liveSessionByTokenHash } from './session-rows.js';
import { SessionEntity } from './session.entity.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

export interface ResolvedSession {
  session: SessionEntity;
  user: UserEntity;
  /** Set when the expiry slid forward, so the cookie can be renewed too. */
  renewed: boolean;
}

/** Sliding expiry is written at most this often, so a busy tablet does not turn every request into a write. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DbWriter,
    private readonly clock: Clock,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async create(userId: string, meta: { ip: string; userAgent: string }): Promise<{ token: string; session: SessionEntity }> {
    const token = newSessionToken();
    const now = this.clock.now();
    const session = this.sessions.create({
      id: randomUUID(),
      tokenHash: hashSessionToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionTtlMs),
      revokedAt: null,
      revokedReason: null,
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent.slice(0, 300),
    });
    await this.db.transaction((em) => em.insert(SessionEntity, session));
    return { token, session };
  }

  /** The live session and its enabled user for a cookie token, or null. */
  async resolve(token: string | undefined): Promise<ResolvedSession | null> {
    if (!token) return null;
    const found = await liveSessionByTokenHash(this.sessions.manager, hashSessionToken(token));
    const now = this.clock.now();
    if (!found || found.session.expiresAt.getTime() <= now.getTime()) return null;
    const { session, user } = found;
    if (!user || user.disabled) return null;
    let renewed = false;
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      session.lastSeenAt = now;
      session.expiresAt = new Date(now.getTime() + this.config.sessionTtlMs);
      await this.db.transaction((em) =>
        em.update(SessionEntity, { id: session.id }, { lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt }),
      );
      renewed = true;
    }
    return { session, user, renewed };
  }

  async revoke(sessionId: string, reason: SessionRevokedEvent['reason']): Promise<void> {
    await this.db.transaction((em) =>
      em.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: this.clock.now(), revokedReason: reason }),
    );
    this.realtime.endSession(rooms.session(sessionId), reason);
  }

  /** Ends every session of a user (password reset, account disabled), optionally keeping the current one. */
  async revokeAllForUser(userId: string, reason: SessionRevokedEvent['reason'], keepSessionId?: string): Promise<void> {
    const live = await this.sessions.find({ where: { userId, revokedAt: IsNull() }, select: { id: true } });
    const ids = live.map((s) => s.id).filter((id) => id !== keepSessionId);
    if (ids.length === 0) return;
    const now = this.clock.now();
    await this.db.transaction((em) => em.update(SessionEntity, { id: In(ids), revokedAt: IsNull() }, { revokedAt: now, revokedReason: reason }));
    for (const id of ids) this.realtime.endSession(rooms.session(id), reason);
  }
}
