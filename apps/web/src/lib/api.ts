import { ERROR_CODES, ERROR_MESSAGES, type TErrorCode, type TValidationIssue } from '@tahkim/contracts';
import createClient from 'openapi-fetch';
import { currentLocale } from '../app/i18n';
import type { paths } from './api-types';

/**
 * Shapes read from the generated OpenAPI paths (not from schema names, which are the API's business):
 * `ApiBody<'/api/auth/login', 'post'>` is what the endpoint accepts, `ApiData<...>` what it answers.
 */
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];
export type ApiBody<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { requestBody?: infer Request } ? JsonContent<NonNullable<Request>> : never;
export type ApiData<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { responses: infer Responses }
    ? JsonContent<Responses[Extract<keyof Responses, 200 | 201>]>
    : never;
export type ApiQuery<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;

/** A failed API call, as the API described it (or as close to it as a network failure allows). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: TErrorCode;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(init: { status: number; code: TErrorCode; message: string; details?: unknown; requestId?: string }, options?: ErrorOptions) {
    super(init.message, options);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  /** VALIDATION_FAILED issues (path into the request body, localised message), or none. */
  get issues(): TValidationIssue[] {
    if (this.code !== 'VALIDATION_FAILED' || !Array.isArray(this.details)) return [];
    return this.details.filter(isValidationIssue);
  }
}

function isValidationIssue(value: unknown): value is TValidationIssue {
  if (typeof value !== 'object' || value === null) return false;
  const issue = value as Record<string, unknown>;
  return (
    Array.isArray(issue.path) &&
    issue.path.every((part) => typeof part === 'string' || typeof part === 'number') &&
    typeof issue.message === 'string'
  );
}

function isErrorCode(value: unknown): value is TErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function fallbackCode(status: number): TErrorCode {
  if (status === 0 || status === 502 || status === 503 || status === 504) return 'SERVICE_UNAVAILABLE';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'TOO_MANY_ATTEMPTS';
  return 'INTERNAL_ERROR';
}

/**
 * The one place that turns whatever came back into an ApiError. The API's body is trusted when it
 * has the documented shape (its message is already in the caller's language); anything else (a proxy
 * page, an empty body, a network failure) gets the contracts' message for the closest code.
 */
export function toApiError(status: number, body: unknown, cause?: unknown): ApiError {
  const candidate = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (isErrorCode(candidate.code) && typeof candidate.message === 'string') {
    return new ApiError(
      {
        status: typeof candidate.statusCode === 'number' ? candidate.statusCode : status,
        code: candidate.code,
        message: candidate.message,
        details: candidate.details,
        requestId: typeof candidate.requestId === 'string' ? candidate.requestId : undefined,
      },
      { cause },
    );
  }
  const code = fallbackCode(status);
  return new ApiError({ status, code, message: ERROR_MESSAGES[code][currentLocale()] }, { cause });
}

export const api = createClient<paths>({
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'include',
  // Resolved at call time so tests (and devtools) can replace the global fetch.
  fetch: (request) => globalThis.fetch(request),
});

api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLocale());
    return request;
  },
});

type ApiResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError. Every call of the app
 * goes through here, so queries and mutations only ever see ApiError.
 */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw toApiError(0, undefined, cause);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.response.status, result.error);
  }
  return result.data as T;
}
