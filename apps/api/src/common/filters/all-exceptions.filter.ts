import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import {
  ERROR_HTTP_STATUS,
  errorMessage,
  type TErrorCode,
  type TErrorResponse,
  type TLocale,
  type TValidationIssue,
} from '@tahkim/contracts';
import type { FastifyReply } from 'fastify';
import { ZodValidationException } from 'nestjs-zod';
import { z, ZodError, type core } from 'zod';
import { isDatabaseUnavailable, OUTAGE_RETRY_AFTER_SECONDS, type DatabaseOutageMonitor } from '../db/database-outage';
import { AppError } from '../errors/app-error';
import { requestLocale, type AppRequest } from '../http/request-context';

const zodLocales: Record<TLocale, () => { localeError: core.$ZodErrorMap }> = {
  ar: z.locales.ar,
  fr: z.locales.fr,
  en: z.locales.en,
};

/** Validation issues with their message in the caller's language, and no echo of the input. */
export function localiseIssues(issues: readonly core.$ZodIssue[], locale: TLocale): TValidationIssue[] {
  const { localeError } = zodLocales[locale]();
  return issues.map((issue) => {
    const localised = localeError(issue as unknown as core.$ZodRawIssue);
    const message = typeof localised === 'string' ? localised : (localised?.message ?? issue.message);
    return { path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)), code: issue.code, message };
  });
}

interface Classified {
  code: TErrorCode;
  details?: unknown;
  cause?: unknown;
}

/** Fastify's own errors (bad JSON, body too large, wrong content type) by their code. */
const FASTIFY_CODES: Record<string, TErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

const HTTP_STATUS_CODES: Record<number, TErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_ATTEMPTS',
  503: 'SERVICE_UNAVAILABLE',
};

function classify(exception: unknown, locale: TLocale): Classified {
  if (exception instanceof AppError) return { code: exception.code, details: exception.details };
  if (exception instanceof ZodValidationException) {
    const error = exception.getZodError();
    const issues = error instanceof ZodError ? error.issues : [];
    return { code: 'VALIDATION_FAILED', details: localiseIssues(issues, locale) };
  }
  if (exception instanceof ZodError) return { code: 'VALIDATION_FAILED', details: localiseIssues(exception.issues, locale) };
  if (exception instanceof HttpException) {
    const code = HTTP_STATUS_CODES[exception.getStatus()];
    return code ? { code } : { code: 'INTERNAL_ERROR', cause: exception };
  }
  if (isDatabaseUnavailable(exception)) return { code: 'SERVICE_UNAVAILABLE', cause: exception };
  const fastifyCode = (exception as { code?: unknown } | null)?.code;
  if (typeof fastifyCode === 'string' && FASTIFY_CODES[fastifyCode]) return { code: FASTIFY_CODES[fastifyCode] };
  const status = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && HTTP_STATUS_CODES[status]) {
    return { code: HTTP_STATUS_CODES[status] };
  }
  return { code: 'INTERNAL_ERROR', cause: exception };
}

/** Serves the web app's page for an unknown non-API URL; false when the request is not for a page. */
export interface SpaFallback {
  serveIndex: (request: AppRequest, reply: FastifyReply) => boolean;
}

/** The one place where anything thrown becomes `{ statusCode, code, message, details?, requestId }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly spa?: SpaFallback,
    private readonly outage?: DatabaseOutageMonitor,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<AppRequest>();
    const reply = http.getResponse<FastifyReply>();
    const locale = requestLocale(request);
    const classified = classify(exception, locale);

    if (classified.code === 'NOT_FOUND' && !(exception instanceof AppError) && this.spa?.serveIndex(request, reply)) {
      return;
    }
    if (classified.code === 'INTERNAL_ERROR') {
      this.logger.error({ err: classified.cause, requestId: request.id, url: request.url }, 'Unhandled error');
    }
    if (classified.code === 'SERVICE_UNAVAILABLE') {
      // An outage is logged once by the monitor, not once per request; clients are told when to come back.
      if (classified.cause !== undefined) this.outage?.report(classified.cause);
      reply.header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
    }
    const statusCode = ERROR_HTTP_STATUS[classified.code];
    const body: TErrorResponse = {
      statusCode,
      code: classified.code,
      message: (exception instanceof AppError && exception.messages?.[locale]) || errorMessage(classified.code, locale),
      ...(classified.details === undefined ? {} : { details: classified.details }),
      requestId: String(request.id),
    };
    if (exception instanceof AppError && exception.retryAfterSeconds !== undefined) reply.header('retry-after', String(exception.retryAfterSeconds));
    if (classified.code === 'TOO_MANY_ATTEMPTS' && !reply.getHeader('retry-after')) reply.header('retry-after', '300');
    void reply.status(statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
