import { isLocale, isRtl, type TLocale } from '@tahkim/contracts';
import type { APIRequestContext, Page } from '@playwright/test';
import { containing, format, startingWith, texts } from './locales';
import { DEMO, expect, strongPassword, uniqueEmail, type Credentials } from './test';

/** The interface language the page shows now, read from `<html lang>`. */
export async function pageLocale(page: Page): Promise<TLocale> {
  const lang = await page.locator('html').getAttribute('lang');
  if (!isLocale(lang)) throw new Error(`<html lang="${lang}"> is not a language of the app`);
  return lang;
}

/** Picks a language with the switcher in the header, as a visitor would. */
export async function switchLanguage(page: Page, to: TLocale): Promise<void> {
  const from = await pageLocale(page);
  const { language } = texts[from].common;
  await page
    .getByRole('banner')
    .getByRole('button', { name: format(language.switcherLabel, { language: language.nativeName }) })
    .click();
  await page.getByRole('menuitem', { name: texts[to].common.language.nativeName }).click();
  await expectLanguage(page, to);
}

export async function expectLanguage(page: Page, locale: TLocale): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', isRtl(locale) ? 'rtl' : 'ltr');
}

/** Fills and sends the sign-in form of the page it is on. */
export async function submitLogin(page: Page, locale: TLocale, { email, password }: Credentials): Promise<void> {
  const { auth } = texts[locale];
  await page.getByLabel(startingWith(auth.fields.email)).fill(email);
  await page.getByLabel(startingWith(auth.fields.password)).fill(password);
  await page.getByRole('button', { name: auth.login.submit, exact: true }).click();
}

/** Opens the sign-in page and signs in; the caller checks where the person lands. */
export async function signIn(page: Page, locale: TLocale, credentials: Credentials): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: texts[locale].auth.login.heading })).toBeVisible();
  await submitLogin(page, locale, credentials);
}

export interface Account extends Credentials {
  displayName: string;
}

/**
 * Creates an applicant account through the API, for tests whose subject is not registration.
 * `api` must not be the page's own request context, or the browser would be signed in too.
 */
export async function createApplicant(api: APIRequestContext, locale: TLocale = 'fr', who = 'applicant'): Promise<Account> {
  const account = { displayName: `Applicant ${who}`, email: uniqueEmail(who), password: strongPassword() };
  const response = await api.post('/api/auth/register', { data: { ...account, locale } });
  expect(response.status(), await response.text()).toBe(201);
  return account;
}

/**
 * An administrator opens the captured emails (/admin/emails) and returns the address of the link matching
 * `link` in the latest one sent to `to`. One-time links (password resets, invitations) are shown to
 * admins only, and only while emails are captured as in these tests: the demo staff account is an admin.
 */
export async function readLinkInEmail(staffPage: Page, locale: TLocale, to: string, link: RegExp): Promise<string> {
  const { admin } = texts[locale];
  await staffPage.goto('/admin');
  await staffPage
    .getByRole('navigation', { name: admin.nav.label })
    .getByRole('link', { name: admin.nav.emails })
    .click();
  await expect(staffPage.getByRole('heading', { level: 1, name: admin.emails.heading })).toBeVisible();
  const filters = staffPage.getByRole('search', { name: admin.emails.filters.label });
  await filters.getByLabel(startingWith(admin.emails.filters.to)).fill(to);
  await filters.getByRole('button', { name: admin.emails.filters.apply }).click();
  await expect(staffPage).toHaveURL(containing(`to=${encodeURIComponent(to)}`));
  // Newest first: the first email to this address is the latest.
  await staffPage
    .getByRole('button', { name: containing(format(admin.emails.to, { to: `\u2066${to}\u2069` })) })
    .first()
    .click();
  const anchor = staffPage.getByRole('link', { name: link }).first();
  await expect(anchor).toBeVisible();
  const href = await anchor.getAttribute('href');
  if (!href) throw new Error(`The email to ${to} has no link matching ${link}`);
  return href;
}

/**
 * A new member of the foundation's team, set up through the API: the demo staff invites them and
 * they accept. For tests that need a staff account of their own (e.g. to change its language).
 */
export async function createTeamMember(api: APIRequestContext): Promise<Account> {
  const signedIn = await api.post('/api/auth/login', { data: DEMO.staff });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  // The demo staff account is an admin: it may read the invitation link of a captured email.
  const account = { displayName: 'Nadia Team', email: uniqueEmail('team'), password: strongPassword() };
  const invited = await api.post('/api/invitations', { data: { email: account.email, role: 'STAFF', locale: 'fr' } });
  expect(invited.status(), await invited.text()).toBe(201);
  const emails = await api.get('/api/admin/emails', { params: { to: account.email } });
  const { items } = (await emails.json()) as { items: { text: string }[] };
  const token = /\/invitations\/([\w-]+)/.exec(items[0]?.text ?? '')?.[1];
  if (!token) throw new Error(`No invitation link was emailed to ${account.email}`);
  const accepted = await api.post(`/api/invitations/${token}/accept`, {
    data: { displayName: account.displayName, password: account.password, locale: 'fr' },
  });
  expect(accepted.status(), await accepted.text()).toBe(200);
  return account;
}
