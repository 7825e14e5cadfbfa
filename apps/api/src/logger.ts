import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { redactSecretUrls } from './common/security/redact';
import type { AppConfig } from './config/env';

/**
 * What a request's log line says of it: who asked what (no cookies, no other headers: an access log
 * line per request stays cheap), with what can carry a one-time secret redacted: the URL (invitation
 * path, token parameters) and the page it came from.
 */
function redactRequest(request: Record<string, unknown>): Record<string, unknown> {
  const headers = (request.headers ?? {}) as Record<string, unknown>;
  const redacted: Record<string, unknown> = {
    id: request.id,
    method: request.method,
    url: request.url,
    query: request.query,
    params: request.params,
    remoteAddress: request.remoteAddress,
    headers: { 'user-agent': headers['user-agent'], referer: headers.referer },
  };
  if (typeof redacted.url === 'string') redacted.url = redactSecretUrls(redacted.url);
  for (const field of ['query', 'params'] as const) {
    const values = redacted[field];
    if (values && typeof values === 'object') {
      redacted[field] = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, /token|secret|password|code|key/i.test(name) ? '[redacted]' : value]));
    }
  }
  if (typeof headers.referer === 'string') redacted.headers = { 'user-agent': headers['user-agent'], referer: redactSecretUrls(headers.referer) };
  return redacted;
}

/** Any string written to the log (a message, a `url` field) goes through the same safety net. */
function redactLogArgument(argument: unknown): unknown {
  if (typeof argument === 'string') return redactSecretUrls(argument);
  if (argument && typeof argument === 'object' && !Array.isArray(argument) && !(argument instanceof Error)) {
    return Object.fromEntries(Object.entries(argument).map(([name, value]) => [name, typeof value === 'string' ? redactSecretUrls(value) : value]));
  }
  return argument;
}

/** Structured JSON logs with the request id; readable lines in development. One-time secrets never reach them. */
export function loggerOptions(config: AppConfig): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      // Fastify assigned the id (see create-app); pino-http reuses it so logs and error bodies match.
      genReqId: (request) => String(request.headers['x-request-id'] ?? ''),
      customProps: () => ({}),
      autoLogging: { ignore: (request) => (request.url ?? '').startsWith('/api/health') },
      redact: { paths: ['req.headers.cookie', 'res.headers["set-cookie"]', 'req.headers.authorization'], remove: true },
      serializers: { req: redactRequest, res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map(redactLogArgument) as Parameters<typeof method>);
        },
      },
      transport:
        config.nodeEnv === 'development'
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
          : undefined,
    },
  };
}
