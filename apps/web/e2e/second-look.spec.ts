import type { TSecondLookList } from '@tahkim/contracts';
import type { APIRequestContext } from '@playwright/test';
import arResults from '../src/locales/ar/results.json' with { type: 'json' };
import frResults from '../src/locales/fr/results.json' with { type: 'json' };
import { signIn } from './support/app';
import { demoCall } from './support/apply';
import { signInStaffApi } from './support/jury';
import { format, texts } from './support/locales';
import { DEMO, expect, test } from './support/test';
import type { Page } from '@playwright/test';
import type { TLocale } from '@tahkim/contracts';

/** The page's language as this browser's own choice, which leaves the demo accounts' languages as they are. */
async function chooseLanguage(page: Page, locale: TLocale): Promise<void> {
  await page.addInitScript((choice) => {
    // Init scripts also run in sandboxed frames, where storage is out of reach.
    if (window === window.top) window.localStorage.setItem('tahkim.locale', choice);
  }, locale);
}

const SIZE = 10;
const BUDGET = 12;
/** A juror of the demo round other than the demo juror the other tests read. */
const JUROR = { email: 'juror2@tahkim.example', password: DEMO.juror.password, name: 'Youssef Amrani' };

async function roundOne(staffApi: APIRequestContext): Promise<string> {
  const call = await demoCall(staffApi);
  const rounds = await staffApi.get(`/api/calls/${call.id}/rounds`);
  expect(rounds.status(), await rounds.text()).toBe(200);
  const round = ((await rounds.json()) as { items: { id: string; number: number }[] }).items.find((r) => r.number === 1);
  if (!round) throw new Error('The demo call has no round 1');
  return round.id;
}

/** Undoes what this test committed, whatever happened (the demo round is shared). */
async function undoAll(staffApi: APIRequestContext, roundId: string): Promise<void> {
  const list = (await (await staffApi.get(`/api/rounds/${roundId}/second-looks`)).json()) as TSecondLookList;
  for (const item of list.items) if (item.undoable) await staffApi.delete(`/api/rounds/${roundId}/second-looks/${item.id}`);
}

for (const locale of ['fr', 'ar'] as const) {
  const r = locale === 'fr' ? frResults : arResults;
  test(`on the demo round, staff read each application's shortlist confidence and run a second look of ${BUDGET} scorecards that jurors see, then undo it (${locale})`, async ({ page, newPerson, baseURL }) => {
    test.setTimeout(120_000);
    const staffApi = await signInStaffApi(baseURL!);
    const roundId = await roundOne(staffApi);
    try {
      await chooseLanguage(page, locale);
      await signIn(page, locale, DEMO.staff);
      // Signed in once the login page has gone (on a busy machine that takes a moment).
      await expect(page).not.toHaveURL(/\/login/u);
      await page.goto(`/admin/rounds/${roundId}/ranking`);
      await expect(page.getByRole('heading', { level: 1, name: r.page.heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');

      // Shortlist confidence for the top 10: a share of resamples beside each scored application, the doubtful ones marked.
      await page.getByLabel(r.confidence.size).fill(String(SIZE));
      await expect(page.getByRole('columnheader', { name: format(r.table.confidence_other, { count: SIZE }) })).toBeVisible({ timeout: 20_000 });
      const cells = page.getByTestId('ranking-confidence');
      await expect(cells.first()).toContainText(/\d/);
      await expect(page.getByTestId('ranking-confidence').filter({ hasText: r.table.uncertain }).first()).toBeVisible();

      // Preview: 12 picks with their reasons and jurors, loads balanced.
      const section = page.getByTestId('second-look');
      await section.getByLabel(r.secondLook.budget).fill(String(BUDGET));
      await section.getByRole('button', { name: r.secondLook.preview }).click();
      const picks = section.getByTestId('second-look-pick');
      await expect(picks).toHaveCount(BUDGET);
      const reasons = Object.values(r.secondLook.reasons);
      for (const text of await picks.allTextContents()) expect(reasons.some((reason) => text.includes(reason))).toBe(true);
      const loads = await section.getByTestId('second-look-loads').locator('.mantine-Badge-root').allTextContents();
      const added = loads.map((text) => {
        const [before, after] = (text.match(/\d+/gu) ?? []).map(Number).slice(-2) as [number, number];
        return after - before;
      });
      expect(added.reduce((a, b) => a + b, 0)).toBe(BUDGET);
      expect(Math.max(...added) - Math.min(...added)).toBeLessThanOrEqual(1);
      const forJuror = loads.find((text) => text.includes(JUROR.name));
      const jurorAdded = forJuror ? (([before, after]) => after! - before!)((forJuror.match(/\d+/gu) ?? []).map(Number).slice(-2)) : 0;

      // Commit: the juror sees the new assignments marked.
      await section.getByRole('button', { name: format(r.secondLook.commit_other, { count: BUDGET }) }).click();
      await expect(section.getByText(format(r.secondLook.committed_other, { count: BUDGET }))).toBeVisible();
      await expect(section.getByTestId('second-look-item')).toHaveCount(1);
      const juror = await newPerson();
      await chooseLanguage(juror, locale);
      await signIn(juror, locale, JUROR);
      await expect(juror).not.toHaveURL(/\/login/u);
      await juror.goto('/jury');
      await expect(juror.getByTestId('second-look-badge')).toHaveCount(jurorAdded);
      if (jurorAdded > 0) await expect(juror.getByTestId('second-look-badge').first()).toContainText(texts[locale].jury.list.secondLook);

      // Undo: the assignments go, from the juror's list too.
      await section.getByRole('button', { name: r.secondLook.undo }).click();
      const dialog = page.getByRole('dialog', { name: r.secondLook.undoTitle });
      await dialog.getByRole('button', { name: r.secondLook.undo }).click();
      await expect(section.getByText(r.secondLook.none)).toBeVisible();
      await juror.reload();
      await expect(juror.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(juror.getByTestId('second-look-badge')).toHaveCount(0);
    } finally {
      await undoAll(staffApi, roundId);
      await staffApi.dispose();
    }
  });
}
