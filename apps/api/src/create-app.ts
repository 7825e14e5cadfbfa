import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { PrismaClient } from '@tahkim/db';
import type { FastifyReply } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppRequest } from './common/http/request-context';
import type { AppConfig } from './config/env';
import { MULTIPART_OPTIONS } from './modules/attachments/multipart';
import { buildOpenApiDocument } from './openapi-document';
import { registerServerRenderedPages } from './web/server-rendering';
import { registerWebAssets } from './web/static-assets';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

/** A request id from the load balancer is kept when it looks like one; otherwise a new one is made. */
function requestIdFor(raw: IncomingMessage): string {
  const incoming = raw.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  raw.headers['x-request-id'] = id;
  return id;
}

export interface CreateAppOptions {
  /** Serve the built web app (production start); off in API tests. */
  serveWeb?: boolean;
  logger?: boolean;
}

/** Builds the HTTP application: used by the server, the tests and the OpenAPI export alike. */
export async function createApp(config: AppConfig, prisma: PrismaClient, databaseUrl: string, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    genReqId: requestIdFor,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });
  const indexHtml = options.serveWeb ? readIndexHtml(config.webDistDir) : undefined;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, prisma, databaseUrl, indexHtml ? { serveIndex: (request, reply) => serveIndex(request, reply, indexHtml) } : undefined),
    adapter,
    { bufferLogs: true, logger: options.logger === false ? false : undefined },
  );
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, MULTIPART_OPTIONS);
  // Large answers (a ranking of 10,000 applications is 5.5 MiB of JSON, 0.85 MiB gzipped) travel
  // compressed when the browser accepts it; a fast level keeps the server's cost small.
  await app.register(fastifyCompress, { global: true, threshold: 2048, encodings: ['gzip', 'deflate'], zlibOptions: { level: 4 } });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and the API docs set style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // A route may say more (file downloads: `private, no-store`); none is ever cached by default.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

  if (indexHtml) {
    await registerWebAssets(fastify, config.webDistDir);
    // The site's root is a page of the web app, not a directory to list; it and the calls' pages are
    // rendered on the server.
    await registerServerRenderedPages(fastify, {
      webDistDir: config.webDistDir,
      template: indexHtml,
      origin: config.appOrigin,
      serveIndex: (request, reply) => serveIndex(request as AppRequest, reply, indexHtml),
    });
  }
  return app;
}

function readIndexHtml(dir: string): string | undefined {
  const file = path.join(dir, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Pages of the web app are routed in the browser: any unknown non-API page gets index.html. */
function serveIndex(request: AppRequest, reply: FastifyReply, html: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.url === '/api' || request.url.startsWith('/api/')) return false;
  if (!String(request.headers.accept ?? '').includes('text/html')) return false;
  void reply.status(200).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  return true;
}
