import { throttleAddress } from '../src/modules/auth/throttle.service';
import { createUser, latestEmailLink, TEST_PASSWORD } from './support/factories';
import { APP_ORIGIN, createTestApp, uniqueEmail, uniqueIp, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN };

function tally(statuses: number[]): Record<number, number> {
  return statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});
}

describe('throttling under concurrency', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const passwordChecks = (userId: string) => t.prisma.auditEvent.count({ where: { action: { in: ['auth.login_failed', 'auth.login'] }, entityId: userId } });

  it('checks at most 10 of 100 parallel wrong passwords for one account from one address, and the owner still signs in from another', async () => {
    const user = await createUser(t.prisma);
    const attacker = uniqueIp();
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => t.http(attacker).post('/api/auth/login').set(browser).send({ email: user.email, password: 'wrong-password' })),
    );
    // Each check leaves one audit row: exactly the 10 the window allows, whatever the interleaving.
    expect(await passwordChecks(user.id)).toBe(10);
    // Which of the checked attempts answer 401 or already 429 depends on the interleaving (the attempt
    // that records the 10th failure says 429); every attempt gets one or the other.
    const statuses = tally(responses.map((r) => r.status));
    expect(Object.keys(statuses).sort()).toEqual(['401', '429']);
    expect(statuses[401]).toBeLessThanOrEqual(9);
    expect(statuses[401]! + statuses[429]!).toBe(100);
    expect(responses.filter((r) => r.status === 429).every((r) => r.body.code === 'TOO_MANY_ATTEMPTS' && Number(r.headers['retry-after']) > 0)).toBe(true);

    await t.http(attacker).post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    const owner = t.agent();
    await owner.post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    await owner.get('/api/auth/me').expect(200);
  });

  it('shares the counters between two API replicas on one database', async () => {
    const replica = await createTestApp();
    try {
      const user = await createUser(t.prisma);
      const attacker = uniqueIp();
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? t : replica).http(attacker).post('/api/auth/login').set(browser).send({ email: user.email, password: 'wrong-password' })),
      );
      expect(await passwordChecks(user.id)).toBe(10);
      // Which of the checked attempts answer 401 or already 429 depends on the interleaving (the attempt
    // that records the 10th failure says 429); every attempt gets one or the other.
    const statuses = tally(responses.map((r) => r.status));
    expect(Object.keys(statuses).sort()).toEqual(['401', '429']);
    expect(statuses[401]).toBeLessThanOrEqual(9);
    expect(statuses[401]! + statuses[429]!).toBe(100);
      await replica.http().post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    } finally {
      await replica.close();
    }
  });

  it('slows parallel guesses from many addresses once the account has failed 10 times: each address that failed waits', async () => {
    const user = await createUser(t.prisma);
    const addresses = Array.from({ length: 5 }, () => uniqueIp());
    // 5 addresses, 8 parallel guesses each: 10 free failures, then every failed address is held back.
    const responses = await Promise.all(
      addresses.flatMap((address) => Array.from({ length: 8 }, () => t.http(address).post('/api/auth/login').set(browser).send({ email: user.email, password: 'wrong-password' }))),
    );
    const checks = await passwordChecks(user.id);
    // The 10 free failures, plus at most the first attempt of each address (exempt while it had no failure).
    expect(checks).toBeGreaterThanOrEqual(10);
    expect(checks).toBeLessThanOrEqual(10 + addresses.length);
    expect(responses.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(40 - checks);
    for (const address of addresses) {
      await t.http(address).post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    }
    await t.http().post('/api/auth/login').set(browser).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
  });

  it('counts wrong reset links atomically too: 100 parallel guesses from one address, 10 looked up', async () => {
    const guesser = uniqueIp();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.http(guesser).post('/api/auth/password-reset/confirm').set(browser).send({ token: `guess-${i}-abcdefghijklmnop`, password: 'a-brand-new-password' }),
      ),
    );
    expect(tally(responses.map((r) => r.status))).toEqual({ 400: 9, 429: 91 });
  });

  it('keeps token kinds apart: bogus invitation lookups do not block a password reset, nor sign-in, from the same address', async () => {
    const user = await createUser(t.prisma);
    const address = uniqueIp();
    const lookups: number[] = [];
    for (let i = 0; i < 12; i += 1) lookups.push((await t.http(address).get(`/api/invitations/bogus-invitation-token-${i}`)).status);
    expect(lookups).toEqual([...Array(9).fill(400), 429, 429, 429]);
    await t.http(address).post(`/api/invitations/another-bogus-token/accept`).set(browser).send({ displayName: 'X', password: 'a-long-password' }).expect(429);

    await t.http(address).post('/api/auth/password-reset').set(browser).send({ email: user.email }).expect(200);
    const token = await latestEmailLink(t.prisma, user.email, /reset-password\?token=([A-Za-z0-9_-]+)/);
    await t.http(address).post('/api/auth/password-reset/confirm').set(browser).send({ token, password: 'a-brand-new-password' }).expect(200);
    await t.http(address).post('/api/auth/login').set(browser).send({ email: user.email, password: 'a-brand-new-password' }).expect(200);
  });

  it('keeps token kinds apart the other way: wrong reset links do not block an invitation', async () => {
    const address = uniqueIp();
    for (let i = 0; i < 11; i += 1) {
      await t.http(address).post('/api/auth/password-reset/confirm').set(browser).send({ token: `guess-${i}-abcdefghijklmnop`, password: 'a-brand-new-password' });
    }
    await t.http(address).post('/api/auth/password-reset/confirm').set(browser).send({ token: 'guess-last-abcdefghijklmnop', password: 'a-brand-new-password' }).expect(429);

    const staff = await createUser(t.prisma, { roles: ['STAFF'] });
    const staffAgent = t.agent();
    await staffAgent.post('/api/auth/login').set(browser).send({ email: staff.email, password: TEST_PASSWORD }).expect(200);
    const invitee = uniqueEmail('invitee');
    await staffAgent.post('/api/invitations').set(browser).send({ email: invitee, role: 'JUROR' }).expect(201);
    const token = await latestEmailLink(t.prisma, invitee, /\/invitations\/([A-Za-z0-9_-]+)/);
    // A valid link is not a failure: opening it many times never trips the limit.
    for (let i = 0; i < 12; i += 1) await t.http(address).get(`/api/invitations/${token}`).expect(200);
    await t.http(address).post(`/api/invitations/${token}/accept`).set(browser).send({ displayName: 'Juror Invitee', password: 'a-long-password' }).expect(200);
  });

  it('throttles the password of an existing account confirmed on an invitation like a sign-in, with an audit row per check', async () => {
    const account = await createUser(t.prisma);
    const staff = await createUser(t.prisma, { roles: ['STAFF'] });
    // The invitation was sent before the address had an account.
    const invitee = account.email;
    await t.prisma.user.update({ where: { id: account.id }, data: { email: `pending-${invitee}` } });
    const staffAgent = t.agent();
    await staffAgent.post('/api/auth/login').set(browser).send({ email: staff.email, password: TEST_PASSWORD }).expect(200);
    await staffAgent.post('/api/invitations').set(browser).send({ email: invitee, role: 'JUROR' }).expect(201);
    await t.prisma.user.update({ where: { id: account.id }, data: { email: invitee } });
    const token = await latestEmailLink(t.prisma, invitee, /\/invitations\/([A-Za-z0-9_-]+)/);

    const attacker = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await t.http(attacker).post(`/api/invitations/${token}/accept`).set(browser).send({ password: 'wrong-password' })).status);
    }
    expect(statuses).toEqual([...Array(9).fill(401), 429, 429, 429]);
    expect(await t.prisma.auditEvent.count({ where: { action: 'auth.login_failed', entityId: account.id } })).toBe(10);
    await t.http().post(`/api/invitations/${token}/accept`).set(browser).send({ password: TEST_PASSWORD }).expect(200);
  });
});

describe('throttle addresses', () => {
  it('counts IPv4 as is, IPv4-mapped as IPv4, and IPv6 by its /64', () => {
    expect(throttleAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:DB8:0001:0002::ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
    expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
