/**
 * The one error type of the platform. Thrown anywhere (core, server, CLI), serialised by the
 * HTTP layer as `{ error: { code, message, details } }` and parsed back by the web client.
 * The code set is closed on purpose: specifics go in `details.reason`, not in a new code.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'DOMAIN_RULE_VIOLATED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type TErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each code; `INTERNAL` is the only one reported to logs as a fault. */
export const ERROR_HTTP_STATUS: Record<TErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DOMAIN_RULE_VIOLATED: 422,
  /** A service the request needs is missing on this host (e.g. Chromium for PDF reports). */
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface TErrorIssue {
  /** Dotted path of the offending field, e.g. `members.0.role`; empty for the whole body. */
  path: string;
  message: string;
}

export interface TErrorDetails {
  /** Every validation problem, never only the first. */
  issues?: TErrorIssue[];
  /** A stable machine-readable refinement of the code, e.g. `LAST_ADMIN`. */
  reason?: string;
  [key: string]: unknown;
}

export interface TErrorBody {
  error: { code: TErrorCode; message: string; details: TErrorDetails };
}

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly details: TErrorDetails;

  constructor(code: TErrorCode, message: string, details: TErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return ERROR_HTTP_STATUS[this.code];
  }

  toBody(): TErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }

  /** Rebuilds an AppError from a response body (used by the web client and the CLI). */
  static fromBody(body: unknown, fallbackStatus = 500): AppError {
    const candidate = body as Partial<TErrorBody> | undefined;
    const error = candidate?.error;
    if (error && typeof error.code === 'string' && (ERROR_CODES as readonly string[]).includes(error.code)) {
      return new AppError(error.code, String(error.message ?? error.code), error.details ?? {});
    }
    return new AppError(fallbackStatus === 404 ? 'NOT_FOUND' : 'INTERNAL', `Unexpected response (${fallbackStatus})`);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
