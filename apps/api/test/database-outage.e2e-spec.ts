import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { applyMigrations, startEmbeddedPostgres } from '@tahkim/db';
import { renderOpenApi } from '../src/openapi';
import { createUser } from './support/factories';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN };
const SOME_ID = '0190f5a4-5b6c-7d8e-9f00-112233445566';

type Document = { paths: Record<string, Record<string, unknown>> };

/**
 * PostgreSQL stopped under a running API: every route answers 503 SERVICE_UNAVAILABLE with Retry-After
 * (clients and load balancers can tell an outage from a bug), the outage is logged once rather than once
 * per request, and the API serves again as soon as the database is back, without a restart.
 */
describe('a database outage', () => {
  let dataDir: string;
  let postgres: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  let t: TestApp;
  let everyone: Client;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-outage-'));
    postgres = await startEmbeddedPostgres({ dataDir, persistent: true });
    await applyMigrations(postgres.url);
    t = await createTestApp({ DATABASE_URL: postgres.url });
    const user = await createUser(t.prisma, { roles: ['APPLICANT', 'JUROR', 'STAFF', 'ADMIN'] });
    everyone = t.agent();
    await everyone.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After on every route while PostgreSQL is stopped, logs it once, and recovers without a restart', async () => {
    await everyone.get('/api/auth/me').expect(200);
    const errors = jest.spyOn(Logger.prototype, 'error');
    await postgres.stop();

    const document = JSON.parse(await renderOpenApi()) as Document;
    const failures: string[] = [];
    let checked = 0;
    for (const [route, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        checked += 1;
        const url = route.replace(/\{[^}]+\}/g, SOME_ID);
        const response = await everyone[method as 'get'](url).set(browser);
        if (response.status !== 503 || response.body.code !== 'SERVICE_UNAVAILABLE' || response.headers['retry-after'] !== '5') {
          failures.push(`${method.toUpperCase()} ${route}: ${response.status} ${response.body?.code} retry-after=${response.headers['retry-after']}`);
        }
      }
    }
    // Anonymous visitors too: the public pages' data and signing in.
    const anonymous = t.http();
    for (const [method, url, body] of [
      ['get', '/api/calls', undefined],
      ['post', '/api/auth/login', { email: 'someone@test.example', password: 'a-long-password' }],
    ] as const) {
      const response = await anonymous[method](url).set(browser).send(body);
      if (response.status !== 503 || response.headers['retry-after'] !== '5') failures.push(`anonymous ${method} ${url}: ${response.status}`);
    }
    const health = await anonymous.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toBe('5');

    expect(checked).toBeGreaterThan(60);
    expect(failures).toEqual([]);
    const outageLines = errors.mock.calls.filter(([message]) => String(message).startsWith('Database unreachable'));
    expect(outageLines).toHaveLength(1);
    expect(errors.mock.calls.filter(([, context]) => context === 'Errors' || String(context).includes('Unhandled'))).toHaveLength(0);
    errors.mockRestore();

    // The same port, as a restarted server or a fail-over address would be.
    postgres = await startEmbeddedPostgres({ dataDir, persistent: true, port: postgres.port });
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await everyone.get('/api/auth/me')).status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    await anonymous.get('/api/health').expect(200);
  }, 120_000);
});
