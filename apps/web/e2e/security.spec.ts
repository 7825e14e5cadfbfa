import { ERROR_MESSAGES } from '@tahkim/contracts';
import { signIn } from './support/app';
import { texts } from './support/locales';
import { DEMO, expect, test } from './support/test';

const requestId = expect.stringMatching(/\S{8,}/);

test('the session cookie is out of reach of scripts and stays on this site', async ({ page, context }) => {
  await signIn(page, 'fr', DEMO.applicant);
  await expect(page.getByRole('heading', { level: 1, name: texts.fr.portal.heading })).toBeVisible();

  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === 'tahkim_session');
  expect(session, `cookies: ${cookies.map((cookie) => cookie.name).join(', ')}`).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  // Plain http in the tests: the cookie is only marked Secure when APP_URL is https.
  expect(session?.secure).toBe(false);
  expect(await page.evaluate(() => document.cookie)).not.toContain('tahkim_session');
});

test('a state-changing request from another site is refused', async ({ request }) => {
  const fromElsewhere = await request.post('/api/auth/login', {
    headers: { Origin: 'https://evil.example' },
    data: DEMO.applicant,
  });
  expect(fromElsewhere.status()).toBe(403);
  expect(await fromElsewhere.json()).toEqual({
    statusCode: 403,
    code: 'CSRF_REJECTED',
    message: ERROR_MESSAGES.CSRF_REJECTED.fr,
    requestId,
  });
  expect(fromElsewhere.headers()['set-cookie']).toBeUndefined();

  // The same request from the app's own pages goes through.
  const fromTheApp = await request.post('/api/auth/login', {
    headers: { Origin: new URL(test.info().project.use.baseURL!).origin },
    data: DEMO.applicant,
  });
  expect(fromTheApp.status()).toBe(200);

  // Signed in or not, another site cannot act with the session either.
  const logout = await request.post('/api/auth/logout', { headers: { Origin: 'https://evil.example', 'Accept-Language': 'ar' } });
  expect(logout.status()).toBe(403);
  expect(await logout.json()).toMatchObject({ code: 'CSRF_REJECTED', message: ERROR_MESSAGES.CSRF_REJECTED.ar });
  expect((await request.get('/api/auth/me')).status()).toBe(200);
});

test('an unknown API route answers 404 in the error format, in the caller’s language', async ({ request }) => {
  const french = await request.get('/api/no-such-route');
  expect(french.status()).toBe(404);
  expect(french.headers()['content-type']).toContain('application/json');
  expect(await french.json()).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND.fr, requestId });

  const arabic = await request.post('/api/no-such-route', { headers: { 'Accept-Language': 'ar-MA,ar;q=0.9' }, data: {} });
  expect(arabic.status()).toBe(404);
  expect(await arabic.json()).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND.ar, requestId });
});

test('the health check reports the database up', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
});
