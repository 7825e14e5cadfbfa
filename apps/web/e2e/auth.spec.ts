import { ERROR_MESSAGES, type TLocale } from '@tahkim/contracts';
import { createApplicant, expectLanguage, submitLogin, switchLanguage } from './support/app';
import { format, startingWith, texts } from './support/locales';
import { allowConsoleErrors, expect, strongPassword, test, uniqueEmail } from './support/test';

test('an applicant creates an account in French, signs out and signs in again', async ({ page }) => {
  const { auth, common, portal } = texts.fr;
  const person = { displayName: 'Khadija Alaoui', email: uniqueEmail('khadija'), password: strongPassword() };

  await page.goto('/');
  await expectLanguage(page, 'fr');
  await page.getByRole('banner').getByRole('link', { name: common.account.register, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: auth.register.heading })).toBeVisible();

  await page.getByLabel(startingWith(auth.fields.displayName)).fill(person.displayName);
  await page.getByLabel(startingWith(auth.fields.email)).fill(person.email);
  await page.getByLabel(startingWith(auth.fields.password)).fill(person.password);
  await expect(page.getByLabel(startingWith(auth.fields.locale))).toHaveValue('fr');
  await page.getByRole('button', { name: auth.register.submit }).click();

  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { level: 1, name: portal.heading })).toBeVisible();
  // The name is isolated (U+2068…U+2069) inside the sentence, so that an Arabic name reads whole in French.
  await expect(page.getByText(format(portal.welcome, { name: `\u2068${person.displayName}\u2069` }))).toBeVisible();
  const accountMenu = page.getByRole('button', { name: format(common.account.menuLabel, { name: person.displayName }) });
  await expect(accountMenu).toBeVisible();

  await accountMenu.click();
  await expect(page.getByText(format(common.account.signedInAs, { email: person.email }))).toBeVisible();
  await page.getByRole('menuitem', { name: common.account.logout }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(accountMenu).toBeHidden();

  // Signed out, the portal is closed again.
  await page.goto('/portal');
  await expect(page).toHaveURL(/\/login\?next=%2Fportal$/);

  await submitLogin(page, 'fr', person);
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { level: 1, name: portal.heading })).toBeVisible();
  await expect(accountMenu).toBeVisible();
});

const throttled: { locale: TLocale; pickedWithSwitcher: boolean }[] = [
  { locale: 'fr', pickedWithSwitcher: false },
  { locale: 'ar', pickedWithSwitcher: true },
];

for (const { locale, pickedWithSwitcher } of throttled) {
  test(`the 10th wrong password in a row is refused as too many attempts (${locale})`, async ({ page, request }) => {
    const { auth } = texts[locale];
    const account = await createApplicant(request, 'fr', `throttled-${locale}`);
    const wrong = { email: account.email, password: 'not-the-password' };
    // The browser logs each refused sign-in: the refusals are what this test is about.
    allowConsoleErrors(page, /status of (401|429) .* at \S+\/api\/auth\/login$/);

    await page.goto('/login');
    if (pickedWithSwitcher) await switchLanguage(page, locale);
    await expect(page.getByRole('heading', { level: 1, name: auth.login.heading })).toBeVisible();

    const formError = page.getByRole('alert');
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
      await submitLogin(page, locale, wrong);
      const response = await answered;
      if (attempt < 10) {
        expect(response.status(), `attempt ${attempt}`).toBe(401);
        await expect(formError).toHaveText(ERROR_MESSAGES.INVALID_CREDENTIALS[locale]);
      } else {
        expect(response.status(), `attempt ${attempt}`).toBe(429);
        expect(await response.json()).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS' });
        await expect(formError).toHaveText(ERROR_MESSAGES.TOO_MANY_ATTEMPTS[locale]);
      }
    }

    // Locked, even with the right password, and still in the visitor's language.
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
    await submitLogin(page, locale, account);
    expect((await answered).status()).toBe(429);
    await expect(formError).toHaveText(ERROR_MESSAGES.TOO_MANY_ATTEMPTS[locale]);
    await expect(page).toHaveURL(/\/login$/);
  });
}
