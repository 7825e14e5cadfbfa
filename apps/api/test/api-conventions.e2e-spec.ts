import { APP_ORIGIN, createTestApp, uniqueEmail, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN };

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('rejects an unknown field with 400 VALIDATION_FAILED and details, localised', async () => {
    const res = await t.http().post('/api/auth/register').set(browser).set('Accept-Language', 'fr-MA,fr;q=0.9')
      .send({ email: uniqueEmail(), password: 'a-long-password', displayName: 'Karim', isAdmin: true })
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Certaines données envoyées ne sont pas valides. Corrigez les champs signalés.',
      details: [{ path: [], code: 'unrecognized_keys', message: expect.stringContaining('isAdmin') }],
      requestId: expect.any(String),
    });
  });

  it('rejects a wrong type with the field path, and nothing is saved', async () => {
    const email = uniqueEmail();
    const res = await t.http().post('/api/auth/register').set(browser).set('Accept-Language', 'ar')
      .send({ email, password: 12345678, displayName: 'Karim' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/[\u0600-\u06FF]/);
    expect(res.body.details).toEqual([expect.objectContaining({ path: ['password'], code: 'invalid_type', message: expect.stringMatching(/[\u0600-\u06FF]/) })]);
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
  });

  it('answers malformed JSON with VALIDATION_FAILED, not a stack trace', async () => {
    const res = await t.http().post('/api/auth/login').set(browser).set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', requestId: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers an unknown route with 404 in the same format', async () => {
    for (const [method, url] of [['get', '/api/nothing-here'], ['post', '/api/auth/nothing'], ['delete', '/api/auth/me']] as const) {
      const res = await t.http()[method](url).set(browser).set('Accept-Language', 'en');
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) });
    }
  });

  it('answers 401 in the same format on a private route', async () => {
    const res = await t.http().get('/api/auth/me').set('Accept-Language', 'en').expect(401);
    expect(res.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'You need to sign in to continue.', requestId: expect.any(String) });
  });

  it('echoes the request id in a header and in error bodies', async () => {
    const res = await t.http().get('/api/auth/me').set('X-Request-Id', 'trace-0123456789').expect(401);
    expect(res.headers['x-request-id']).toBe('trace-0123456789');
    expect(res.body.requestId).toBe('trace-0123456789');
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('reports database reachability', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', time: expect.any(String) });
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.paths['/api/auth/login']).toBeDefined();
    expect(json.body.components.schemas.ErrorResponse).toBeDefined();
    const ui = await t.http().get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});
