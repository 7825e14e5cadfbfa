import type { TRoundAssignments } from '@tahkim/contracts';
import type { Locator, Page } from '@playwright/test';
import arApplications from '../src/locales/ar/applications.json' with { type: 'json' };
import arResults from '../src/locales/ar/results.json' with { type: 'json' };
import frApplications from '../src/locales/fr/applications.json' with { type: 'json' };
import frResults from '../src/locales/fr/results.json' with { type: 'json' };
import { createApplicant, expectLanguage, signIn, switchLanguage } from './support/app';
import { applyTexts, emailsTo, labelled } from './support/apply';
import { apiCall, inviteJurors, roundOne, type Person } from './support/decisions';
import { apiPerson, createPublishedCall, JURY_FORM, signInStaffApi } from './support/jury';
import { startingWith, texts } from './support/locales';
import { DEMO, expect, test } from './support/test';

interface ShownAnswer {
  text: string;
  dir: string | null;
  ltr: boolean;
}

const ARABIC_LETTER = /[\u0600-\u06FF]/u;
const LATIN_LETTER = /[A-Za-zÀ-ÿ]/u;

/** The first letter of a strong direction decides how an answer with dir="auto" is laid out. */
function firstStrong(text: string): 'ltr' | 'rtl' | null {
  for (const character of text) {
    if (ARABIC_LETTER.test(character)) return 'rtl';
    if (LATIN_LETTER.test(character)) return 'ltr';
  }
  return null;
}

async function shownAnswers(page: Page): Promise<ShownAnswer[]> {
  const answers = page.locator('.answers-list dd > p');
  await expect(answers.first()).toBeVisible();
  return answers.evaluateAll((elements) =>
    elements.map((element) => ({ text: element.textContent ?? '', dir: element.getAttribute('dir'), ltr: element.matches(':dir(ltr)') })),
  );
}

/** Every answer has a direction of its own and is laid out in the direction of its own first letter. */
function expectOwnDirections(answers: ShownAnswer[], noAnswer: string) {
  for (const answer of answers.filter((shown) => shown.text !== noAnswer)) {
    expect(['auto', 'ltr'], answer.text).toContain(answer.dir);
    const strong = firstStrong(answer.text);
    if (strong) expect(answer.ltr ? 'ltr' : 'rtl', answer.text).toBe(strong);
  }
}

/**
 * Mixed scripts on one page, on the demo data: the demo juror reads in Arabic applications written in
 * French or in Arabic. Every answer of the dossier carries its own direction (dir="auto", or dir="ltr"
 * for emails, phones and web addresses), so a French answer is laid out left to right on the
 * right-to-left page, and an Arabic one right to left once the juror switches to French. The
 * scorecard's text areas carry dir="auto" on the field itself.
 */
test('the juror dossier lays out each answer in its own direction, in Arabic and in French', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page, 'fr', DEMO.juror);
  // The demo juror's account is in Arabic: the interface follows it after sign-in.
  await expectLanguage(page, 'ar');

  await page.goto('/jury');
  await expect(page.locator('a[href^="/jury/assignments/"]').first()).toBeVisible();
  const links = [...new Set(await page.locator('a[href^="/jury/assignments/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? '')))];

  // A dossier written (at least partly) in French, read on the Arabic page.
  let mixed: string | null = null;
  for (const link of links) {
    await page.goto(link);
    const answers = await shownAnswers(page);
    expectOwnDirections(answers, arApplications.review.noAnswer);
    if (answers.some((answer) => firstStrong(answer.text) === 'ltr' && !ARABIC_LETTER.test(answer.text))) {
      mixed = link;
      break;
    }
  }
  expect(mixed, 'a demo dossier with French answers').not.toBeNull();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  const textareas = page.locator('textarea:not([aria-hidden="true"])');
  await expect(textareas.first()).toBeAttached();
  for (const dir of await textareas.evaluateAll((elements) => elements.map((element) => element.getAttribute('dir')))) expect(dir).toBe('auto');

  await testInfo.attach('juror dossier: French answers on the Arabic page', {
    body: await page.locator('.answers-list').first().screenshot(),
    contentType: 'image/png',
  });

  // The same juror in French: the Arabic answers keep right to left.
  await switchLanguage(page, 'fr');
  const arabicDossier = links.find((link) => link !== mixed) ?? links[0]!;
  await page.goto(arabicDossier);
  const answers = await shownAnswers(page);
  expectOwnDirections(answers, frApplications.review.noAnswer);
  await testInfo.attach('juror dossier: answers on the French page', {
    body: await page.locator('.answers-list').first().screenshot(),
    contentType: 'image/png',
  });
});

/** The French and Arabic texts typed on a page of the other script. */
const CROSS_SCRIPT = [
  { page: 'ar', title: 'Atelier « Main verte » : 1 200 élèves, dont 8.', comment: 'Projet solide ; budget 150 000 MAD à détailler.', direction: 'ltr' },
  { page: 'fr', title: 'ورشة «اليد الخضراء»: 1200 تلميذ، منهم 8.', comment: 'مشروع متين؛ الميزانية 150000 درهم تحتاج تفصيلا.', direction: 'rtl' },
] as const;

async function directionOf(locator: Locator): Promise<'ltr' | 'rtl'> {
  return locator.evaluate((element) => (element.matches(':dir(rtl)') ? 'rtl' : 'ltr'));
}

for (const run of CROSS_SCRIPT) {
  test(`text typed in the other script on the ${run.page === 'ar' ? 'Arabic' : 'French'} page keeps its own direction in the form, the review, the juror's dossier and scorecard, the staff pages and the receipt email`, async ({ newPerson, baseURL }, testInfo) => {
    test.setTimeout(180_000);
    const locale = run.page;
    const { calls, applications } = applyTexts[locale];
    const { jury } = texts[locale];
    const results = locale === 'ar' ? arResults : frResults;
    const staffApi = await signInStaffApi(baseURL!);
    const call = await createPublishedCall(staffApi);
    const api = await apiPerson(baseURL!);
    const applicant = await createApplicant(api, locale, 'bidi');
    await api.dispose();

    // ---- The applicant types the title in the other script: the field, then the review, lay it out in its own direction.
    const page = await newPerson();
    await page.addInitScript((choice) => {
    // Not in the sandboxed email previews, where storage is out of reach.
    if (window === window.top) window.localStorage.setItem('tahkim.locale', choice);
  }, locale);
    await signIn(page, locale, applicant);
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto(`/calls/${call.slug}`);
    await page.getByRole('main').getByRole('button', { name: calls.apply.start, exact: true }).first().click();
    const field = page.getByLabel(labelled(String(JURY_FORM.sections[0]!.fields[0]!.label[locale])));
    await field.fill(run.title);
    expect(await directionOf(field)).toBe(run.direction);
    await page.getByRole('button', { name: applications.form.toReview, exact: true }).click();
    const reviewed = page.locator('.answers-list dd > p').filter({ hasText: run.title });
    await expect(reviewed).toBeVisible();
    expect(await directionOf(reviewed)).toBe(run.direction);
    await testInfo.attach(`review on the ${locale} page`, { body: await page.locator('.answers-list').first().screenshot(), contentType: 'image/png' });
    await page.getByRole('button', { name: applications.review.submit }).click();
    await expect(page.getByRole('heading', { level: 1, name: applications.submitted.heading })).toBeVisible();

    // ---- The receipt email quotes the title between isolates (U+2068 … U+2069): it keeps its direction in the sentence.
    const [receipt] = (await emailsTo(staffApi, applicant.email)).filter((email) => email.template === 'application-received');
    expect(receipt, 'a receipt was sent').toBeTruthy();
    expect(receipt!.text).toContain(`\u2068${run.title}\u2069`);

    // ---- A juror on a page of the same language reads it, and writes a comment in the other script.
    const round = await roundOne(staffApi, call.id);
    await apiCall(staffApi, 'put', `/api/rounds/${round.id}/criteria`, {
      criteria: [{ key: 'impact', label: { fr: 'Impact social', ar: 'الأثر الاجتماعي', en: 'Social impact' }, weight: 1, scaleMin: 1, scaleMax: 5 }],
    });
    await apiCall(staffApi, 'patch', `/api/rounds/${round.id}`, { status: 'OPEN', scorecardsRequired: 1, acknowledgeEarly: true });
    const [juror] = (await inviteJurors(baseURL!, staffApi, round.id, [{ displayName: `Juré ${locale}`, locale }])) as [Person];
    await apiCall(staffApi, 'post', `/api/rounds/${round.id}/assignments/auto`);
    const plan = await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round.id}/assignments`);
    const jurorPage = await newPerson();
    await jurorPage.addInitScript((choice) => {
    // Not in the sandboxed email previews, where storage is out of reach.
    if (window === window.top) window.localStorage.setItem('tahkim.locale', choice);
  }, locale);
    await signIn(jurorPage, locale, juror);
    await expect(jurorPage).not.toHaveURL(/\/login/);
    await jurorPage.goto(`/jury/assignments/${plan.assignments[0]!.id}`);
    const dossier = jurorPage.locator('.answers-list dd > p').filter({ hasText: run.title });
    await expect(dossier).toBeVisible();
    expect(await directionOf(dossier)).toBe(run.direction);
    await jurorPage.getByRole('radiogroup').getByRole('radio', { name: '4', exact: true }).click();
    const comment = jurorPage.getByRole('textbox', { name: startingWith(jury.scorecard.overallComment) });
    await comment.fill(run.comment);
    expect(await directionOf(comment)).toBe(run.direction);
    await jurorPage.getByRole('button', { name: jury.scorecard.submit }).click();
    await jurorPage.getByRole('dialog').getByRole('button', { name: jury.scorecard.confirmSubmit, exact: true }).click();
    await expect(jurorPage.getByText(jury.scorecard.submittedTitle).first()).toBeVisible();

    // ---- Staff on a page of the same language: the application page and the juror's comment.
    const staffPage = await newPerson();
    await staffPage.addInitScript((choice) => {
    // Not in the sandboxed email previews, where storage is out of reach.
    if (window === window.top) window.localStorage.setItem('tahkim.locale', choice);
  }, locale);
    await signIn(staffPage, locale, DEMO.staff);
    await expect(staffPage).not.toHaveURL(/\/login/);
    await staffPage.goto(`/admin/applications/${plan.assignments[0]!.applicationId}`);
    const staffAnswer = staffPage.getByRole('main').getByRole('paragraph').filter({ hasText: run.title });
    await expect(staffAnswer).toBeVisible();
    expect(await directionOf(staffAnswer)).toBe(run.direction);
    await staffPage.goto(`/admin/rounds/${round.id}/ranking`);
    await staffPage.getByRole('button', { name: new RegExp(`^${results.table.open.split('{{')[0]}`, 'u') }).first().click();
    const shownComment = staffPage.getByRole('dialog').getByText(run.comment, { exact: true });
    await expect(shownComment).toBeVisible();
    expect(await directionOf(shownComment)).toBe(run.direction);
    await testInfo.attach(`juror's comment on the ${locale} page`, { body: await staffPage.getByRole('dialog').screenshot(), contentType: 'image/png' });
    await staffApi.dispose();
  });
}
