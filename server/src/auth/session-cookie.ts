import type { CookieOptions, Response } from 'express';
import type { AppConfig } from '../config/env.js';
import { SESSION_COOKIE } from './session-token.js';

function options(config: AppConfig, expires?: Date): CookieOptions {
  // Lax keeps the cookie on top-level navigations (opening a link to a meeting) and off cross-site requests.
  return { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', ...(expires ? { expires } : {}) };
}

export function setSessionCookie(res: Response, config: AppConfig, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, options(config, expires));
}

export function clearSessionCookie(res: Response, config: AppConfig): void {
  res.clearCookie(SESSION_COOKIE, options(config));
}
