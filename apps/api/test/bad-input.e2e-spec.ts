import { renderOpenApi } from '../src/openapi';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN };

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  pathParams: string[];
  queryParams: string[];
  jsonBody?: Schema;
}

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
}

type Document = {
  paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};

/** Every operation of the committed API description, with what it takes. */
async function operations(): Promise<{ document: Document; list: Operation[] }> {
  const document = JSON.parse(await renderOpenApi()) as Document;
  const list: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      list.push({
        method: method as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        jsonBody: operation.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return { document, list };
}

/** A body of the operation's shape where every text (and every free key) carries `bad`. */
function bodyWith(schema: Schema | undefined, document: Document, bad: string, depth = 0): unknown {
  if (!schema || depth > 6) return `x${bad}`;
  if (schema.$ref) return bodyWith(document.components.schemas[schema.$ref.split('/').pop()!], document, bad, depth + 1);
  const variants = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (variants?.length) return bodyWith(variants[0], document, bad, depth + 1);
  if (schema.enum) return `${String(schema.enum[0])}${bad}`;
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) out[key] = bodyWith(property, document, bad, depth + 1);
      if (!schema.properties || Object.keys(schema.properties).length === 0) out[`key${bad}`] = `value${bad}`;
      return out;
    }
    case 'array':
      return [bodyWith(schema.items, document, bad, depth + 1)];
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    default:
      return `x${bad}`;
  }
}

function urlOf(operation: Operation, param: string): string {
  return `/api${operation.path.replace(/^\/api/, '')}`.replace(/\{([^}]+)\}/g, () => param);
}

const NUL = '\u0000';
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';
const SOME_ID = '0190f5a4-5b6c-7d8e-9f00-112233445566';

describe('text the database cannot store (NUL, lone surrogates)', () => {
  let t: TestApp;
  let everyone: Client;
  let list: Operation[];
  let document: Document;

  beforeAll(async () => {
    t = await createTestApp();
    ({ list, document } = await operations());
    // One account with every role, so that every route is reachable past its access rule.
    const user = await createUser(t.prisma, { roles: ['APPLICANT', 'JUROR', 'STAFF', 'ADMIN'] });
    everyone = t.agent();
    await everyone.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
  });
  afterAll(() => t.close());

  it('walks a document that lists the routes', () => {
    expect(list.length).toBeGreaterThan(60);
  });

  it('answers 400 VALIDATION_FAILED naming the path parameter on every route that takes one', async () => {
    const failures: string[] = [];
    for (const operation of list.filter((o) => o.pathParams.length > 0)) {
      const response = await everyone[operation.method](urlOf(operation, encodeURIComponent(`a${NUL}b`))).set(browser).send(operation.jsonBody ? {} : undefined);
      const issue = response.body?.details?.[0];
      if (response.status !== 400 || response.body.code !== 'VALIDATION_FAILED' || issue?.in !== 'path' || issue?.code !== 'invalid_characters') {
        failures.push(`${operation.method.toUpperCase()} ${operation.path}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 400 naming the query parameter on every route that takes one', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const operation of list.filter((o) => o.queryParams.length > 0)) {
      for (const name of operation.queryParams) {
        checked += 1;
        const url = `${urlOf(operation, SOME_ID)}?${encodeURIComponent(name)}=${encodeURIComponent(`a${NUL}b`)}`;
        const response = await everyone[operation.method](url).set(browser);
        const issue = response.body?.details?.[0];
        if (response.status !== 400 || issue?.in !== 'query' || issue?.path?.[0] !== name) {
          failures.push(`${operation.method.toUpperCase()} ${operation.path}?${name}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });

  it.each([
    ['a NUL character', NUL],
    ['a lone high surrogate', LONE_HIGH],
    ['a lone low surrogate', LONE_LOW],
  ])('answers 400, never 500, to JSON bodies with %s in every text', async (_label, bad) => {
    const failures: string[] = [];
    let checked = 0;
    for (const operation of list.filter((o) => o.jsonBody)) {
      checked += 1;
      let value = bodyWith(operation.jsonBody, document, bad);
      // A body without any text (only numbers and switches) still gets one: an unknown key.
      if (!JSON.stringify(value).includes(JSON.stringify(bad).slice(1, -1)) && value && typeof value === 'object') {
        value = { ...value, [`note${bad}`]: 'x' };
      }
      const body = JSON.stringify(value);
      const response = await everyone[operation.method](urlOf(operation, SOME_ID)).set(browser).set('Content-Type', 'application/json').send(body);
      if (response.status !== 400 || response.body.code !== 'VALIDATION_FAILED' || response.body.details?.[0]?.code !== 'invalid_characters') {
        failures.push(`${operation.method.toUpperCase()} ${operation.path}: ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(failures).toEqual([]);
  });

  it('keeps a well-formed pair (an emoji) and ordinary Arabic and French text', async () => {
    const response = await everyone.patch('/api/auth/me').set(browser).send({ displayName: 'Fatima Zahra 🌿 فاطمة الزهراء' });
    expect(response.status).toBe(200);
    expect(response.body.displayName).toBe('Fatima Zahra 🌿 فاطمة الزهراء');
  });

  it('refuses an autosave that carries a NUL, localised, naming the answer, and keeps the saved draft as it was', async () => {
    const staff = await createUser(t.prisma, { roles: ['STAFF'] });
    const owner = await createUser(t.prisma, { locale: 'ar' });
    const call = await createCall(t.prisma, { createdById: staff.id });
    const draft = await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, answers: { project_title: 'Tifawin' } });
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: owner.email, password: owner.password }).expect(200);

    const refused = await agent
      .patch(`/api/applications/${draft.id}`)
      .set(browser)
      .set('Accept-Language', 'ar')
      .send({ version: draft.version, answers: { project_title: 'Tifawin', social_impact: `Texte copié d’un PDF${NUL} avec un caractère nul` } })
      .expect(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: ['answers', 'social_impact'], code: 'invalid_characters', message: expect.stringContaining('رموز غير صالحة') }],
    });
    const after = await t.prisma.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.version).toBe(draft.version);
    expect(after.answers).toEqual({ project_title: 'Tifawin' });
  });

  it('answers 400 (not 500) to the probe’s examples', async () => {
    const anonymous = t.http();
    await anonymous.get('/api/calls/%00').expect(400);
    await anonymous.get('/api/calls?search=%00').expect((r) => expect([400]).toContain(r.status));
    const register = await anonymous.post('/api/auth/register').set(browser).send({ email: 'nul@test.example', password: 'long-enough-password', displayName: `A${NUL}` });
    expect(register.status).toBe(400);
    expect(register.body.details).toEqual([expect.objectContaining({ path: ['displayName'], code: 'invalid_characters' })]);
    // A lone surrogate cannot be written in UTF-8: percent-encoded, it is a malformed URL, refused as such.
    const malformed = await anonymous.get('/api/calls/%ED%A0%80');
    expect(malformed.status).toBeLessThan(500);
  });
});
