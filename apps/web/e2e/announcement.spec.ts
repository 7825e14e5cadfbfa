import type { TLocale, TPublicProfile } from '@tahkim/contracts';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import arApplications from '../src/locales/ar/applications.json' with { type: 'json' };
import arCalls from '../src/locales/ar/calls.json' with { type: 'json' };
import enCalls from '../src/locales/en/calls.json' with { type: 'json' };
import frCalls from '../src/locales/fr/calls.json' with { type: 'json' };
import frDecisions from '../src/locales/fr/decisions.json' with { type: 'json' };
import { expectLanguage, signIn } from './support/app';
import { apiPerson, signInStaffApi } from './support/jury';
import { texts } from './support/locales';
import { allowConsoleErrors, DEMO, expect, test } from './support/test';

/**
 * After the decision (issue 16, acceptance 1): staff publish the call's results page, a visitor reads the
 * winners in Arabic, French and English, and a winner who withdraws consent leaves the page at once.
 * Last year's demo edition is decided with three winners: two agreed to their presentation, one has not
 * answered. Its tests run one after the other and each starts from that state.
 */

const EDITION = 'innovation-sociale-2025';
const RESULTS = `/calls/${EDITION}/results`;
const WINNER = { email: 'matbakh.nour@tahkim.example', password: DEMO.applicant.password };
const CALLS_TEXTS: Record<TLocale, typeof frCalls> = { fr: frCalls, ar: arCalls, en: enCalls };
const SHOWN: Record<TLocale, string[]> = {
  fr: ['Matbakh Ennour, cuisine solidaire', 'Tissage Atlas'],
  ar: ['مطبخ النور التضامني', 'نسيج الأطلس'],
  en: ['Matbakh Ennour, solidarity kitchen', 'Tissage Atlas'],
};

test.describe.configure({ mode: 'serial' });

async function editionId(api: APIRequestContext): Promise<string> {
  const answer = await api.get(`/api/calls/${EDITION}`);
  expect(answer.status(), await answer.text()).toBe(200);
  return ((await answer.json()) as { id: string }).id;
}

/** The winner's presentation agreed to and the page published, whatever an earlier attempt left. */
async function startingState(baseURL: string): Promise<void> {
  const staff = await signInStaffApi(baseURL);
  const published = await staff.post(`/api/calls/${await editionId(staff)}/results/publish`);
  expect(published.status(), await published.text()).toBe(200);
  const winner = await apiPerson(baseURL);
  expect((await winner.post('/api/auth/login', { data: WINNER })).status()).toBe(200);
  const mine = (await (await winner.get('/api/applications/mine')).json()) as { items: Array<{ id: string; call: { slug: string } }> };
  const application = mine.items.find((item) => item.call.slug === EDITION)!;
  const { profile } = (await (await winner.get(`/api/applications/${application.id}/public-profile`)).json()) as { profile: TPublicProfile };
  if (profile.consent !== 'GIVEN') expect((await winner.post(`/api/applications/${application.id}/public-profile/consent`, { data: { version: profile.version } })).status()).toBe(200);
  await Promise.all([staff.dispose(), winner.dispose()]);
}

/** The language the browser remembers (the app's choice in storage), before any page loads. */
async function chooseLanguage(page: Page, locale: TLocale): Promise<void> {
  await page.addInitScript((choice) => {
    if (window === window.top) window.localStorage.setItem('tahkim.locale', choice);
  }, locale);
}

/** A visitor in `locale` (no account) on a page of their own. */
async function visitor(browser: Browser, baseURL: string, locale: TLocale): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: { fr: 'fr-FR', ar: 'ar-MA', en: 'en-US' }[locale], timezoneId: 'Africa/Casablanca' });
  await context.addCookies([{ name: 'tahkim.locale', value: locale, url: baseURL }]);
  const page = await context.newPage();
  await chooseLanguage(page, locale);
  return page;
}

async function expectWinners(page: Page, locale: TLocale, titles: string[]): Promise<void> {
  await page.goto(RESULTS);
  await expectLanguage(page, locale);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const list = page.getByRole('list', { name: CALLS_TEXTS[locale].results.listLabel });
  await expect(list.getByRole('heading', { level: 2 })).toHaveText(titles);
}

test('staff take the results page down and publish it; visitors read the winners in French, Arabic and English', async ({ page, browser, baseURL }) => {
  await startingState(baseURL!);
  const publication = frDecisions.announcement.publication;
  await signIn(page, 'fr', DEMO.staff);
  await expect(page).not.toHaveURL(/\/login/u);
  await page.goto(`/admin/calls/${await editionId(page.request)}/announcement`);
  await expect(page.getByRole('heading', { level: 1, name: frDecisions.announcement.page.heading })).toBeVisible();
  // Two of the three winners agreed: they are the ones the page shows.
  await expect(page.getByText(publication.shownValue.replace('{{shown}}', '2').replace('{{total}}', '3'))).toBeVisible();

  await page.getByRole('button', { name: publication.unpublish }).click();
  const confirm = page.getByRole('dialog', { name: publication.confirmTitle });
  await confirm.getByRole('button', { name: publication.confirm }).click();
  await expect(page.getByText(publication.unpublishedNotice)).toBeVisible();

  const french = await visitor(browser, baseURL!, 'fr');
  allowConsoleErrors(french, /status of 404.*\/api\/calls\/innovation-sociale-2025\/results/u);
  await french.goto(RESULTS);
  await expect(french.getByRole('heading', { level: 1, name: texts.fr.common.notFound.heading })).toBeVisible();

  await page.getByRole('button', { name: publication.publish }).click();
  await expect(page.getByText(publication.publishedNotice_other.replace('{{count}}', '2'))).toBeVisible();

  await expectWinners(french, 'fr', SHOWN.fr);
  // The winner who has not answered is not there.
  await expect(french.getByText('Recyclerie des jeunes de Salé')).toHaveCount(0);
  for (const locale of ['ar', 'en'] as const) {
    const other = await visitor(browser, baseURL!, locale);
    await expectWinners(other, locale, SHOWN[locale]);
    await other.context().close();
  }
  // The link a visitor shares carries the page's title in its preview.
  const html = await (await page.request.get(RESULTS, { headers: { accept: 'text/html', cookie: 'tahkim.locale=fr' } })).text();
  expect(html).toContain(`<meta property="og:title" content="Lauréats — Appel à projets d&#39;innovation sociale 2025" />`);
  await french.context().close();
});

test('a winner withdraws consent from the portal, in Arabic: the page no longer lists them until they agree again', async ({ page, browser, baseURL }) => {
  await startingState(baseURL!);
  const card = arApplications.publicProfile;
  await chooseLanguage(page, 'ar');
  await signIn(page, 'ar', WINNER);
  await expect(page).not.toHaveURL(/\/login/u);
  const mine = (await (await page.request.get('/api/applications/mine')).json()) as { items: Array<{ id: string; call: { slug: string } }> };
  await page.goto(`/portal/applications/${mine.items.find((item) => item.call.slug === EDITION)!.id}`);
  await expectLanguage(page, 'ar');
  const presentation = page.getByTestId('public-profile');
  await expect(presentation.getByTestId('public-profile-consent')).toHaveAttribute('data-consent', 'GIVEN');
  await expect(presentation.getByTestId('public-profile-preview')).toContainText('مطبخ النور التضامني');

  await presentation.getByTestId('public-profile-withdraw').click();
  await page.getByTestId('public-profile-withdraw-confirm').click();
  await expect(presentation.getByTestId('public-profile-consent')).toHaveAttribute('data-consent', 'WITHDRAWN');

  const arabic = await visitor(browser, baseURL!, 'ar');
  await expectWinners(arabic, 'ar', ['نسيج الأطلس']);
  await expect(arabic.getByText('مطبخ النور التضامني')).toHaveCount(0);

  // Agreeing again puts the project back.
  await presentation.getByTestId('public-profile-agree').click();
  await expect(presentation.getByTestId('public-profile-consent')).toHaveAttribute('data-consent', 'GIVEN');
  await expect(presentation.getByText(card.title)).toBeVisible();
  await expectWinners(arabic, 'ar', SHOWN.ar);
  await arabic.context().close();
});
