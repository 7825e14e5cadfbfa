import { ERROR_HTTP_STATUS, type TErrorCode } from '@tahkim/contracts';

/** The one error type services throw. The global filter turns it into the API's error format. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: TErrorCode,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'AppError';
    this.status = ERROR_HTTP_STATUS[code];
  }
}
