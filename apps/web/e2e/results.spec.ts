import { readFileSync } from 'node:fs';
import type { TRanking } from '@tahkim/contracts';
import type { APIRequestContext, Page } from '@playwright/test';
import arResults from '../src/locales/ar/results.json' with { type: 'json' };
import frResults from '../src/locales/fr/results.json' with { type: 'json' };
import { createTeamMember, expectLanguage, signIn, switchLanguage } from './support/app';
import { demoCall } from './support/apply';
import { roundsTexts, signInStaffApi } from './support/jury';
import { format } from './support/locales';
import { expect, test } from './support/test';

type Language = 'fr' | 'ar';
const resultsTexts = { fr: frResults, ar: arResults } as const;

/** The demo's harsh juror (juror5@tahkim.example): about 25 points under co-jurors on the same applications. */
const HARSH_JUROR = 'Driss Lahbabi';
const TOP = 10;

// Both runs shortlist on the demo call's round 1, so they take turns; each undoes its shortlist at the end.
test.describe.configure({ mode: 'serial' });

async function roundOne(staffApi: APIRequestContext): Promise<string> {
  const call = await demoCall(staffApi);
  const rounds = await staffApi.get(`/api/calls/${call.id}/rounds`);
  expect(rounds.status(), await rounds.text()).toBe(200);
  const round = ((await rounds.json()) as { items: { id: string; number: number }[] }).items.find((r) => r.number === 1);
  if (!round) throw new Error('The demo call has no round 1');
  return round.id;
}

async function ranking(staffApi: APIRequestContext, roundId: string, method: 'mean' | 'normalised'): Promise<TRanking> {
  const response = await staffApi.get(`/api/rounds/${roundId}/ranking`, { params: { method } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as TRanking;
}

/** References in the ranking table, top to bottom. */
async function shownReferences(page: Page, locale: Language, count: number): Promise<string[]> {
  const t = resultsTexts[locale];
  const table = page.getByRole('table', { name: t.table.caption });
  const prefix = format(t.table.open, { application: '' });
  const buttons = table.getByRole('button', { name: new RegExp(`^${escape(prefix)}`) });
  await expect(buttons.first()).toBeVisible();
  const references: string[] = [];
  for (let i = 0; i < count; i += 1) references.push(((await buttons.nth(i).getAttribute('aria-label')) ?? '').slice(prefix.length).trim());
  return references;
}

/** i18next's plural key for a count in a language (Arabic has six forms). */
function plural(forms: Record<string, string>, count: number, locale: Language): string {
  const form = forms[`_${new Intl.PluralRules(locale).select(count)}`] ?? forms._other;
  if (form === undefined) throw new Error('No plural form');
  return form;
}

function pluralForms(texts: object, key: string): Record<string, string> {
  return Object.fromEntries(Object.entries(texts as Record<string, unknown>).filter((entry): entry is [string, string] => entry[0].startsWith(`${key}_`) && typeof entry[1] === 'string').map(([k, v]) => [k.slice(key.length), v]));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const runs: Language[] = ['fr', 'ar'];

for (const locale of runs) {
  test(`staff read the demo ranking, compare methods, spot the harsh juror, read scorecards, export and shortlist the top ${TOP} (${locale})`, async ({ page, baseURL }, testInfo) => {
    testInfo.setTimeout(120_000);
    const t = resultsTexts[locale];
    const staffApi = await signInStaffApi(baseURL!);
    const roundId = await roundOne(staffApi);
    const byMean = await ranking(staffApi, roundId, 'mean');
    const byNormalised = await ranking(staffApi, roundId, 'normalised');

    // A member of the team of their own (their language is saved to their account).
    const member = await createTeamMember(await signInStaffApi(baseURL!));
    await signIn(page, 'fr', member);
    await expect(page).toHaveURL(/\/admin/);
    if (locale !== 'fr') await switchLanguage(page, locale);

    // From the round page to its ranking.
    await page.goto(`/admin/rounds/${roundId}`);
    await page.getByRole('link', { name: roundsTexts[locale].round.ranking }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/rounds/${roundId}/ranking`));
    await expect(page.getByRole('heading', { level: 1, name: t.page.heading })).toBeVisible();
    await expectLanguage(page, locale);

    // The round's method (normalised) first, then the mean: the order on the page is the API's under each.
    const normalisedTop = byNormalised.items.slice(0, 5).map((item) => item.reference);
    expect(await shownReferences(page, locale, 5)).toEqual(normalisedTop);
    await page.getByText(t.method.mean, { exact: true }).click();
    await expect(page).toHaveURL(/method=mean/);
    const meanTop = byMean.items.slice(0, 5).map((item) => item.reference);
    await expect.poll(() => shownReferences(page, locale, 5)).toEqual(meanTop);
    expect(meanTop).not.toEqual(normalisedTop);
    await page.getByText(t.method.normalised, { exact: true }).click();
    await expect(page).toHaveURL(/method=normalised/);
    await expect.poll(() => shownReferences(page, locale, 5)).toEqual(normalisedTop);

    // The harsh juror stands out in the severity chart's figures.
    const severity = page.getByRole('region', { name: t.severity.tableCaption });
    const harshRow = severity.getByRole('row').filter({ hasText: HARSH_JUROR });
    await expect(harshRow).toContainText(t.severity.labels.HARSH);
    await expect(page.getByRole('img', { name: new RegExp(escape(HARSH_JUROR)) })).toBeVisible();

    // Every juror's scorecard of the top application, with names (staff only).
    const first = byNormalised.items[0]!;
    await page.getByRole('button', { name: format(t.table.open, { application: first.reference! }) }).click();
    const drawer = page.getByRole('dialog', { name: format(t.scorecards.title, { application: first.reference! }) });
    await expect(drawer).toBeVisible();
    const cards = await staffApi.get(`/api/rounds/${roundId}/applications/${first.applicationId}/scorecards`);
    for (const card of ((await cards.json()) as { items: { juror: { displayName: string } }[] }).items) {
      await expect(drawer.getByText(card.juror.displayName, { exact: false }).first()).toBeVisible();
    }
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // The XLSX export downloads a workbook.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: t.export.xlsx }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('ranking-round-1-normalised.xlsx');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // Shortlist the top 10 into round 2 and find them there.
    const expectedTop = byNormalised.items.filter((item) => item.rank !== null && item.rank <= TOP).map((item) => item.reference!);
    expect(expectedTop).toHaveLength(TOP);
    await page.getByRole('button', { name: format(plural(pluralForms(t.shortlist, 'top'), TOP, locale), { count: TOP }) }).click();
    const existing = format(plural(pluralForms(t.advance.button, 'existing'), TOP, locale), { count: TOP, number: 2 });
    const created = format(plural(pluralForms(t.advance.button, 'new'), TOP, locale), { count: TOP, number: 2 });
    await page.getByRole('button', { name: new RegExp(`^(${escape(existing)}|${escape(created)})`) }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.advance.confirm }).click();
    const openRound = page.getByRole('link', { name: format(t.advance.openRound, { number: 2 }) });
    await expect(openRound).toBeVisible();
    await expect(page.getByText(t.table.advancedBadge, { exact: true })).toHaveCount(TOP);
    await openRound.click();
    await expect(page).toHaveURL(/\/admin\/rounds\/[0-9a-f-]+$/);
    const roundTwoId = /\/admin\/rounds\/([0-9a-f-]+)$/.exec(page.url())![1]!;
    await page.getByRole('link', { name: roundsTexts[locale].round.ranking }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.page.heading })).toBeVisible();
    expect((await shownReferences(page, locale, TOP)).sort()).toEqual([...expectedTop].sort());
    const roundTwo = await ranking(staffApi, roundTwoId, 'normalised');
    expect(roundTwo.items.map((item) => item.reference).sort()).toEqual([...expectedTop].sort());
    expect(roundTwo.items.every((item) => item.status === 'SHORTLISTED')).toBe(true);

    // Undo, so the demo round is as it was (and the other language's run starts from the same state).
    await page.goto(`/admin/rounds/${roundId}/ranking`);
    const advances = page.getByTestId('advances');
    await advances.getByRole('button', { name: t.advances.undo }).first().click();
    await page.getByRole('dialog').getByRole('button', { name: t.advances.undo }).click();
    await expect(page.getByText(t.table.advancedBadge, { exact: true })).toHaveCount(0);
    expect((await ranking(staffApi, roundTwoId, 'normalised')).items).toHaveLength(0);
    // Round 2 is empty again: it goes too, so the demo call has round 1 only, as loaded.
    const removed = await staffApi.delete(`/api/rounds/${roundTwoId}`);
    expect(removed.status(), await removed.text()).toBe(204);
  });
}
