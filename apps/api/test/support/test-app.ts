import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPrismaClient, type PrismaClient } from '@tahkim/db';
import request from 'supertest';
import { loadConfig, type AppConfig } from '../../src/config/env';
import { createApp } from '../../src/create-app';
import { JobsService } from '../../src/modules/jobs/jobs.service';

export const APP_ORIGIN = 'http://localhost:3000';

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Client = Pick<ReturnType<typeof request.agent>, Verb>;

export interface TestApp {
  app: NestFastifyApplication;
  prisma: PrismaClient;
  config: AppConfig;
  /** A client from its own address (a fresh one per call unless given), so throttling never leaks between tests. */
  http: (ip?: string) => Client;
  /** Like `http`, keeping cookies between requests: one browser. */
  agent: (ip?: string) => Client;
  close: () => Promise<void>;
}

function fromAddress(base: Client, ip: string): Client {
  const verbs: Verb[] = ['get', 'post', 'put', 'patch', 'delete'];
  return Object.fromEntries(verbs.map((verb) => [verb, (url: string) => base[verb](url).set('X-Forwarded-For', ip)])) as unknown as Client;
}

/**
 * The real application on the test database. By default it trusts X-Forwarded-For (as behind a proxy)
 * so each test can act from its own address and throttling counts stay apart.
 */
export async function createTestApp(env: Record<string, string> = {}, options: { workers?: boolean; prisma?: PrismaClient } = {}): Promise<TestApp> {
  // A test may bring its own database (one it stops and restarts); the run's shared one otherwise.
  const databaseUrl = env.DATABASE_URL ?? process.env.DATABASE_URL!;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, APP_URL: APP_ORIGIN, TRUST_PROXY: 'true', LOG_LEVEL: 'silent', ...env });
  const prisma = options.prisma ?? createPrismaClient(databaseUrl);
  const app = await createApp(config, prisma, databaseUrl, { logger: false });
  await app.init();
  await app.get(JobsService).start({ work: options.workers ?? false });
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  return {
    app,
    prisma,
    config,
    http: (ip = uniqueIp()) => fromAddress(request(server) as unknown as Client, ip),
    agent: (ip = uniqueIp()) => fromAddress(request.agent(server), ip),
    close: async () => {
      await app.close();
      await prisma.$disconnect();
    },
  };
}

let counter = 0;
/** A unique address per test, so throttling and accounts never collide between tests or runs. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@test.example`;
}

/**
 * Documentation-range IPv6 addresses, unique per process and call, each in a /64 network of its own
 * (the throttle counts an IPv6 address by its /64).
 */
export function uniqueIp(): string {
  counter += 1;
  // The process id in one group and this process's own sequence in the next: two test workers never
  // share a /64 (pid + time could coincide across workers started a second apart). The random start
  // keeps runs against a database that outlives them apart too.
  return `2001:db8:${(process.pid % 65536).toString(16)}:${((IP_SEQUENCE_START + counter) % 65536).toString(16)}::1`;
}

const IP_SEQUENCE_START = Math.floor(Math.random() * 65536);
