import type { Page } from '@playwright/test';
import arApplications from '../src/locales/ar/applications.json' with { type: 'json' };
import frApplications from '../src/locales/fr/applications.json' with { type: 'json' };
import { expectLanguage, signIn, switchLanguage } from './support/app';
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
