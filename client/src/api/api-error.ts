import { ERROR_MESSAGES_VI, type ErrorBody, type ErrorCode } from '@phonghop/shared';

/** Codes the client produces itself, on top of the server's stable codes. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNKNOWN';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** Every failed request ends up as one of these: the server's code plus whatever it said. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details?: Record<string, string>;
  readonly retryAfterSeconds?: number;

  constructor(status: number, code: ApiErrorCode, message: string, details?: Record<string, string>, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The network failed before an answer came (offline, server unreachable, connection cut): worded the same everywhere. */
export const networkError = (): ApiError => new ApiError(0, 'NETWORK_ERROR', '');

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES_VI, value);
}

/** Builds an ApiError from a status and a (possibly malformed) JSON body. */
export function toApiError(status: number, body: unknown, retryAfterHeader?: string | null): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<keyof ErrorBody, unknown>>;
  const code: ApiErrorCode = isErrorCode(b.code) ? b.code : status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN';
  const message = typeof b.message === 'string' && b.message ? b.message : code in ERROR_MESSAGES_VI ? ERROR_MESSAGES_VI[code as ErrorCode] : '';
  const details =
    typeof b.details === 'object' && b.details !== null
      ? Object.fromEntries(Object.entries(b.details as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : undefined;
  let retry = typeof b.retryAfterSeconds === 'number' && Number.isFinite(b.retryAfterSeconds) ? b.retryAfterSeconds : undefined;
  if (retry === undefined && retryAfterHeader && /^\d+$/.test(retryAfterHeader)) retry = Number(retryAfterHeader);
  return new ApiError(status, code, message, details, retry);
}

/** A translator: returns the text for a key, or undefined when the key is missing. */
export type Lookup = (key: string, vars?: Record<string, string | number>) => string | undefined;

/**
 * The message to show for any thrown value: the translation of its code (with the wait time for a throttled
 * login), else the server's own message, else a generic one.
 */
export function errorMessage(error: unknown, lookup: Lookup): string {
  if (error instanceof ApiError) {
    if (error.code === 'LOGIN_THROTTLED' && error.retryAfterSeconds !== undefined) {
      const wait = lookup('errors.LOGIN_THROTTLED_WAIT', { seconds: Math.max(1, Math.ceil(error.retryAfterSeconds)) });
      if (wait) return wait;
    }
    if (error.code !== 'UNKNOWN') {
      const translated = lookup(`errors.${error.code}`);
      if (translated) return translated;
    }
    if (error.message) return error.message;
  }
  return lookup('errors.UNKNOWN') ?? ERROR_MESSAGES_VI.INTERNAL_ERROR;
}
