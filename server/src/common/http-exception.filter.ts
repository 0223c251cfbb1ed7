import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ERROR_MESSAGES_VI, type ErrorBody, type ErrorCode } from '@phonghop/shared';
import { AppError } from './app-error.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'VALIDATION_FAILED',
};

/** Every HTTP error leaves as `{ code, message }`; unexpected errors are logged and never leak internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    // A refused upload (too large, classified, bad metadata) may still be arriving: drain it so the
    // browser reads our answer instead of a connection reset.
    if (req && !req.complete) req.resume();
    const { status, body } = toHttpError(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (body.retryAfterSeconds) res.setHeader('Retry-After', String(body.retryAfterSeconds));
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json(body);
  }
}

export function toHttpError(exception: unknown): { status: number; body: ErrorBody } {
  if (exception instanceof AppError) return { status: exception.status, body: exception.toBody() };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
    return { status, body: { code, message: ERROR_MESSAGES_VI[code] } };
  }
  // body-parser errors (malformed JSON, too large) carry a status but are not HttpExceptions.
  const status = (exception as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES_VI.VALIDATION_FAILED } };
  }
  return { status: 500, body: { code: 'INTERNAL_ERROR', message: ERROR_MESSAGES_VI.INTERNAL_ERROR } };
}
