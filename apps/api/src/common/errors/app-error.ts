import { ERROR_HTTP_STATUS, type TErrorCode, type TLocale } from '@tahkim/contracts';

/** The one error type services throw. The global filter turns it into the API's error format. */
export class AppError extends Error {
  readonly status: number;
  /** Sent as Retry-After when the caller should wait a known time (e.g. a throttle's window or backoff). */
  readonly retryAfterSeconds?: number;
  /** A more precise message than the code's, per language (e.g. why a CONFLICT happened), sent in the caller's. */
  readonly messages?: Record<TLocale, string>;

  constructor(
    readonly code: TErrorCode,
    readonly details?: unknown,
    options?: { cause?: unknown; retryAfterSeconds?: number; messages?: Record<TLocale, string> },
  ) {
    super(code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_HTTP_STATUS[code];
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    if (options?.messages !== undefined) this.messages = options.messages;
  }
}
