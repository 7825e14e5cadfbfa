import type { TRanking, TRankingQueryMethod, TRoundAssignments } from '@tahkim/contracts';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import arResults from '../src/locales/ar/results.json' with { type: 'json' };
import frResults from '../src/locales/fr/results.json' with { type: 'json' };
import { createTeamMember, expectLanguage, signIn, switchLanguage } from './support/app';
import { demoCall } from './support/apply';
import { apiCall, applicantsSubmit, inviteJurors, jurorScores, roundOne as firstRoundOf, type Person } from './support/decisions';
import { createPublishedCall, signInStaffApi } from './support/jury';
import { format } from './support/locales';
import { expect, test } from './support/test';

type Language = 'fr' | 'ar';
const resultsTexts = { fr: frResults, ar: arResults } as const;
/** The demo's harsh juror: about 25 points under co-jurors on the same applications. */
const HARSH_JUROR = 'Driss Lahbabi';

async function roundOne(staffApi: APIRequestContext): Promise<string> {
  const call = await demoCall(staffApi);
  const response = await staffApi.get(`/api/calls/${call.id}/rounds`);
  expect(response.status(), await response.text()).toBe(200);
  const round = ((await response.json()) as { items: { id: string; number: number }[] }).items.find((r) => r.number === 1);
  if (!round) throw new Error('The demo call has no round 1');
  return round.id;
}

async function ranking(staffApi: APIRequestContext, roundId: string, method: TRankingQueryMethod): Promise<TRanking> {
  const response = await staffApi.get(`/api/rounds/${roundId}/ranking`, { params: { method } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as TRanking;
}

/** "1,47", "-0,09", "−0,09" (any minus sign, any decimal sign) → a number. */
function readNumber(text: string): number {
  const match = /([-−‒]?)\s*(\d+)(?:[.,٫](\d+))?/u.exec(text.replace(/[\u200e\u200f\u061c\u2066-\u2069]/gu, ''));
  if (!match) throw new Error(`No number in "${text}"`);
  return Number(`${match[1] ? '-' : ''}${match[2]}.${match[3] ?? '0'}`);
}

/** The rows shown, top to bottom: the rank, the score beside it, and the rank difference in words. */
async function shownRows(page: Page): Promise<Array<{ reference: string; rank: string; score: string; shift: string }>> {
  return page.getByTestId('ranking-row').evaluateAll((rows) =>
    rows.map((row) => ({
      reference: row.querySelector('.ranking-sticky [dir="ltr"]')?.textContent?.trim() ?? '',
      rank: row.querySelector('[data-testid="ranking-rank"] > span')?.textContent?.trim() ?? '',
      score: row.querySelector('[data-testid="ranking-score"]')?.textContent?.trim() ?? '',
      shift: row.querySelector('[data-testid="ranking-shift"]')?.textContent?.trim() ?? '',
    })),
  );
}

function plural(texts: Record<string, string>, key: string, count: number, locale: Language): string {
  const form = texts[`${key}_${new Intl.PluralRules(locale).select(count)}`] ?? texts[`${key}_other`];
  if (form === undefined) throw new Error(`No plural form of ${key}`);
  return form;
}

/** Under `method`, the score beside each rank is that method's score, and it never rises down the list. */
async function expectScoresOfTheMethod(page: Page, locale: Language, method: TRankingQueryMethod, api: TRanking): Promise<void> {
  const t = resultsTexts[locale];
  const other: TRankingQueryMethod = method === 'mean' ? 'normalised' : 'mean';
  await expect(page.getByRole('columnheader', { name: t.table.score[method], exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: t.table.secondaryScore[other], exact: true })).toBeVisible();
  const rows = await shownRows(page);
  const byReference = new Map(api.items.map((item) => [item.reference, item]));
  const ranked = rows.filter((row) => /\d/u.test(row.rank));
  expect(ranked.length).toBe(api.items.filter((item) => item.rank !== null).length);
  let previous = Number.POSITIVE_INFINITY;
  for (const row of ranked) {
    const item = byReference.get(row.reference)!;
    const expected = method === 'mean' ? item.meanScore! : item.normalisedScore!;
    const digits = method === 'mean' ? 1 : 2;
    const shown = readNumber(row.score);
    expect(shown, `${row.reference} ${row.score}`).toBeCloseTo(expected, digits);
    expect(shown, `${row.reference} after ${previous}`).toBeLessThanOrEqual(previous + 1e-9);
    previous = shown;
    expect(readNumber(row.rank)).toBe(method === 'mean' ? item.meanRank : item.normalisedRank);

    // "6 (↑ 5)" is said in words: how many places higher or lower than by the other method.
    const difference = method === 'normalised' ? item.rankDifference! : -item.rankDifference!;
    const otherName = t.methodVs[other];
    const words =
      difference === 0 ? format(t.shiftVs.same, { other: otherName })
      : format(plural(t.shiftVs, difference > 0 ? 'up' : 'down', Math.abs(difference), locale), { count: Math.abs(difference), other: otherName });
    expect(row.shift).toBe(words);
  }
}

for (const locale of ['fr', 'ar'] as const) {
  test(`the ranking pairs each rank with the score of the method that ranks it, explains rank differences, shows how jurors differ, and its headings fit (${locale})`, async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const t = resultsTexts[locale];
    const staffApi = await signInStaffApi(baseURL!);
    const roundId = await roundOne(staffApi);
    const byNormalised = await ranking(staffApi, roundId, 'normalised');
    const byMean = await ranking(staffApi, roundId, 'mean');
    expect(byNormalised.round.method).toBe('NORMALISED');

    const member = await createTeamMember(await signInStaffApi(baseURL!));
    await signIn(page, 'fr', member);
    await expect(page).toHaveURL(/\/admin/);
    if (locale !== 'fr') await switchLanguage(page, locale);
    await page.goto(`/admin/rounds/${roundId}/ranking`);
    await expect(page.getByRole('heading', { level: 1, name: t.page.heading })).toBeVisible();
    await expectLanguage(page, locale);

    // The round's own method (normalised): z-scores beside the ranks; then the mean.
    await expect(page.getByTestId('ranking-row').first()).toBeVisible();
    await expectScoresOfTheMethod(page, locale, 'normalised', byNormalised);
    await page.getByText(t.method.mean, { exact: true }).click();
    await expect(page).toHaveURL(/method=mean/);
    await expect(page.getByRole('columnheader', { name: t.table.score.mean, exact: true })).toBeVisible();
    await expectScoresOfTheMethod(page, locale, 'mean', byMean);

    // Severity: no constant column; each juror's mean, spread and distance from co-jurors, explained.
    const severity = page.getByRole('region', { name: t.severity.tableCaption });
    const headers = await severity.getByRole('columnheader').allInnerTexts();
    expect(headers.map((text) => text.trim())).toEqual(
      [t.severity.columns.juror, t.severity.columns.count, t.severity.columns.mean, t.severity.columns.spread, t.severity.columns.range, t.severity.columns.peers, t.severity.columns.reading],
    );
    await expect(page.getByTestId('severity-explanation')).toHaveText(t.severity.explanation);
    const harsh = byNormalised.jurors.find((juror) => juror.displayName === HARSH_JUROR)!;
    const harshRow = severity.getByRole('row').filter({ hasText: HARSH_JUROR });
    expect(readNumber(await harshRow.getByTestId('severity-peers').innerText())).toBeCloseTo(harsh.meanDeviationFromPeers!, 1);
    expect(harsh.meanDeviationFromPeers!).toBeLessThan(-5);

    // At 1280 px, criterion headings wrap between words: none overflows its column or breaks inside a word.
    await page.setViewportSize({ width: 1280, height: 800 });
    const criteria: Locator = page.locator('th.ranking-criterion');
    await expect(criteria).toHaveCount(byNormalised.criteria.length);
    const fits = await criteria.evaluateAll((cells) =>
      cells.map((cell) => {
        const style = getComputedStyle(cell);
        return { text: cell.textContent, wraps: style.overflowWrap === 'normal' && style.wordBreak === 'normal', overflow: cell.scrollWidth - cell.clientWidth, title: cell.getAttribute('title') };
      }),
    );
    for (const cell of fits) {
      expect(cell, JSON.stringify(cell)).toMatchObject({ wraps: true, title: cell.text });
      expect(cell.overflow, JSON.stringify(cell)).toBeLessThanOrEqual(1);
    }
  });
}

test('a round ranked by the mean shows the mean beside its ranks, the normalised score only to compare (fr)', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const t = resultsTexts.fr;
  const staffApi = await signInStaffApi(baseURL!);
  const call = await createPublishedCall(staffApi);
  await applicantsSubmit(baseURL!, call.id, [
    { displayName: 'Nora Moyenne', locale: 'fr', projectTitle: 'Jardin partagé' },
    { displayName: 'Omar Moyenne', locale: 'fr', projectTitle: 'Atelier vélo' },
    { displayName: 'Lina Moyenne', locale: 'fr', projectTitle: 'Épicerie solidaire' },
  ]);
  const round = await firstRoundOf(staffApi, call.id);
  const criteria = [{ key: 'impact', label: { fr: 'Impact', ar: 'الأثر', en: 'Impact' }, weight: 1, scaleMin: 0, scaleMax: 10 }];
  await apiCall(staffApi, 'put', `/api/rounds/${round.id}/criteria`, { criteria });
  await apiCall(staffApi, 'patch', `/api/rounds/${round.id}`, { method: 'MEAN', status: 'OPEN', scorecardsRequired: 2, acknowledgeEarly: true });
  const jurors = (await inviteJurors(baseURL!, staffApi, round.id, [
    { displayName: 'Juré sévère', locale: 'fr' },
    { displayName: 'Juré indulgent', locale: 'fr' },
  ])) as [Person, Person];
  await apiCall(staffApi, 'post', `/api/rounds/${round.id}/assignments/auto`);
  const plan = await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round.id}/assignments`);
  const { items: saved } = await apiCall<{ items: Array<{ id: string }> }>(staffApi, 'get', `/api/rounds/${round.id}/criteria`);
  // Different values per juror and application, so the two methods disagree somewhere.
  const values = [[2, 3, 4], [9, 6, 10]];
  await Promise.all(
    jurors.map((juror, index) => {
      const jurorId = plan.jurors.find((j) => j.displayName === juror.displayName)!.id;
      const cards = plan.assignments
        .filter((assignment) => assignment.jurorId === jurorId)
        .map((assignment, position) => ({ assignmentId: assignment.id, values: [values[index]![position % 3]!], comment: 'Lu', shareable: false }));
      return jurorScores(baseURL!, juror, saved.map((criterion) => criterion.id), cards);
    }),
  );
  const byMean = await ranking(staffApi, round.id, 'mean');
  expect(byMean.round.method).toBe('MEAN');
  expect(byMean.items.every((item) => item.rank !== null)).toBe(true);

  const member = await createTeamMember(await signInStaffApi(baseURL!));
  await signIn(page, 'fr', member);
  await expect(page).toHaveURL(/\/admin/);
  await page.goto(`/admin/rounds/${round.id}/ranking`);
  await expect(page.getByRole('heading', { level: 1, name: t.page.heading })).toBeVisible();
  await expect(page.getByTestId('ranking-row').first()).toBeVisible();
  await expectScoresOfTheMethod(page, 'fr', 'mean', byMean);
});
