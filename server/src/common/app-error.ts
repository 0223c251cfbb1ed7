import { ERROR_MESSAGES_VI, type ErrorBody, type ErrorCode } from '@phonghop/shared';

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  WRONG_CURRENT_PASSWORD: 400,
  FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  CANNOT_DISABLE_SELF: 409,
  LOGIN_THROTTLED: 429,
  UNKNOWN_EVENT: 400,
  INTERNAL_ERROR: 500,
  FILE_EMPTY: 422,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_SUPPORTED: 415,
  PDF_INVALID: 422,
  PDF_ENCRYPTED: 422,
  PDF_PASSWORD_WRONG: 422,
  PDF_TOO_COMPLEX: 422,
  CONVERTER_UNAVAILABLE: 503,
  CONVERSION_FAILED: 422,
  CONVERSION_TIMEOUT: 422,
  CLASSIFIED_UPLOAD_FORBIDDEN: 403,
  INVALID_STATUS_TRANSITION: 409,
  PUBLISH_SHORT_NOTICE: 409,
  AGENDA_NOT_APPROVED: 409,
  CHAIR_REQUIRED: 409,
  PARTICIPANT_EXISTS: 409,
  SUBSTITUTE_INVALID: 422,
  RSVP_CLOSED: 409,
  AGENDA_ORDER_MISMATCH: 409,
  AGENDA_NESTING_TOO_DEEP: 422,
  DOCUMENT_ACCESS_DENIED: 403,
  RANGE_NOT_SATISFIABLE: 416,
  CHECK_IN_NOT_OPEN: 409,
  MEETING_NOT_LIVE: 409,
  NOT_PRESENTER: 403,
  SPEAKER_ALREADY_QUEUED: 409,
  SPEAKER_ALREADY_SPEAKING: 409,
  SPEAKER_NOT_IN_QUEUE: 409,
  NO_CURRENT_SPEAKER: 409,
  TIMER_ALREADY_PAUSED: 409,
  TIMER_NOT_PAUSED: 409,
  SPEAKER_ALREADY_FIRST: 409,
  SPEAKER_ALREADY_LAST: 409,
  NETWORK_ERROR: 503,
};

/** The one error type of the application: a stable code, its Vietnamese message, an HTTP status. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly extra: Omit<ErrorBody, 'code' | 'message'> & { message?: string } = {},
  ) {
    super(extra.message ?? ERROR_MESSAGES_VI[code]);
    this.status = STATUS[code] ?? 400;
  }

  toBody(): ErrorBody {
    const { message: _m, ...rest } = this.extra;
    return { code: this.code, message: this.message, ...rest };
  }
}
