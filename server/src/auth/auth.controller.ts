import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { changePasswordRequestSchema, loginRequestSchema, type SessionInfo } from '@phonghop/shared';
import { ZodPipe } from '../common/zod.pipe.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { CurrentAuth, Public, type RequestAuth } from './auth.decorators.js';
import { AuthService, toSessionUser } from './auth.service.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { sessionTokenFromCookieHeader } from './session-token.js';
import { SessionsService } from './sessions.service.js';

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body(new ZodPipe(loginRequestSchema)) body: ReturnType<typeof loginRequestSchema.parse>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionInfo> {
    const { token, session, user } = await this.auth.login(body, {
      ip: req.ip ?? '',
      userAgent: req.get('user-agent') ?? '',
    });
    setSessionCookie(res, this.config, token, session.expiresAt);
    return { user, expiresAt: session.expiresAt.toISOString() };
  }

  /** Idempotent: logging out without a live session still clears the cookie. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const resolved = await this.sessions.resolve(sessionTokenFromCookieHeader(req.headers.cookie));
    if (resolved) await this.sessions.revoke(resolved.session.id, 'logout');
    clearSessionCookie(res, this.config);
  }

  @Get('session')
  session(@CurrentAuth() auth: RequestAuth): SessionInfo {
    return { user: toSessionUser(auth.user), expiresAt: auth.session.expiresAt.toISOString() };
  }

  @Post('change-password')
  @HttpCode(204)
  async changePassword(
    @CurrentAuth() auth: RequestAuth,
    @Body(new ZodPipe(changePasswordRequestSchema)) body: ReturnType<typeof changePasswordRequestSchema.parse>,
  ): Promise<void> {
    await this.auth.changePassword(auth.user.id, auth.session.id, body);
  }
}
