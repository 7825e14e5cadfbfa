import { isRtl, type TLocale } from '@tahkim/contracts';
import type { BrowserContextOptions, Locator, Page, TestInfo } from '@playwright/test';
import arAudit from '../src/locales/ar/audit.json' with { type: 'json' };
import arResults from '../src/locales/ar/results.json' with { type: 'json' };
import arScreening from '../src/locales/ar/screening.json' with { type: 'json' };
import enAudit from '../src/locales/en/audit.json' with { type: 'json' };
import enResults from '../src/locales/en/results.json' with { type: 'json' };
import enScreening from '../src/locales/en/screening.json' with { type: 'json' };
import frAudit from '../src/locales/fr/audit.json' with { type: 'json' };
import frResults from '../src/locales/fr/results.json' with { type: 'json' };
import frScreening from '../src/locales/fr/screening.json' with { type: 'json' };
import { createApplicant, signIn } from './support/app';
import { applyTexts, demoCall, expectNoHorizontalScroll, PHONE_VIEWPORT, REFERENCE, screenshot, startDraft, templatePattern } from './support/apply';
import { decisionTexts } from './support/decisions';
import { apiPerson, createPublishedCall, roundsTexts, signInStaffApi } from './support/jury';
import { containing, format, startingWith, texts } from './support/locales';
import { apiSettled, DEMO, expect, test, type Credentials } from './support/test';

/**
 * The app on a 360 px phone, in Arabic, French and English: status badges read whole, the signed-in
 * header fits, a juror reaches the scorecard in one tap (and reads no keyboard tip on a touch screen),
 * and every staff table keeps its main action on screen without scrolling sideways, saying so when
 * more columns scroll.
 */

const LOCALES: TLocale[] = ['ar', 'fr', 'en'];
const BROWSER_LANGUAGE: Record<TLocale, string> = { ar: 'ar-MA', fr: 'fr-FR', en: 'en-GB' };
const pageTexts = {
  ar: { audit: arAudit, results: arResults, screening: arScreening },
  fr: { audit: frAudit, results: frResults, screening: frScreening },
  en: { audit: enAudit, results: enResults, screening: enScreening },
} as const;

type NewPerson = (options?: BrowserContextOptions) => Promise<Page>;

/** A touch phone whose browser speaks `locale`. */
function phone(newPerson: NewPerson, locale: TLocale): Promise<Page> {
  return newPerson({ viewport: PHONE_VIEWPORT, hasTouch: true, isMobile: true, locale: BROWSER_LANGUAGE[locale] });
}

/**
 * Signs a demo account in and shows the app in `locale` on this browser only. The demo accounts are
 * never changed, so the language is this browser's own choice, stored as the language switcher stores
 * it (app/locale-preference.ts: it wins over the account's language and is not saved to the account).
 */
async function signInDemo(page: Page, account: Credentials, locale: TLocale): Promise<void> {
  await page.context().addInitScript((chosen) => {
    // Not in the sandboxed email previews, where storage is out of reach.
    if (window === window.top) window.localStorage.setItem('tahkim.locale', chosen);
  }, locale);
  await signIn(page, locale, account);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** The header fits the phone: no sideways scrolling, and every control of the header whole on screen. */
async function expectHeaderFits(page: Page, locale: TLocale, where: string): Promise<void> {
  await expectNoHorizontalScroll(page, where);
  const width = page.viewportSize()!.width;
  const header = page.getByRole('banner');
  const account = header.getByRole('button', { name: templatePattern(texts[locale].common.account.menuLabel) });
  await expect(account).toBeVisible();
  for (const control of [account, ...(await header.getByRole('button').all()), ...(await header.getByRole('link').all())]) {
    if (!(await control.isVisible())) continue;
    const box = (await control.boundingBox())!;
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent());
    expect(box.x, `${where}: "${name}" starts off screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${where}: "${name}" ends off screen`).toBeLessThanOrEqual(width);
    const cut = await control.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
    expect(cut, `${where}: "${name}" is cut`).toBe(false);
  }
}

/**
 * The element is on screen across, without scrolling sideways: the page is scrolled down to it (never
 * sideways), and it lies within the phone's width and within the visible part of any box that scrolls.
 */
async function expectReachableWithoutSideScroll(page: Page, target: Locator, what: string): Promise<void> {
  await expect(target).toBeVisible();
  await target.evaluate((element) => window.scrollTo({ top: window.scrollY + element.getBoundingClientRect().top - 200 }));
  const placement = await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    let clip = { left: 0, right: window.innerWidth };
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (parent.scrollWidth > parent.clientWidth && getComputedStyle(parent).overflowX !== 'visible') {
        const rect = parent.getBoundingClientRect();
        clip = { left: Math.max(clip.left, rect.left), right: Math.min(clip.right, rect.right) };
      }
    }
    return { left: box.left, right: box.right, clip, sideScrolled: window.scrollX !== 0 };
  });
  expect(placement.sideScrolled, `${what}: the page was scrolled sideways`).toBe(false);
  expect(placement.left, `${what} starts off screen`).toBeGreaterThanOrEqual(placement.clip.left - 1);
  expect(placement.right, `${what} ends off screen`).toBeLessThanOrEqual(placement.clip.right + 1);
}

/**
 * Every table region of the page: one that scrolls sideways says so in words (described by the cue) and
 * shades the edge where columns hide, on the right in left-to-right pages and on the left in Arabic; one
 * that fits says nothing. Returns how many scroll.
 */
async function expectScrollCues(page: Page, locale: TLocale, where: string): Promise<number> {
  const cue = texts[locale].common.table.scrollCue;
  const tables = page.locator('.scroll-table');
  await expect(tables.first()).toBeVisible();
  let scrolling = 0;
  for (const table of await tables.all()) {
    const region = table.getByRole('region');
    const name = await region.getAttribute('aria-label');
    // The cue follows the layout: wait for the box to settle, then read whether it overflows.
    const overflows = await region.evaluate((box) => box.scrollWidth > box.clientWidth + 1);
    if (!overflows) {
      await expect(table.getByText(cue), `${where}: "${name}" fits but says it scrolls`).toHaveCount(0);
      continue;
    }
    scrolling += 1;
    const said = table.getByText(cue, { exact: true });
    await expect(said, `${where}: "${name}" scrolls without saying so`).toBeVisible();
    await expect(region).toHaveAttribute('aria-describedby', (await said.getAttribute('id'))!);
    await expect(region).toHaveAttribute('tabindex', '0');
    const shade = await table.evaluate((element, rtl) => {
      const frame = element.querySelector('.scroll-table-frame')!;
      const start = getComputedStyle(frame, '::before');
      const end = getComputedStyle(frame, '::after');
      return { startOpacity: start.opacity, endOpacity: end.opacity, endSide: rtl ? end.left : end.right };
    }, isRtl(locale));
    expect(shade, `${where}: "${name}" marks the edge where columns hide`).toEqual({ startOpacity: '0', endOpacity: '1', endSide: '0px' });
  }
  return scrolling;
}

async function shoot(page: Page, testInfo: TestInfo, locale: TLocale, name: string): Promise<void> {
  if (locale !== 'en') await screenshot(page, testInfo, `phones-${locale}-${name}`);
}

for (const locale of LOCALES) {
  test.describe(`on a 360 px phone in ${locale}`, () => {
    test('the applicant’s status badges read whole and the header fits', async ({ newPerson }, testInfo) => {
      const baseURL = String(testInfo.project.use.baseURL);
      const { applications } = applyTexts[locale];
      // An applicant of their own with two applications: a draft in the demo call (a long title beside
      // the badge) and one submitted to a call of its own.
      const api = await apiPerson(baseURL);
      const account = await createApplicant(api, locale, 'phone');
      const staffApi = await signInStaffApi(baseURL);
      const call = await createPublishedCall(staffApi);
      await startDraft(api, (await demoCall(api)).id, {});
      const submitted = await startDraft(api, call.id, { project_title: 'Atelier de réparation de vélos' });
      expect((await api.post(`/api/applications/${submitted.id}/submit`, { data: { version: submitted.version } })).status()).toBe(200);

      const page = await phone(newPerson, locale);
      await signIn(page, locale, account);
      await expect(page).toHaveURL(/\/portal$/);
      await expect(page.getByRole('heading', { level: 1, name: texts[locale].portal.heading })).toBeVisible();
      await expectHeaderFits(page, locale, `portal (${locale})`);

      const cards = page.getByRole('main').getByRole('article');
      await expect(cards).toHaveCount(2);
      for (const status of ['DRAFT', 'SUBMITTED'] as const) {
        const badge = cards.locator('.mantine-Badge-root').filter({ hasText: applications.status[status] });
        await expect(badge).toHaveCount(1);
        await expect(badge).toHaveText(applications.status[status]);
        const shown = await badge.evaluate((element) => {
          const label = element.querySelector('.mantine-Badge-label') ?? element;
          const cut = (node: Element) => node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).textOverflow === 'ellipsis';
          return { overflows: label.scrollWidth > label.clientWidth + 1 || element.scrollWidth > element.clientWidth + 1, ellipsis: cut(element) || cut(label) };
        });
        expect(shown, `the ${status} badge is cut`).toEqual({ overflows: false, ellipsis: false });
        const box = (await badge.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
      }
      await shoot(page, testInfo, locale, 'portal');
      await api.dispose();
      await staffApi.dispose();
    });

    test('a juror reaches the scorecard in one tap and reads no keyboard tip on a touch screen', async ({ newPerson }, testInfo) => {
      const j = texts[locale].jury;
      const page = await phone(newPerson, locale);
      await signInDemo(page, DEMO.juror, locale);
      await expect(page).toHaveURL(/\/jury$/);
      await expectHeaderFits(page, locale, `jury (${locale})`);

      // An application the demo juror is still scoring (the tip shows only while the scorecard can change).
      const list = (await (await page.request.get('/api/jury/assignments')).json()) as { items: { id: string; scorecardStatus: string }[] };
      const assignment = list.items.find((item) => item.scorecardStatus !== 'SUBMITTED');
      if (!assignment) throw new Error('The demo juror has no scorecard left to score');
      await page.goto(`/jury/assignments/${assignment.id}`);
      const firstCriterion = page.getByRole('radiogroup', { name: startingWith(format(j.scorecard.criterionLabel, { number: 1, label: '' })) });
      const parts = page.getByRole('radiogroup', { name: j.assignment.view.label });
      await expect(parts).toBeVisible();
      await expect(page.getByRole('radio', { name: j.assignment.view.dossier })).toBeChecked();
      await expect(page.getByRole('heading', { level: 2, name: j.reader.heading })).toBeVisible();
      await expect(firstCriterion).toBeHidden();
      await expectHeaderFits(page, locale, `assignment (${locale})`);
      await shoot(page, testInfo, locale, 'assignment-dossier');

      // Far down the dossier, the switch is still at the top of the screen: one tap shows the scorecard.
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight }));
      await expect(parts).toBeInViewport();
      await parts.getByText(j.assignment.view.scorecard, { exact: true }).tap();
      await expect(page.getByRole('radio', { name: j.assignment.view.scorecard })).toBeChecked();
      await expect(firstCriterion).toBeInViewport();
      await expect(page.getByRole('heading', { level: 2, name: j.reader.heading })).toBeHidden();
      await expect(page.getByText(j.scorecard.keyboardHint)).toBeHidden();
      await shoot(page, testInfo, locale, 'assignment-scorecard');

      // With a mouse and a keyboard on a wide screen: both columns, the tip, and no switch.
      const desk = await newPerson({ viewport: { width: 1280, height: 800 }, locale: BROWSER_LANGUAGE[locale] });
      await signInDemo(desk, DEMO.juror, locale);
      await desk.goto(`/jury/assignments/${assignment.id}`);
      await expect(desk.getByText(j.scorecard.keyboardHint)).toBeVisible();
      await expect(desk.getByRole('heading', { level: 2, name: j.reader.heading })).toBeVisible();
      await expect(desk.getByRole('radiogroup', { name: startingWith(format(j.scorecard.criterionLabel, { number: 1, label: '' })) })).toBeVisible();
      await expect(desk.getByRole('radiogroup', { name: j.assignment.view.label })).toBeHidden();
    });

    test('staff tables keep their main action on screen and say when more columns scroll', async ({ newPerson }, testInfo) => {
      test.setTimeout(120_000);
      const baseURL = String(testInfo.project.use.baseURL);
      const { admin } = texts[locale];
      const { decisions, callAdmin } = decisionTexts[locale];
      const { results, audit, screening } = pageTexts[locale];
      const rounds = roundsTexts[locale];
      const staffApi = await signInStaffApi(baseURL);
      const call = await demoCall(staffApi);
      const roundList = (await (await staffApi.get(`/api/calls/${call.id}/rounds`)).json()) as { items: { id: string; number: number }[] };
      const round = roundList.items.find((item) => item.number === 1)!;
      // Someone registers and asks for a password reset: the captured emails hold one to a known address.
      const visitor = await apiPerson(baseURL);
      const newcomer = await createApplicant(visitor, locale, 'phone-mail');
      const reset = await visitor.post('/api/auth/password-reset', { data: { email: newcomer.email } });
      expect(reset.status(), await reset.text()).toBeLessThan(300);
      await visitor.dispose();

      const page = await phone(newPerson, locale);
      await signInDemo(page, DEMO.staff, locale);
      await expect(page).toHaveURL(/\/admin/);
      await expectHeaderFits(page, locale, `back office (${locale})`);

      const visit = async (path: string, heading: string) => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await apiSettled(page);
      };
      const firstButton = (template: string) => page.getByRole('button', { name: templatePattern(template) }).first();

      // Calls: each call a card on a phone, with its links.
      await visit('/admin/calls', callAdmin.list.heading);
      await expectReachableWithoutSideScroll(page, page.getByRole('link', { name: call.title[locale] }).first(), 'the call');
      await expectReachableWithoutSideScroll(page, page.getByRole('link', { name: callAdmin.list.applications }).first(), 'the call’s applications');
      expect(await expectScrollCues(page, locale, 'calls')).toBe(0);
      await expectNoHorizontalScroll(page, 'calls');
      await shoot(page, testInfo, locale, 'calls');

      // Applications: the reference opens the application from the first column; the other columns scroll.
      await visit(`/admin/calls/${call.id}/applications`, screening.list.heading);
      await expectReachableWithoutSideScroll(page, page.getByRole('link', { name: REFERENCE }).first(), 'an application’s reference');
      expect(await expectScrollCues(page, locale, 'applications')).toBeGreaterThan(0);
      await expectNoHorizontalScroll(page, 'applications');
      await shoot(page, testInfo, locale, 'applications');

      // Ranking: the application's button opens its scorecards without scrolling sideways.
      await page.goto(`/admin/rounds/${round.id}/ranking`);
      await expect(page.getByRole('table', { name: results.table.caption })).toBeVisible();
      await apiSettled(page);
      await expectReachableWithoutSideScroll(page, firstButton(results.table.open), 'the ranking’s first application');
      expect(await expectScrollCues(page, locale, 'ranking')).toBeGreaterThan(0);
      await expectNoHorizontalScroll(page, 'ranking');
      await shoot(page, testInfo, locale, 'ranking');

      // Decisions: each application a card with its Decide button.
      await visit(`/admin/calls/${call.id}/decisions`, decisions.page.heading);
      await expectReachableWithoutSideScroll(page, firstButton(decisions.decide.buttonFor), 'the first Decide button');
      await expectReachableWithoutSideScroll(page, page.getByRole('checkbox', { name: decisions.table.selectVisible }), 'select all');
      expect(await expectScrollCues(page, locale, 'decisions')).toBe(0);
      await expectNoHorizontalScroll(page, 'decisions');
      await shoot(page, testInfo, locale, 'decisions');

      // Rounds: each round a card with its link.
      await visit(`/admin/calls/${call.id}/rounds`, rounds.list.heading);
      await expectReachableWithoutSideScroll(page, page.getByRole('link', { name: rounds.list.open }).first(), 'the round’s link');
      await expectNoHorizontalScroll(page, 'rounds');

      // The round's jurors and progress: the remove and reopen buttons are on screen.
      await page.getByRole('link', { name: rounds.list.open }).first().click();
      await page.getByRole('tab', { name: rounds.round.tabs.jurors }).click();
      await expectReachableWithoutSideScroll(page, page.getByRole('button', { name: rounds.jurors.remove }).first(), 'a juror’s Remove button');
      await expectScrollCues(page, locale, 'jurors');
      await page.getByRole('tab', { name: rounds.round.tabs.progress }).click();
      // (Playwright's role selector cannot take a pattern with a quote in it: "Reopen juror's scorecard".)
      const reopen = new RegExp(templatePattern(rounds.progress.reopenFor).source.replace(/['’]/gu, '.'), 'u');
      await expectReachableWithoutSideScroll(page, page.getByRole('button', { name: reopen }).first(), 'a Reopen button');
      await expectScrollCues(page, locale, 'progress');
      await expectNoHorizontalScroll(page, 'round');

      // Emails: the list opens an email from the phone's width.
      await visit(`/admin/emails?${new URLSearchParams({ to: newcomer.email })}`, admin.emails.heading);
      const email = page.getByRole('button', { name: containing(format(admin.emails.to, { to: `\u2066${newcomer.email}\u2069` })) }).first();
      // The email is written by a background job: look again until it is listed.
      await expect(async () => {
        await page.reload();
        await expect(email).toBeVisible({ timeout: 2_000 });
      }).toPass();
      await expectReachableWithoutSideScroll(page, email, 'an email');
      await expectNoHorizontalScroll(page, 'emails');

      // Audit: each entry a card, filtering on its record from the card.
      await visit('/admin/audit', audit.heading);
      await expectReachableWithoutSideScroll(page, page.getByRole('button', { name: audit.entity.history }).first(), 'filter on a record');
      expect(await expectScrollCues(page, locale, 'audit')).toBe(0);
      await expectNoHorizontalScroll(page, 'audit');
      await shoot(page, testInfo, locale, 'audit');
      await staffApi.dispose();
    });
  });
}
