import { createPrismaClient } from '@tahkim/db';
import { Pool, type PoolClient } from 'pg';
import { attachFile, demoLikeAnswers } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN };

/**
 * The statements the API sends to PostgreSQL for an autosave and a submission, counted at the driver
 * (every round trip: BEGIN and COMMIT included). The counts are exact, so a change that adds a
 * statement to these two hot paths fails here and has to say why by changing the number.
 */
describe('statements per request on the hot paths', () => {
  const sent: string[] = [];
  let counting = false;
  let t: TestApp;
  let client: Client;
  let callId: string;
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL! });
    pool.on('connect', (connection: PoolClient) => {
      const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
      (connection as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        if (counting) {
          const first = args[0] as string | { text: string };
          sent.push((typeof first === 'string' ? first : first.text).replace(/\s+/g, ' ').trim().slice(0, 120));
        }
        return query(...args);
      };
    });
    t = await createTestApp({}, { prisma: createPrismaClient(process.env.DATABASE_URL!, { pool }) });
    const staff = await createUser(t.prisma, { roles: ['STAFF'] });
    callId = (await createCall(t.prisma, { createdById: staff.id, maxApplicationsPerApplicant: 5 })).id;
    const applicant = await createUser(t.prisma);
    client = t.agent();
    await client.post('/api/auth/login').set(browser).send({ email: applicant.email, password: applicant.password }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await pool.end(); // Prisma leaves a pool it was given open
  });

  async function count(request: () => Promise<unknown>): Promise<string[]> {
    sent.length = 0;
    counting = true;
    try {
      await request();
    } finally {
      counting = false;
    }
    return [...sent];
  }

  it('an autosave is three statements: the session, the application with its form version, the versioned update', async () => {
    const created = await client.post(`/api/calls/${callId}/applications`).set(browser).expect(201);
    // The first save compiles the call's form (and caches it); the count is for every save after it.
    const first = await client.patch(`/api/applications/${created.body.id}`).set(browser).send({ version: created.body.version, answers: { project_title: 'Premier jet' } }).expect(200);
    let version = first.body.version as number;
    for (const title of ['Deuxième jet', 'Troisième jet']) {
      const statements = await count(async () => {
        const saved = await client.patch(`/api/applications/${created.body.id}`).set(browser).send({ version, answers: { project_title: title } }).expect(200);
        version = saved.body.version;
        expect(saved.body.answers).toMatchObject({ project_title: title });
      });
      expect(statements).toHaveLength(3);
      // Each is prepared once per connection (planned once, not at every save).
      expect(statements.filter((text) => !text.startsWith('/* prepared */'))).toEqual([]);
    }
    // A stale save still answers VERSION_CONFLICT, with what is saved.
    const stale = await client.patch(`/api/applications/${created.body.id}`).set(browser).send({ version: version - 1, answers: { project_title: 'Perdu' } }).expect(409);
    expect(stale.body.details.current).toMatchObject({ version, answers: { project_title: 'Troisième jet' } });
  });

  it('a submission is seven statements, the reference taken in the last one before the commit', async () => {
    const created = await client.post(`/api/calls/${callId}/applications`).set(browser).expect(201);
    const saved = await client.patch(`/api/applications/${created.body.id}`).set(browser).send({ version: created.body.version, answers: demoLikeAnswers() }).expect(200);
    await attachFile(t.prisma, created.body.id);
    const statements = await count(async () => {
      await client.post(`/api/applications/${created.body.id}/submit`).set(browser).send({ version: saved.body.version }).expect(200);
    });
    expect(statements).toHaveLength(7);
    expect(statements[2]).toBe('BEGIN');
    expect(statements[5]).toMatch(/^\/\* prepared \*\/ WITH counter AS \( INSERT INTO "ReferenceCounter"/);
    expect(statements[6]).toBe('COMMIT');
  });
});
