import type { Page } from '@playwright/test';
import { expectLanguage, signIn } from './support/app';
import {
  acceptInvitationApi,
  createPublishedCall,
  invitationToken,
  jurorEmail,
  roundsTexts,
  signInStaffApi,
  submitApplication,
  templateRegExp,
} from './support/jury';
import { format, startingWith, texts } from './support/locales';
import { DEMO, expect, strongPassword, test } from './support/test';

/**
 * Acceptance 1 of the jury workspace: staff (in French) set weighted criteria, invite two jurors and
 * assign automatically; a juror (in Arabic) accepts the invitation, declares a conflict, scores with the
 * keyboard, submits and checks their ranking; staff see the progress move. On a call of its own, so
 * the demo round the other tests use is left alone.
 */
test('staff set up a round and a juror scores it with the keyboard (French staff, Arabic juror)', async ({ page, newPerson }, testInfo) => {
  test.setTimeout(150_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const r = roundsTexts.fr;
  const fr = texts.fr;
  const ar = texts.ar;

  // Set-up through the API: a fresh published call and three submitted applications.
  const staffApi = await signInStaffApi(baseURL);
  const call = await createPublishedCall(staffApi);
  for (const title of ['Ferme solaire', 'Atelier couture', 'Bibliothèque mobile']) await submitApplication(baseURL, call.id, title);

  // Staff open the call's rounds and round 1.
  await signIn(page, 'fr', DEMO.staff);
  await expect(page).toHaveURL(/\/admin/);
  await page.goto(`/admin/calls/${call.id}/rounds`);
  await expect(page.getByRole('heading', { level: 1, name: r.list.heading })).toBeVisible();
  await page.getByRole('link', { name: r.list.open }).click();
  await expect(page).toHaveURL(/\/admin\/rounds\/[\w-]+/);

  // Settings: two scorecards per application (two jurors, full coverage), round open.
  await expect(page.getByRole('tab', { name: r.round.tabs.settings })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel(r.settings.scorecardsRequired).fill('2');
  await page.getByRole('combobox', { name: r.settings.status, exact: true }).click();
  await page.getByRole('option', { name: r.status.OPEN, exact: true }).click();
  await page.getByRole('button', { name: r.settings.save }).click();
  await expect(page.getByText(r.settings.saved)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 }).locator('..').getByText(r.status.OPEN, { exact: true })).toBeVisible();

  // Criteria: weights 3 and 1 show 75 % and 25 % as staff type.
  await page.getByRole('tab', { name: r.round.tabs.criteria }).click();
  const criteria = [
    { fr: 'Impact social', ar: 'الأثر الاجتماعي', weight: '3', share: '75' },
    { fr: 'Faisabilité', ar: 'قابلية التنفيذ', weight: '1', share: '25' },
  ];
  const row = (index: number) => page.getByRole('group', { name: format(r.criteria.rowLabel, { number: index + 1 }) });
  await expect(row(0)).toBeVisible();
  if ((await row(1).count()) === 0) await page.getByRole('button', { name: r.criteria.add }).click();
  for (const [index, criterion] of criteria.entries()) {
    const fieldset = row(index);
    await fieldset.getByLabel(format(r.criteria.label, { language: fr.common.language.nativeName })).fill(criterion.fr);
    await fieldset.getByLabel(format(r.criteria.label, { language: ar.common.language.nativeName })).fill(criterion.ar);
    await fieldset.getByLabel(r.criteria.weight, { exact: true }).fill(criterion.weight);
  }
  for (const [index, criterion] of criteria.entries()) {
    await expect(page.getByTestId(`share-${index}`)).toHaveText(templateRegExp(r.criteria.share, { share: `${criterion.share}\\s*%` }));
  }
  await page.getByRole('button', { name: r.criteria.save }).click();
  await expect(page.getByText(r.criteria.saved)).toBeVisible();

  // Jurors: two new addresses are invited by email.
  const jurorA = { email: jurorEmail('a'), name: 'سلمى الإدريسي', password: strongPassword() };
  const jurorB = { email: jurorEmail('b'), name: 'Youssef B' };
  await page.getByRole('tab', { name: r.round.tabs.jurors }).click();
  await page.getByLabel(r.jurors.addLabel).fill(`${jurorA.email}\n${jurorB.email}`);
  await page.getByRole('button', { name: r.jurors.add, exact: true }).click();
  const invited = page.getByRole('listitem').filter({ hasText: startingWith(format(r.jurors.resultInvited, { emails: '' }).trim()) });
  await expect(invited).toContainText(jurorA.email);
  await expect(invited).toContainText(jurorB.email);

  // Juror A accepts the invitation in their own browser, in Arabic.
  const juror = await newPerson({ locale: 'ar' });
  await juror.goto(`/invitations/${await invitationToken(staffApi, jurorA.email)}`);
  await expectLanguage(juror, 'ar');
  await expect(juror.getByRole('heading', { level: 1, name: ar.auth.invitation.heading })).toBeVisible();
  await juror.getByLabel(startingWith(ar.auth.fields.displayName)).fill(jurorA.name);
  await juror.getByLabel(startingWith(ar.auth.fields.password)).fill(jurorA.password);
  await juror.getByRole('button', { name: ar.auth.invitation.submit }).click();
  await expect(juror).toHaveURL(/\/jury$/);
  await expectLanguage(juror, 'ar');
  await expect(juror.getByRole('heading', { level: 1, name: ar.jury.heading })).toBeVisible();
  // Juror B is not under test: they accept through the API.
  await acceptInvitationApi(baseURL, await invitationToken(staffApi, jurorB.email), jurorB.name);

  // Staff assign automatically: 3 applications × 2 jurors, each juror gets the 3.
  await page.getByRole('tab', { name: r.round.tabs.assignment }).click();
  await page.getByRole('button', { name: r.assignment.auto.run }).click();
  await expect(page.getByText(format(r.assignment.auto.summary, { created: 6, kept: 0 }))).toBeVisible();
  await expect(page.getByText(r.assignment.auto.complete)).toBeVisible();
  await expect(page.getByText(format(r.assignment.auto.loadEven, { load: 3 }))).toBeVisible();

  // Juror A sees the three applications of the round.
  await juror.reload();
  await expect(juror.getByText(format(ar.jury.list.progress, { submitted: 0, total: 3 }), { exact: true })).toBeVisible();
  const rows = juror.locator('li.assignment-row');
  await expect(rows).toHaveCount(3);
  const labels = await rowLabels(juror);
  expect(labels).toHaveLength(3);
  for (const label of labels) expect(label.startsWith(`${call.referencePrefix}-`), label).toBe(true);
  const [conflicted, scored] = labels as [string, string, string];

  // A conflict of interest, with a reason: the application leaves the list.
  await rows.filter({ hasText: conflicted }).getByRole('button', { name: ar.jury.conflict.action }).click();
  const dialog = juror.getByRole('dialog', { name: format(ar.jury.conflict.title, { label: conflicted }) });
  await dialog.getByLabel(startingWith(ar.jury.conflict.reason)).fill('أعرف حامل المشروع شخصياً.');
  await dialog.getByRole('button', { name: ar.jury.conflict.confirm }).click();
  await expect(juror.getByText(format(ar.jury.conflict.done, { label: conflicted }))).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: conflicted })).toHaveCount(0);
  await expect(juror.getByText(format(ar.jury.list.progress, { submitted: 0, total: 2 }), { exact: true })).toBeVisible();

  // Scoring with the keyboard: focus the first criterion, type 4, Enter, type 2, Enter.
  await juror.getByRole('link', { name: format(ar.jury.list.actionFor, { action: ar.jury.list.score, label: scored }) }).click();
  await expect(juror).toHaveURL(/\/jury\/assignments\//);
  await expect(juror.getByRole('heading', { name: ar.jury.scorecard.heading })).toBeVisible();
  const first = juror.getByRole('radiogroup', { name: format(ar.jury.scorecard.criterionLabel, { number: 1, label: criteria[0]!.ar }) });
  const second = juror.getByRole('radiogroup', { name: format(ar.jury.scorecard.criterionLabel, { number: 2, label: criteria[1]!.ar }) });
  await expect(juror.getByText(format(ar.jury.scorecard.weight, { share: 75 }))).toBeVisible();
  await expect(juror.getByText(format(ar.jury.scorecard.weight, { share: 25 }))).toBeVisible();
  await first.locator('[tabindex="0"]').focus();
  await juror.keyboard.press('4');
  await expect(first.getByRole('radio', { name: '4', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(first.getByRole('radio', { name: '4', exact: true })).toBeFocused();
  await juror.keyboard.press('Enter');
  await expect(second.locator('[tabindex="0"]')).toBeFocused();
  await juror.keyboard.press('2');
  await expect(second.getByRole('radio', { name: '2', exact: true })).toHaveAttribute('aria-checked', 'true');
  await juror.keyboard.press('Enter');
  await expect(juror.getByLabel(ar.jury.scorecard.overallComment)).toBeFocused();
  // DESIGN.md rule 1: (3 × 4/5 + 1 × 2/5) / 4 = 70 %.
  const seventy = templateRegExp(ar.jury.scorecard.scoreOutOf, { score: '70[.,٫]0' });
  await expect(juror.getByTestId('live-score')).toHaveText(seventy);
  await juror.getByRole('button', { name: ar.jury.scorecard.submit }).click();
  await juror.getByRole('dialog', { name: ar.jury.scorecard.confirmTitle }).getByRole('button', { name: ar.jury.scorecard.confirmSubmit, exact: true }).click();
  await expect(juror.getByText(ar.jury.scorecard.submittedTitle)).toBeVisible();

  // My ranking: the submitted scorecard with its score.
  await juror.getByRole('link', { name: ar.jury.assignment.back }).click();
  await expect(juror.getByText(format(ar.jury.list.progress, { submitted: 1, total: 2 }), { exact: true })).toBeVisible();
  await juror.getByRole('link', { name: ar.jury.list.myRanking }).click();
  await expect(juror.getByRole('heading', { level: 1, name: ar.jury.ranking.heading })).toBeVisible();
  const ranked = juror.getByTestId('ranking-row').filter({ hasText: scored });
  await expect(ranked).toContainText(/70[.,٫]0/);
  await expect(ranked).toContainText(ar.jury.status.SUBMITTED);
  await expect(juror.getByTestId('ranking-row').filter({ hasText: conflicted })).toHaveCount(0);

  // Staff: the progress tab counts the submitted scorecard.
  await page.getByRole('tab', { name: r.round.tabs.progress }).click();
  await expect(page.getByText(templateRegExp(r.progress.overall, { submitted: '1', required: '\\d+' }))).toBeVisible();
  await expect(
    page.getByLabel(templateRegExp(r.progress.jurorBar, { name: escapeName(jurorA.name), submitted: '1', draft: '\\d+', assigned: '2' })),
  ).toBeVisible();
  await staffApi.dispose();
});

/** The application labels (references) of the juror's list, in order. */
async function rowLabels(juror: Page): Promise<string[]> {
  const texts = await juror.locator('li.assignment-row .assignment-row-text > :first-child').allTextContents();
  return texts.map((label) => label.trim());
}

function escapeName(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
