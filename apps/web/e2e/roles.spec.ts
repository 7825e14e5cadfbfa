import { createApplicant, expectLanguage, readLinkInEmail, signIn, submitLogin } from './support/app';
import { containing, format, startingWith, texts } from './support/locales';
import { DEMO, expect, strongPassword, test, uniqueEmail } from './support/test';

test('an anonymous visitor sent to sign in on the way to the back office comes back to it as staff', async ({ page }) => {
  const { admin, auth } = texts.fr;
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
  await expect(page.getByRole('heading', { level: 1, name: auth.login.heading })).toBeVisible();

  await submitLogin(page, 'fr', DEMO.staff);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: admin.dashboard.heading })).toBeVisible();
  await expect(page.getByText(admin.dashboard.health.databaseUp)).toBeVisible();
});

test('an applicant opening the back office gets the no-access page, in French', async ({ page }) => {
  const { common } = texts.fr;
  await signIn(page, 'fr', DEMO.applicant);
  await expect(page).toHaveURL(/\/portal$/);

  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: common.noAccess.heading })).toBeVisible();
  await expect(page.getByText(common.noAccess.body)).toBeVisible();
  await expect(page).toHaveTitle(format(common.documentTitle, { page: common.noAccess.title }));
  await page.getByRole('link', { name: common.actions.goToMySpace }).click();
  await expect(page).toHaveURL(/\/portal$/);
});

test('an applicant whose account is in Arabic gets the no-access page in Arabic', async ({ page, request }) => {
  const { common, portal } = texts.ar;
  const applicant = await createApplicant(request, 'ar', 'arabic-applicant');
  // The sign-in page is in French (the browser's language); once signed in, the account's language wins.
  await signIn(page, 'fr', applicant);
  await expect(page.getByRole('heading', { level: 1, name: portal.heading })).toBeVisible();
  await expectLanguage(page, 'ar');

  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: common.noAccess.heading })).toBeVisible();
  await expect(page.getByText(common.noAccess.body)).toBeVisible();
  await expect(page.getByRole('link', { name: common.actions.goToMySpace })).toHaveAttribute('href', '/portal');
});

test('staff invite a juror, who accepts in Arabic and lands in the juror workspace', async ({ page, newPerson }) => {
  const { admin } = texts.fr;
  const jurorEmail = uniqueEmail('juror');

  // The foundation's staff member, in French.
  await signIn(page, 'fr', DEMO.staff);
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole('navigation', { name: admin.nav.label }).getByRole('link', { name: admin.nav.invitations }).click();
  await expect(page.getByRole('heading', { level: 1, name: admin.invitations.heading })).toBeVisible();
  const form = page.getByRole('region', { name: admin.invitations.form.heading });
  await form.getByLabel(startingWith(admin.invitations.form.email)).fill(jurorEmail);
  await form.getByLabel(startingWith(admin.invitations.form.role)).selectOption({ label: admin.invitations.roles.JUROR });
  await form.getByLabel(startingWith(admin.invitations.form.locale)).selectOption({ label: texts.ar.common.language.nativeName });
  await form.getByRole('button', { name: admin.invitations.form.submit }).click();
  await expect(form.getByRole('status')).toHaveText(format(admin.invitations.form.sent, { email: jurorEmail }));
  const row = page.getByRole('row', { name: containing(jurorEmail) });
  await expect(row.getByRole('cell', { name: admin.invitations.roles.JUROR })).toBeVisible();
  await expect(row.getByRole('cell', { name: admin.invitations.list.statuses.pending })).toBeVisible();

  const link = await readLinkInEmail(page, 'fr', jurorEmail, /\/invitations\//);

  // The juror opens the link on their own device, whose browser speaks Arabic.
  const juror = await newPerson({ locale: 'ar-MA' });
  const { auth, jury } = texts.ar;
  await juror.goto(link);
  await expectLanguage(juror, 'ar');
  await expect(juror.getByRole('heading', { level: 1, name: auth.invitation.heading })).toBeVisible();
  await expect(juror.getByText(containing(auth.invitation.roleAs.JUROR))).toBeVisible();
  await expect(juror.getByText(jurorEmail, { exact: true })).toBeVisible();
  await expect(juror.getByText(auth.invitation.newAccountIntro)).toBeVisible();

  const name = 'يوسف العمراني';
  await juror.getByLabel(startingWith(auth.fields.displayName)).fill(name);
  await juror.getByLabel(startingWith(auth.fields.password)).fill(strongPassword());
  await juror.getByRole('button', { name: auth.invitation.submit }).click();

  await expect(juror).toHaveURL(/\/jury$/);
  await expect(juror.getByRole('heading', { level: 1, name: jury.heading })).toBeVisible();
  await expect(juror.getByText(format(jury.welcome, { name }))).toBeVisible();
  await expect(juror.getByText(jury.emptyTitle)).toBeVisible();
  await expectLanguage(juror, 'ar');

  // Back in the back office, the invitation shows as accepted.
  await page.goto('/admin/invitations');
  await expect(
    page.getByRole('row', { name: containing(jurorEmail) }).getByRole('cell', { name: admin.invitations.list.statuses.accepted }),
  ).toBeVisible();
});
