import { APP_ORIGIN, createTestApp, type TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD } from './support/factories';

const browser = { Origin: APP_ORIGIN };

describe('GET /api/auth/session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers a visitor with no user and no error status', async () => {
    const res = await t.http().get('/api/auth/session').expect(200);
    expect(res.body).toEqual({ user: null });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers a stale or forged session cookie with no user', async () => {
    const res = await t.http().get('/api/auth/session').set('Cookie', 'tahkim_session=not-a-real-token').expect(200);
    expect(res.body).toEqual({ user: null });
  });

  it('names the signed-in person as /auth/me does, and nothing more', async () => {
    const user = await createUser(t.prisma, { roles: ['APPLICANT', 'JUROR'] });
    const agent = t.agent();
    const login = await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const token = String(login.headers['set-cookie']).match(/tahkim_session=([^;]+)/)![1]!;

    const session = await agent.get('/api/auth/session').expect(200);
    const me = await agent.get('/api/auth/me').expect(200);
    expect(session.body).toEqual({ user: me.body });
    expect(Object.keys(session.body)).toEqual(['user']);
    expect(Object.keys(session.body.user).sort()).toEqual(['displayName', 'email', 'id', 'locale', 'organisation', 'roles']);
    const text = JSON.stringify(session.body);
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/password|hash|token|secret/i);
  });

  it('answers no user once the person has signed out, while /auth/me keeps its 401', async () => {
    const user = await createUser(t.prisma);
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    await agent.post('/api/auth/logout').set(browser).expect(200);
    await agent.get('/api/auth/session').expect(200, { user: null });
    const me = await agent.get('/api/auth/me').expect(401);
    expect(me.body.code).toBe('UNAUTHENTICATED');
  });
});
