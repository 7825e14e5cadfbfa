import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config/env';

/** Structured JSON logs with the request id; readable lines in development. */
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
      transport:
        config.nodeEnv === 'development'
          ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } }
          : undefined,
    },
  };
}
