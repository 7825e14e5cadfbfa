import arProgramme from '../src/locales/ar/programme.json' with { type: 'json' };
import frProgramme from '../src/locales/fr/programme.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { expectLanguage, signIn } from './support/app';
import { format } from './support/locales';
import { DEMO, expect, test } from './support/test';

/**
 * After the decision (issue 16, acceptance 2, its first step): staff set up the support programme of last
 * year's demo edition, which has four milestones and four indicators. The test adds a milestone, reads it
 * back after a reload, then removes it, so the demo ends as it began (also after a failed attempt).
 */

const EDITION = 'innovation-sociale-2025';

test.describe.configure({ mode: 'serial' });

async function openProgramme(page: Page): Promise<void> {
  const answer = await page.request.get(`/api/calls/${EDITION}`);
  expect(answer.status()).toBe(200);
  await page.goto(`/admin/calls/${((await answer.json()) as { id: string }).id}/programme`);
}

test('staff add a milestone to the programme, in French, and find it after a reload', async ({ page }) => {
  const t = frProgramme;
  await signIn(page, 'fr', DEMO.staff);
  await expect(page).not.toHaveURL(/\/login/u);
  await openProgramme(page);
  await expect(page.getByRole('heading', { level: 1, name: t.page.heading })).toBeVisible();
  const milestones = page.getByRole('region', { name: t.milestones.title });
  // A leftover of an earlier attempt is removed first.
  const leftover = milestones.getByRole('group').filter({ hasText: 'Rencontre régionale du Sud' });
  if ((await leftover.count()) > 0) {
    await milestones.getByRole('button', { name: format(t.milestones.remove, { number: 5 }) }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.actions.confirmRemove }).click();
    await page.getByRole('button', { name: t.save.button }).click();
    await expect(page.getByText(t.saved)).toBeVisible();
  }
  await expect(milestones.getByRole('group', { name: /^Étape \d$/u })).toHaveCount(4);
  await expect(page.getByRole('region', { name: t.indicators.title }).getByRole('group', { name: /^Indicateur \d$/u })).toHaveCount(4);

  await milestones.getByRole('button', { name: t.milestones.add }).click();
  const added = milestones.getByRole('group', { name: format(t.milestones.item, { number: 5 }) });
  await added.getByRole('textbox', { name: t.milestones.titleField }).fill('Rencontre régionale du Sud');
  await added.getByRole('textbox', { name: /^Date/u }).fill('15/02/2027');
  await added.getByRole('textbox', { name: /^Heure/u }).fill('10:00');
  await page.getByRole('button', { name: t.save.button }).click();
  await expect(page.getByText(t.saved)).toBeVisible();

  await page.reload();
  const reloaded = page.getByRole('region', { name: t.milestones.title }).getByRole('group', { name: format(t.milestones.item, { number: 5 }) });
  await expect(reloaded.getByRole('textbox', { name: t.milestones.titleField })).toHaveValue('Rencontre régionale du Sud');
  await expect(reloaded.getByRole('textbox', { name: /^Date/u })).toHaveValue('15/02/2027');
  await expect(reloaded.getByTestId('item-key')).toContainText('rencontre_regionale_du_sud');

  // Removed again: the demo keeps its four milestones.
  await page.getByRole('button', { name: format(t.milestones.remove, { number: 5 }) }).click();
  await page.getByRole('dialog').getByRole('button', { name: t.actions.confirmRemove }).click();
  await page.getByRole('button', { name: t.save.button }).click();
  await expect(page.getByText(t.saved)).toBeVisible();
  await expect(page.getByRole('region', { name: t.milestones.title }).getByRole('group', { name: /^Étape \d$/u })).toHaveCount(4);
});

test('the programme reads in Arabic, right to left, with its four indicators', async ({ page }) => {
  const t = arProgramme;
  await page.addInitScript(() => {
    if (window === window.top) window.localStorage.setItem('tahkim.locale', 'ar');
  });
  await signIn(page, 'ar', DEMO.staff);
  await expect(page).not.toHaveURL(/\/login/u);
  await openProgramme(page);
  await expectLanguage(page, 'ar');
  await expect(page.getByRole('heading', { level: 1, name: t.page.heading })).toBeVisible();
  const indicators = page.getByRole('region', { name: t.indicators.title });
  await expect(indicators.getByRole('group', { name: /^المؤشر \d$/u })).toHaveCount(4);
  await expect(indicators.getByRole('textbox', { name: t.indicators.labelField }).first()).toHaveValue('النساء المكوَّنات');
});
