import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import type { TLocale, TRound } from '@tahkim/contracts';
import arResults from '../src/locales/ar/results.json' with { type: 'json' };
import frResults from '../src/locales/fr/results.json' with { type: 'json' };
import { createTeamMember, expectLanguage, signIn, switchLanguage } from './support/app';
import { demoCall } from './support/apply';
import { checkDialog } from './support/axe';
import { apiCall, roundOne } from './support/decisions';
import { createPublishedCall, roundsTexts, signInStaffApi, submitApplication } from './support/jury';
import { format } from './support/locales';
import { DEMO, expect, test } from './support/test';

/**
 * Issue 12, rounds without the API: staff create a final ballot round in the browser, delete a stray
 * empty round, shortlist into the existing ballot round and open it in one action, confirming that it
 * opens before the application deadline. In French on the demo call (left as it was), in Arabic on a call
 * of its own.
 */

type Language = 'fr' | 'ar';
const resultsTexts = { fr: frResults, ar: arResults } as const;
const BALLOT_NAME: Record<TLocale, string> = { fr: 'Finale 2026', ar: 'نهائيات 2026', en: 'Final 2026' };

/** i18next's plural key of `base` for `count` in `locale` ("top_other", "top_few"). */
function plural(group: object, base: string, count: number, locale: Language): string {
  const text = (group as Record<string, unknown>)[`${base}_${new Intl.PluralRules(locale).select(count)}`];
  if (typeof text !== 'string') throw new Error(`No ${base} form for ${count} in ${locale}`);
  return format(text, { count });
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function roundOf(staffApi: APIRequestContext, page: Page): Promise<TRound> {
  await expect(page).toHaveURL(/\/admin\/rounds\/[0-9a-f-]+$/);
  const id = /\/admin\/rounds\/([0-9a-f-]+)$/.exec(page.url())![1]!;
  return apiCall<TRound>(staffApi, 'get', `/api/rounds/${id}`);
}

/** Creates a round from the call's rounds page through the dialog, checked with axe-core; returns it once its page shows. */
async function createRound(page: Page, staffApi: APIRequestContext, locale: Language, kind: 'SCORING' | 'BALLOT', name: string | null, findings: string[], checked: string[]): Promise<TRound> {
  const r = roundsTexts[locale];
  const opener = page.getByRole('button', { name: r.list.create, exact: true });
  if (checked.length === 0) {
    // Keyboard: opens on the first kind, passes axe-core at 360 and 1280 px, Escape gives focus back.
    await checkDialog(page, { label: `create a round (${locale})`, opener, name: r.create.title, first: (dialog) => dialog.getByRole('radio', { name: r.kinds.SCORING }) }, checked, findings);
  }
  await opener.click();
  const dialog = page.getByRole('dialog', { name: r.create.title });
  await dialog.getByRole('radio', { name: r.kinds[kind] }).check();
  if (name !== null) await dialog.getByRole('textbox', { name: format(r.settings.name, { language: locale === 'ar' ? 'العربية' : 'Français' }) }).fill(name);
  await dialog.getByRole('button', { name: r.create.confirm }).click();
  const round = await roundOf(staffApi, page);
  expect(round.type).toBe(kind);
  await expect(page.getByRole('heading', { level: 1 }).locator('..').getByText(r.kinds[kind], { exact: true })).toBeVisible();
  return round;
}

/** Deletes the round whose page is shown, through its confirmation; back on the call's rounds. */
async function deleteShownRound(page: Page, locale: Language, round: TRound, name: string): Promise<void> {
  const r = roundsTexts[locale];
  await page.getByRole('button', { name: r.delete.button }).click();
  const dialog = page.getByRole('dialog', { name: format(r.delete.title, { name }) });
  // Deleting cannot be undone: the dialog starts on Cancel.
  await expect(dialog.getByRole('button', { name: r.actions.cancel })).toBeFocused();
  await dialog.getByRole('button', { name: r.delete.confirm }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/calls/${round.callId}/rounds$`));
  // The list is shown (round 1 stays) without the deleted round, from its first frame on.
  await expect(page.getByRole('link', { name: r.list.open }).first()).toBeVisible();
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
}

/** Opens the round whose page is shown with its one button, acknowledging the deadline that has not passed. */
async function openShownRound(page: Page, locale: Language, name: string, findings: string[], checked: string[], testInfo: TestInfo): Promise<void> {
  const r = roundsTexts[locale];
  const opener = page.getByRole('button', { name: r.open.button, exact: true });
  const title = format(r.open.title, { name });
  await checkDialog(page, { label: `open a round (${locale})`, opener, name: title, first: (dialog) => dialog.getByRole('checkbox', { name: r.open.acknowledge }) }, checked, findings);
  await opener.click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog.getByText(r.open.earlyTitle)).toBeVisible();
  await expect(dialog.getByText(r.open.earlyLate)).toBeVisible();
  const confirm = dialog.getByRole('button', { name: r.open.confirm });
  // Nothing opens before the acknowledgement.
  await expect(confirm).toBeDisabled();
  await shot(page, testInfo, `open-dialog-${locale}`);
  await dialog.getByRole('checkbox', { name: r.open.acknowledge }).check();
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 }).locator('..').getByText(r.status.OPEN, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: r.open.button, exact: true })).toHaveCount(0);
}

/** On a ranking page with applications selected: advances them into `target` (an existing round chosen in the select). */
async function advanceInto(page: Page, locale: Language, count: number, target: TRound, targetName: string): Promise<void> {
  const t = resultsTexts[locale];
  const r = roundsTexts[locale];
  await page.getByRole('region', { name: t.advance.region }).getByRole('button').click();
  const dialog = page.getByRole('dialog', { name: t.advance.confirmTitle });
  const option = format(t.advance.targetOption, { name: targetName, kind: r.kinds[target.type], status: r.status[target.status] });
  await dialog.getByRole('combobox', { name: t.advance.target }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(dialog.getByRole('combobox', { name: t.advance.target })).toHaveValue(option);
  await expect(dialog.getByText(plural(t.advance.confirmBody, 'existing', count, locale).replace('{{number}}', String(target.number)))).toBeVisible();
  await dialog.getByRole('button', { name: t.advance.confirm }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(t.table.advancedBadge, { exact: true })).toHaveCount(count);
}

test('French staff create a final ballot round, delete a stray one, shortlist the top 3 of the demo call into the ballot and open it in one action', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const locale: Language = 'fr';
  const r = roundsTexts[locale];
  const t = resultsTexts[locale];
  const findings: string[] = [];
  const checked: string[] = [];
  const staffApi = await signInStaffApi(baseURL);
  const call = await demoCall(staffApi);
  const round1 = await roundOne(staffApi, call.id);

  await signIn(page, locale, DEMO.staff);
  // Signed in once the back office shows: going on earlier would leave before the session exists.
  await expect(page).toHaveURL(/\/admin/);
  await expectLanguage(page, locale);
  await page.goto(`/admin/calls/${call.id}/rounds`);
  await expect(page.getByRole('heading', { level: 1, name: r.list.heading })).toBeVisible();

  // A final ballot round, named by staff; then a stray scoring round, deleted at once.
  const ballot = await createRound(page, staffApi, locale, 'BALLOT', BALLOT_NAME.fr, findings, checked);
  expect(ballot).toMatchObject({ status: 'DRAFT', deletable: true, name: { fr: BALLOT_NAME.fr } });
  await shot(page, testInfo, 'ballot-round-fr');
  await page.goto(`/admin/calls/${call.id}/rounds`);
  const stray = await createRound(page, staffApi, locale, 'SCORING', null, findings, checked);
  expect(stray.number).toBe(ballot.number + 1);
  const strayName = format(r.list.defaultName, { number: stray.number });
  await checkDialog(
    page,
    { label: 'delete a round (fr)', opener: page.getByRole('button', { name: r.delete.button }), name: format(r.delete.title, { name: strayName }), first: (dialog) => dialog.getByRole('button', { name: r.actions.cancel }) },
    checked,
    findings,
  );
  await deleteShownRound(page, locale, stray, strayName);
  await expect(page.getByRole('link', { name: BALLOT_NAME.fr, exact: true })).toBeVisible();
  await shot(page, testInfo, 'call-rounds-fr');

  // The top 3 of the demo ranking go into the existing ballot round, chosen in the dialog.
  await page.goto(`/admin/rounds/${round1.id}/ranking`);
  await expect(page.getByRole('heading', { level: 1, name: t.page.heading })).toBeVisible();
  await page.getByLabel(t.shortlist.topLabel).fill('3');
  await page.getByRole('button', { name: plural(t.shortlist, 'top', 3, locale) }).click();
  await advanceInto(page, locale, 3, ballot, BALLOT_NAME.fr);
  const filled = await apiCall<TRound>(staffApi, 'get', `/api/rounds/${ballot.id}`);
  expect(filled).toMatchObject({ counts: { applications: 3 }, deletable: false });

  // The ballot round opens in one action, before the demo call's deadline: acknowledged.
  await page.goto(`/admin/rounds/${ballot.id}`);
  await openShownRound(page, locale, BALLOT_NAME.fr, findings, checked, testInfo);
  expect((await apiCall<TRound>(staffApi, 'get', `/api/rounds/${ballot.id}`)).status).toBe('OPEN');
  await shot(page, testInfo, 'ballot-open-fr');

  // A round holding applications cannot be deleted: no button for it.
  await expect(page.getByRole('button', { name: r.delete.button })).toHaveCount(0);

  // Leave the demo call as it was: undo the shortlist, then the ballot round is empty again and goes.
  await page.goto(`/admin/rounds/${round1.id}/ranking`);
  await page.getByTestId('advances').getByRole('button', { name: t.advances.undo }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: t.advances.undo }).click();
  await expect(page.getByText(t.table.advancedBadge, { exact: true })).toHaveCount(0);
  await page.goto(`/admin/rounds/${ballot.id}`);
  await deleteShownRound(page, locale, ballot, BALLOT_NAME.fr);

  expect(checked).toEqual(['create a round (fr)', 'delete a round (fr)', 'open a round (fr)']);
  expect(findings).toEqual([]);
});

test('Arabic staff run the same steps on a call of their own: ballot round, stray round deleted, round 1 and the ballot opened before the deadline', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const locale: Language = 'ar';
  const r = roundsTexts[locale];
  const t = resultsTexts[locale];
  const findings: string[] = [];
  const checked: string[] = [];
  const staffApi = await signInStaffApi(baseURL);
  const call = await createPublishedCall(staffApi);
  const applications = [];
  for (const title of ['Ferme solaire', 'Atelier couture', 'Bibliothèque mobile']) applications.push(await submitApplication(baseURL, call.id, title));
  const round1 = await roundOne(staffApi, call.id);
  await apiCall(staffApi, 'put', `/api/rounds/${round1.id}/criteria`, {
    criteria: [{ key: 'impact', label: { fr: 'Impact social', ar: 'الأثر الاجتماعي', en: 'Social impact' }, weight: 1, scaleMin: 0, scaleMax: 5 }],
  });
  // A staff member of this run: switching the language saves it to the account, so not the demo one.
  const member = await createTeamMember(await signInStaffApi(baseURL));
  await signIn(page, 'fr', member);
  await expect(page).toHaveURL(/\/admin/);
  await switchLanguage(page, locale);
  await page.goto(`/admin/calls/${call.id}/rounds`);
  await expect(page.getByRole('heading', { level: 1, name: r.list.heading })).toBeVisible();

  const ballot = await createRound(page, staffApi, locale, 'BALLOT', BALLOT_NAME.ar, findings, checked);
  await shot(page, testInfo, 'ballot-round-ar');
  await page.goto(`/admin/calls/${call.id}/rounds`);
  const stray = await createRound(page, staffApi, locale, 'SCORING', null, findings, checked);
  await deleteShownRound(page, locale, stray, format(r.list.defaultName, { number: stray.number }));
  await shot(page, testInfo, 'call-rounds-ar');

  // Round 1 opens from its page, before the deadline; the settings no longer offer "open" as a status.
  await page.goto(`/admin/rounds/${round1.id}`);
  await page.getByRole('combobox', { name: r.settings.status, exact: true }).click();
  await expect(page.getByRole('option', { name: r.status.OPEN, exact: true })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await openShownRound(page, locale, format(r.list.defaultName, { number: 1 }), findings, checked, testInfo);

  // All three applications (nothing scored yet) go into the ballot round, then it opens.
  await page.goto(`/admin/rounds/${round1.id}/ranking`);
  await expect(page.getByRole('heading', { level: 1, name: t.page.heading })).toBeVisible();
  await page.getByRole('checkbox', { name: t.table.selectVisible }).check();
  await advanceInto(page, locale, 3, ballot, BALLOT_NAME.ar);
  await page.goto(`/admin/rounds/${ballot.id}`);
  await openShownRound(page, locale, BALLOT_NAME.ar, findings, [], testInfo);
  const opened = await apiCall<TRound>(staffApi, 'get', `/api/rounds/${ballot.id}`);
  expect(opened).toMatchObject({ status: 'OPEN', type: 'BALLOT', counts: { applications: applications.length } });
  await shot(page, testInfo, 'ballot-open-ar');

  expect(checked).toEqual(['create a round (ar)', 'open a round (ar)']);
  expect(findings).toEqual([]);
});
