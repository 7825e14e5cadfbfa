import { ERROR_MESSAGES } from '@tahkim/contracts';
import { createApplicant, createTeamMember, readLinkInEmail, signIn, submitLogin, switchLanguage } from './support/app';
import { containing, format, startingWith, texts } from './support/locales';
import { allowConsoleErrors, DEMO, expect, strongPassword, test } from './support/test';

test('a forgotten password is reset with the emailed link, which then no longer works', async ({ page, request, newPerson }) => {
  // Three people in three windows: the applicant, an administrator and a team member.
  test.slow();
  const { auth, portal } = texts.fr;
  const account = await createApplicant(request, 'fr', 'forgetful');
  // The used link is tried again on purpose: the API refuses it (400 TOKEN_INVALID).
  allowConsoleErrors(page, /status of 400 \(Bad Request\) at \S+\/api\/auth\/password-reset\/confirm$/u);

  await page.goto('/login');
  await page.getByRole('link', { name: auth.login.forgot }).click();
  await expect(page.getByRole('heading', { level: 1, name: auth.forgot.heading })).toBeVisible();
  await page.getByLabel(startingWith(auth.fields.email)).fill(account.email);
  await page.getByRole('button', { name: auth.forgot.submit }).click();
  const sent = page.getByRole('status');
  await expect(sent).toContainText(auth.forgot.sentTitle);
  await expect(sent).toContainText(format(auth.forgot.sentBody, { email: account.email }));

  // No mail server in the tests: an administrator (the demo staff account) reads the captured email in the back office.
  const staff = await newPerson();
  await signIn(staff, 'fr', DEMO.staff);
  await expect(staff).toHaveURL(/\/admin$/);
  const link = await readLinkInEmail(staff, 'fr', account.email, /\/reset-password\?token=/);

  // A team member who is not an admin reads the same email with its link hidden.
  const member = await newPerson();
  await createTeamMember(member.request);
  await member.goto(`/admin/emails?${new URLSearchParams({ to: account.email })}`);
  const { admin } = texts.fr;
  await member.getByRole('button', { name: containing(format(admin.emails.to, { to: `\u2066${account.email}\u2069` })) }).first().click();
  await expect(member.getByText(admin.emails.linkHidden, { exact: true })).toBeVisible();
  await expect(member.getByRole('link', { name: /\/reset-password/ })).toHaveCount(0);

  const newPassword = strongPassword();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: auth.reset.heading })).toBeVisible();
  await page.getByLabel(startingWith(auth.fields.newPassword)).fill(newPassword);
  await page.getByRole('button', { name: auth.reset.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: auth.reset.successTitle })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(auth.reset.successBody);

  await page.getByRole('main').getByRole('link', { name: auth.reset.goToLogin }).click();
  await expect(page).toHaveURL(/\/login$/);
  await submitLogin(page, 'fr', { email: account.email, password: newPassword });
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { level: 1, name: portal.heading })).toBeVisible();

  const oldPassword = await request.post('/api/auth/login', { data: { email: account.email, password: account.password } });
  expect(oldPassword.status()).toBe(401);

  // The same link a second time, now in Arabic: refused, with a way to ask for a new one.
  await switchLanguage(page, 'ar');
  const ar = texts.ar.auth;
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: ar.reset.heading })).toBeVisible();
  await page.getByLabel(startingWith(ar.fields.newPassword)).fill(strongPassword());
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/password-reset/confirm'));
  await page.getByRole('button', { name: ar.reset.submit }).click();
  expect((await answered).status()).toBe(400);
  const refused = page.getByRole('alert');
  await expect(refused).toContainText(ERROR_MESSAGES.TOKEN_INVALID.ar);
  await expect(refused.getByRole('link', { name: ar.reset.requestNew })).toHaveAttribute('href', '/forgot-password');

  // The password set with the link still works.
  const stillValid = await request.post('/api/auth/login', { data: { email: account.email, password: newPassword } });
  expect(stillValid.status()).toBe(200);
});
