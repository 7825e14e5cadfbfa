import { ERROR_HTTP_STATUS, type TErrorCode } from '@tahkim/contracts';

/** The one error type services throw. The global filter turns it into the API's error format. */
export class AppError extends Error {
  readonly status: number;
  /** Sent as Retry-After when the caller should wait a known time (e.g. a throttle's window or backoff). */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: TErrorCode,
    readonly details?: unknown,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_HTTP_STATUS[code];
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
