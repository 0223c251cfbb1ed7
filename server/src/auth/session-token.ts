import { createHash, randomBytes } from 'node:crypto';
import { parse as parseCookie } from 'cookie';

export const SESSION_COOKIE = 'phonghop_sid';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Reads the session token from a Cookie header (HTTP requests and the Socket.IO handshake alike). */
export function sessionTokenFromCookieHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const token = parseCookie(header)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}
