import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThan, type Repository } from 'typeorm';
import type { ChangePasswordRequest, LoginRequest, SessionUser } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { DbWriter } from '../database/db-writer.js';
import { UserEntity } from '../users/user.entity.js';
import { LoginFailureEntity } from './login-failure.entity.js';
import { decideLoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';

export interface ClientMeta {
  ip: string;
  userAgent: string;
}

export function toSessionUser(user: UserEntity): SessionUser {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    position: user.position,
    unit: user.unit,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(LoginFailureEntity) private readonly failures: Repository<LoginFailureEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: DbWriter,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  async login(request: LoginRequest, meta: ClientMeta) {
    const now = this.clock.now();
    const { windowMs } = this.config.loginThrottle;
    const recent = await this.failures.find({
      where: { username: request.username, at: MoreThan(new Date(now.getTime() - windowMs)) },
      select: { at: true },
    });
    const decision = decideLoginThrottle(
      recent.map((f) => f.at),
      now,
      this.config.loginThrottle,
    );
    if (!decision.allowed) throw new AppError('LOGIN_THROTTLED', { retryAfterSeconds: decision.retryAfterSeconds });

    const user = await this.users.findOne({ where: { username: request.username } });
    const valid = await this.hasher.verify(user?.passwordHash, request.password);
    if (!user || !valid) {
      await this.db.transaction(async (em) => {
        await em.insert(LoginFailureEntity, { id: randomUUID(), username: request.username, ip: meta.ip.slice(0, 64), at: now });
        // Old rows are useless to the rule; prune them on the way so the table stays small.
        await em.delete(LoginFailureEntity, { username: request.username, at: LessThan(new Date(now.getTime() - windowMs * 10)) });
      });
      throw new AppError('INVALID_CREDENTIALS');
    }
    if (user.disabled) throw new AppError('ACCOUNT_DISABLED');

    const { token, session } = await this.sessions.create(user.id, meta);
    await this.db.transaction(async (em) => {
      await em.update(UserEntity, { id: user.id }, { lastLoginAt: now });
      await em.delete(LoginFailureEntity, { username: request.username });
    });
    return { token, session, user: toSessionUser(user) };
  }

  async changePassword(userId: string, sessionId: string, request: ChangePasswordRequest): Promise<void> {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    if (!(await this.hasher.verify(user.passwordHash, request.currentPassword))) throw new AppError('WRONG_CURRENT_PASSWORD');
    const passwordHash = await this.hasher.hash(request.newPassword);
    await this.db.transaction((em) =>
      em.update(UserEntity, { id: userId }, { passwordHash, mustChangePassword: false, updatedAt: this.clock.now() }),
    );
    // Other devices signed in with the old password are signed out; this one stays.
    await this.sessions.revokeAllForUser(userId, 'password-changed', sessionId);
  }
}
