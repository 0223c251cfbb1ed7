import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'socket.io';
import { ERROR_MESSAGES_VI, type ErrorCode } from '@phonghop/shared';
import type { SessionsService } from '../auth/sessions.service.js';
import { sessionTokenFromCookieHeader } from '../auth/session-token.js';

/**
 * Cross-site WebSocket hijacking guard: a browser always sends Origin on the handshake, so a foreign page is
 * refused. Clients that are not browsers send none and still need a valid session cookie.
 */
export function isOriginAllowed(headers: IncomingHttpHeaders, allowed: readonly string[]): boolean {
  const origin = headers.origin;
  if (!origin) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (allowed.includes(url.origin)) return true;
  const host = headers['x-forwarded-host'] ?? headers.host;
  return typeof host === 'string' && url.host === host.split(',')[0].trim();
}

export class HandshakeError extends Error {
  readonly data: { code: ErrorCode; message: string };
  constructor(code: ErrorCode) {
    super(ERROR_MESSAGES_VI[code]);
    this.data = { code, message: ERROR_MESSAGES_VI[code] };
  }
}

/** Socket.IO middleware: the handshake must come from an allowed origin and carry a live session cookie. */
export function handshakeMiddleware(sessions: SessionsService, allowedOrigins: readonly string[]) {
  return (socket: Socket, next: (err?: Error) => void): void => {
    const { headers } = socket.handshake;
    if (!isOriginAllowed(headers, allowedOrigins)) return next(new HandshakeError('ORIGIN_NOT_ALLOWED'));
    sessions
      .resolve(sessionTokenFromCookieHeader(headers.cookie))
      .then((resolved) => {
        if (!resolved) return next(new HandshakeError('UNAUTHENTICATED'));
        socket.data = {
          userId: resolved.user.id,
          sessionId: resolved.session.id,
          role: resolved.user.role,
          fullName: resolved.user.fullName,
        };
        next();
      })
      .catch(() => next(new HandshakeError('INTERNAL_ERROR')));
  };
}
