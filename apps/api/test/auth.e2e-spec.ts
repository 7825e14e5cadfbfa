import { APP_ORIGIN, createTestApp, uniqueEmail, uniqueIp, type TestApp } from './support/test-app';
import { createUser, latestEmailLink, TEST_PASSWORD } from './support/factories';
import { ipKey } from '../src/modules/auth/throttle.service';

const browser = { Origin: APP_ORIGIN };

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('register, me, logout, login', () => {
    it('creates an applicant, signs them in with a hardened cookie, and signs out', async () => {
      const agent = t.agent();
      const email = uniqueEmail('amina');
      const registered = await agent
        .post('/api/auth/register')
        .set(browser)
        .send({ email: `  ${email.toUpperCase()} `, password: 'a-long-password', displayName: 'Amina El Idrissi', locale: 'ar' })
        .expect(201);
      expect(registered.body).toEqual({ id: expect.any(String), email, displayName: 'Amina El Idrissi', locale: 'ar', roles: ['APPLICANT'], organisation: null });
      const cookie = String(registered.headers['set-cookie']);
      expect(cookie).toMatch(/tahkim_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/Secure/i); // APP_URL is http here

      const me = await agent.get('/api/auth/me').expect(200);
      expect(me.body.email).toBe(email);

      await agent.post('/api/auth/logout').set(browser).expect(200, { ok: true });
      await agent.get('/api/auth/me').expect(401);
      expect(await t.prisma.session.count({ where: { userId: registered.body.id } })).toBe(0);

      const login = await agent.post('/api/auth/login').set(browser).send({ email, password: 'a-long-password' }).expect(200);
      expect(login.body.roles).toEqual(['APPLICANT']);
      await agent.get('/api/auth/me').expect(200);

      const actions = await t.prisma.auditEvent.findMany({ where: { entityId: registered.body.id }, orderBy: { id: 'asc' }, select: { action: true, actorId: true } });
      expect(actions.map((a) => a.action)).toEqual(['auth.register', 'auth.logout', 'auth.login']);
      expect(actions.every((a) => a.actorId === registered.body.id)).toBe(true);
    });

    it('refuses a second account with the same email, whatever its case', async () => {
      const user = await createUser(t.prisma);
      const res = await t.http().post('/api/auth/register').set(browser).send({ email: user.email.toUpperCase(), password: 'another-password', displayName: 'X' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN', details: [{ path: ['email'] }] });
    });

    it('rotates the session at login: the token held before is no longer valid', async () => {
      const user = await createUser(t.prisma);
      const agent = t.agent();
      const first = await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      const firstCookie = String(first.headers['set-cookie']).split(';')[0]!;
      await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      await t.http().get('/api/auth/me').set('Cookie', firstCookie).expect(401);
      await agent.get('/api/auth/me').expect(200);
      expect(await t.prisma.session.count({ where: { userId: user.id } })).toBe(1);
    });

    it('stores only a hash of the session token', async () => {
      const user = await createUser(t.prisma);
      const res = await t.http().post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      const token = String(res.headers['set-cookie']).match(/tahkim_session=([^;]+)/)![1]!;
      const session = await t.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
      expect(session.tokenHash).not.toContain(token);
      expect(session.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('ends a session idle for too long, and one past its absolute expiry', async () => {
      const user = await createUser(t.prisma);
      const idle = t.agent();
      await idle.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      await t.prisma.session.updateMany({ where: { userId: user.id }, data: { lastUsedAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } });
      const res = await idle.get('/api/auth/me').expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      expect(await t.prisma.session.count({ where: { userId: user.id } })).toBe(0);

      const old = t.agent();
      await old.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      await t.prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      await old.get('/api/auth/me').expect(401);
    });

    it('remembers the language per user', async () => {
      const user = await createUser(t.prisma);
      const agent = t.agent();
      await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      const res = await agent.patch('/api/auth/me').set(browser).send({ locale: 'ar' }).expect(200);
      expect(res.body.locale).toBe('ar');
      const withOrganisation = await agent.patch('/api/auth/me').set(browser).send({ organisation: '  Association INSAF ' }).expect(200);
      expect(withOrganisation.body.organisation).toBe('Association INSAF');
      expect((await agent.patch('/api/auth/me').set(browser).send({ organisation: '' }).expect(200)).body.organisation).toBeNull();
      expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe('ar');
      // Without Accept-Language, errors follow the account's language.
      const bad = await agent.patch('/api/auth/me').set(browser).send({ locale: 'de' }).expect(400);
      expect(bad.body.message).toMatch(/[\u0600-\u06FF]/);
    });
  });

  describe('login throttling', () => {
    it('answers 429 on the 10th wrong password for an account from different addresses, holds those addresses back, and still lets the owner in from another one', async () => {
      const user = await createUser(t.prisma);
      const addresses = Array.from({ length: 10 }, () => uniqueIp());
      for (const address of addresses.slice(0, 9)) {
        const res = await t.http(address).post('/api/auth/login').set(browser).send({ email: user.email, password: 'wrong-password' });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('INVALID_CREDENTIALS');
      }
      const tenth = await t.http(addresses[9]).post('/api/auth/login').set(browser).set('Accept-Language', 'fr').send({ email: user.email, password: 'wrong-password' });
      expect(tenth.status).toBe(429);
      expect(tenth.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/Trop de tentatives/) });
      // The account's backoff starts at 30 seconds.
      expect(Number(tenth.headers['retry-after'])).toBeGreaterThan(20);
      expect(Number(tenth.headers['retry-after'])).toBeLessThanOrEqual(30);
      // An address that failed waits, even with the right password...
      const fromFailedAddress = await t.http(addresses[3]).post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD });
      expect(fromFailedAddress.status).toBe(429);
      // ...the owner, from an address without failures, signs in.
      await t.http().post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      expect(await t.prisma.auditEvent.count({ where: { action: 'auth.login_failed', entityId: user.id } })).toBe(10);
    });

    it('refuses the right password from the address that failed 10 times, and only from there', async () => {
      const user = await createUser(t.prisma);
      const attacker = uniqueIp();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        statuses.push((await t.http(attacker).post('/api/auth/login').set(browser).send({ email: user.email, password: 'wrong-password' })).status);
      }
      expect(statuses).toEqual([...Array(9).fill(401), 429, 429]);
      await t.http(attacker).post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(429);
      await t.http().post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    });

    it('does not wipe an address\'s failures when it signs in to an account of its own (no reset for a sprayer)', async () => {
      const own = await createUser(t.prisma);
      const sprayer = uniqueIp();
      for (let i = 0; i < 8; i += 1) {
        await t.http(sprayer).post('/api/auth/login').set(browser).send({ email: uniqueEmail('sprayed'), password: 'guess-password' }).expect(401);
      }
      await t.http(sprayer).post('/api/auth/login').set(browser).send({ email: own.email, password: TEST_PASSWORD }).expect(200);
      await t.http(sprayer).post('/api/auth/login').set(browser).send({ email: uniqueEmail('sprayed'), password: 'guess-password' }).expect(401);
      await t.http(sprayer).post('/api/auth/login').set(browser).send({ email: uniqueEmail('sprayed'), password: 'guess-password' }).expect(429);
    });

    it('answers 429 to an address that failed 10 times across many accounts', async () => {
      const ip = uniqueIp();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        const res = await t.http().post('/api/auth/login').set(browser).set('X-Forwarded-For', ip).send({ email: uniqueEmail('nobody'), password: 'whatever-password' });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
      expect(statuses.slice(9)).toEqual([429, 429]);
      const other = await createUser(t.prisma);
      await t.http().post('/api/auth/login').set(browser).set('X-Forwarded-For', uniqueIp()).send({ email: other.email, password: TEST_PASSWORD }).expect(200);
    });

    it('keeps counting in PostgreSQL, so a second API replica sees the same count', async () => {
      const user = await createUser(t.prisma);
      const replica = await createTestApp();
      try {
        for (let i = 0; i < 5; i += 1) {
          await t.http().post('/api/auth/login').set(browser).set('X-Forwarded-For', uniqueIp()).send({ email: user.email, password: 'nope-nope' }).expect(401);
          const res = await replica.http().post('/api/auth/login').set(browser).set('X-Forwarded-For', uniqueIp()).send({ email: user.email, password: 'nope-nope' });
          expect(res.status).toBe(i === 4 ? 429 : 401);
        }
      } finally {
        await replica.close();
      }
    });

    it('is not fooled by a forged X-Forwarded-For when no proxy is trusted', async () => {
      const direct = await createTestApp({ TRUST_PROXY: 'false' });
      try {
        // Clean slate for the loopback address this test connects from.
        await direct.prisma.throttleCounter.deleteMany({ where: { key: { in: ['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(ipKey) } } });
        const statuses: number[] = [];
        for (let i = 0; i < 10; i += 1) {
          const res = await direct.http().post('/api/auth/login').set(browser).set('X-Forwarded-For', uniqueIp()).send({ email: uniqueEmail('forged'), password: 'whatever-password' });
          statuses.push(res.status);
        }
        expect(statuses[9]).toBe(429);
      } finally {
        await direct.prisma.throttleCounter.deleteMany({ where: { key: { in: ['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(ipKey) } } });
        await direct.close();
      }
    });
  });

  describe('password reset', () => {
    it('emails a single-use link in the account language; the link sets the password and signs out everywhere', async () => {
      const user = await createUser(t.prisma, { locale: 'ar' });
      const old = t.agent();
      await old.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);

      await t.http().post('/api/auth/password-reset').set(browser).send({ email: user.email }).expect(200, { ok: true });
      const email = await t.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: user.email, template: 'password-reset' } });
      expect(email.locale).toBe('ar');
      expect(email.subject).toBe('إعادة تعيين كلمة المرور');
      expect(email.html).toContain('dir="rtl"');
      const token = await latestEmailLink(t.prisma, user.email, /reset-password\?token=([A-Za-z0-9_-]+)/);

      await t.http().post('/api/auth/password-reset/confirm').set(browser).send({ token, password: 'a-brand-new-password' }).expect(200);
      await old.get('/api/auth/me').expect(401);
      await t.http().post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(401);
      await t.http().post('/api/auth/login').set(browser).send({ email: user.email, password: 'a-brand-new-password' }).expect(200);

      const reuse = await t.http().post('/api/auth/password-reset/confirm').set(browser).set('Accept-Language', 'en').send({ token, password: 'yet-another-password' }).expect(400);
      expect(reuse.body).toMatchObject({ code: 'TOKEN_INVALID', message: expect.stringMatching(/already been used/) });
    });

    it('answers the same for an unknown address and sends nothing', async () => {
      const email = uniqueEmail('ghost');
      await t.http().post('/api/auth/password-reset').set(browser).send({ email }).expect(200, { ok: true });
      expect(await t.prisma.emailMessage.count({ where: { toAddress: email } })).toBe(0);
    });

    it('refuses an expired link', async () => {
      const user = await createUser(t.prisma);
      await t.http().post('/api/auth/password-reset').set(browser).send({ email: user.email }).expect(200);
      const token = await latestEmailLink(t.prisma, user.email, /token=([A-Za-z0-9_-]+)/);
      await t.prisma.passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const res = await t.http().post('/api/auth/password-reset/confirm').set(browser).send({ token, password: 'a-brand-new-password' }).expect(400);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it('makes an earlier link useless once a new one is asked for', async () => {
      const user = await createUser(t.prisma);
      await t.http().post('/api/auth/password-reset').set(browser).send({ email: user.email }).expect(200);
      const first = await latestEmailLink(t.prisma, user.email, /token=([A-Za-z0-9_-]+)/);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await t.http().post('/api/auth/password-reset').set(browser).send({ email: user.email }).expect(200);
      await t.http().post('/api/auth/password-reset/confirm').set(browser).send({ token: first, password: 'a-brand-new-password' }).expect(400);
    });

    it('throttles reset requests per account', async () => {
      const user = await createUser(t.prisma);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        statuses.push((await t.http().post('/api/auth/password-reset').set(browser).set('X-Forwarded-For', uniqueIp()).send({ email: user.email })).status);
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
      expect(statuses[10]).toBe(429);
    });

    it('throttles guessing of reset tokens per address', async () => {
      const ip = uniqueIp();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) {
        statuses.push((await t.http().post('/api/auth/password-reset/confirm').set(browser).set('X-Forwarded-For', ip).send({ token: `guess-${i}-abcdefghijkl`, password: 'a-brand-new-password' })).status);
      }
      expect(statuses.slice(0, 9)).toEqual(Array(9).fill(400));
      expect(statuses.slice(9)).toEqual([429, 429]);
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request from another origin with 403', async () => {
      const res = await t.http().post('/api/auth/login').set('Origin', 'https://evil.example').send({ email: 'a@b.example', password: 'whatever' }).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'CSRF_REJECTED' });
    });

    it('refuses a cross-site fetch identified only by Sec-Fetch-Site', async () => {
      await t.http().post('/api/auth/logout').set('Sec-Fetch-Site', 'cross-site').expect(403);
      await t.http().post('/api/auth/logout').set('Sec-Fetch-Site', 'same-site').expect(403);
      await t.http().post('/api/auth/logout').set('Sec-Fetch-Site', 'same-origin').expect(200);
    });

    it('refuses a signed-in user\'s change coming from another site', async () => {
      const user = await createUser(t.prisma);
      const agent = t.agent();
      await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
      await agent.patch('/api/auth/me').set('Origin', 'http://localhost:3000.evil.example').send({ displayName: 'Hacked' }).expect(403);
      expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).displayName).not.toBe('Hacked');
    });

    it('lets reads through from anywhere', async () => {
      await t.http().get('/api/health').set('Origin', 'https://evil.example').expect(200);
    });
  });
});
