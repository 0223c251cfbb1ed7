import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { SystemRole } from '@phonghop/shared';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { IS_PUBLIC, REQUIRED_ROLES, type RequestAuth } from './auth.decorators.js';
import { setSessionCookie } from './session-cookie.js';
import { sessionTokenFromCookieHeader } from './session-token.js';
import { SessionsService } from './sessions.service.js';

/** Global guard: every HTTP route needs a live session unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<Request & { auth?: RequestAuth }>();
    const token = sessionTokenFromCookieHeader(req.headers.cookie);
    const resolved = await this.sessions.resolve(token);
    if (!resolved || !token) throw new AppError('UNAUTHENTICATED');
    if (resolved.renewed) {
      setSessionCookie(context.switchToHttp().getResponse<Response>(), this.config, token, resolved.session.expiresAt);
    }
    req.auth = { user: resolved.user, session: resolved.session };

    const roles = this.reflector.getAllAndOverride<SystemRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(resolved.user.role)) throw new AppError('FORBIDDEN');
    return true;
  }
}
