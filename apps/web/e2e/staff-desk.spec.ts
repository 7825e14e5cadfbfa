import type { TCallSummary, TStaffApplicationPage } from '@tahkim/contracts';
import type { Page } from '@playwright/test';
import arCallHome from '../src/locales/ar/callHome.json' with { type: 'json' };
import frCallHome from '../src/locales/fr/callHome.json' with { type: 'json' };
import arScreening from '../src/locales/ar/screening.json' with { type: 'json' };
import frScreening from '../src/locales/fr/screening.json' with { type: 'json' };
import { createTeamMember, signIn, switchLanguage } from './support/app';
import { apiPerson } from './support/jury';
import { format, startingWith, texts } from './support/locales';
import { DEMO, expect, test } from './support/test';

/**
 * The staff desk on the demo call: its home says where the call stands and what to do next, the
 * waiting dossiers are screened in a handful of clicks, and a dossier leads to the next one to screen.
 */
const home = frCallHome;
const screening = frScreening;

async function demoCallId(page: Page): Promise<string> {
  const calls = (await (await page.request.get('/api/admin/calls')).json()) as { items: Array<{ id: string; slug: string }> };
  const demo = calls.items.find((call) => call.slug === 'innovation-sociale-2026');
  if (!demo) throw new Error('The demo call is missing');
  return demo.id;
}

async function summaryOf(page: Page, callId: string): Promise<TCallSummary> {
  return (await (await page.request.get(`/api/calls/${callId}/summary`)).json()) as TCallSummary;
}

async function pending(page: Page, callId: string, query = ''): Promise<TStaffApplicationPage> {
  return (await (await page.request.get(`/api/calls/${callId}/applications?status=SUBMITTED&sort=submittedAt&order=asc&pageSize=100${query}`)).json()) as TStaffApplicationPage;
}


test('staff open the call home, bulk-screen the waiting dossiers in a handful of clicks, and go from dossier to dossier', async ({ page }) => {
  // A whole flow of a dozen pages on a machine that may be busy.
  test.setTimeout(120_000);
  await signIn(page, 'fr', DEMO.staff);
  await expect(page).toHaveURL(/\/admin/);
  const callId = await demoCallId(page);
  const before = await summaryOf(page, callId);
  expect(before.counts.pendingScreening).toBeGreaterThan(2);

  // The back office's calls list (a label of its own, not the public "Appels à projets") leads to the call's home.
  await page.getByRole('navigation', { name: texts.fr.admin.nav.label }).getByRole('link', { name: texts.fr.admin.nav.calls }).click();
  await page.locator(`a[href="/admin/calls/${callId}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/admin/calls/${callId}$`));
  await expect(page.getByText(home.phase.OPEN)).toBeVisible();

  const figures = page.getByRole('region', { name: home.figures.heading });
  await expect(figures.getByRole('link', { name: format(home.figures.open, { figure: home.figures.pendingScreening, value: before.counts.pendingScreening }) })).toBeVisible();
  await expect(figures.getByRole('link', { name: format(home.figures.open, { figure: home.figures.submitted, value: before.counts.submitted }) })).toBeVisible();
  const next = page.getByRole('region', { name: home.next.heading });
  await expect(next.getByText(format(home.next.SCREEN.text_other, { count: before.counts.pendingScreening }))).toBeVisible();
  // The call still takes applications: the step says so.
  await expect(next.getByText(home.next.SCREEN.early)).toBeVisible();
  await expect(page.getByRole('table', { name: home.rounds.caption })).toBeVisible();

  // Click 1: the next step's button opens the waiting dossiers, oldest first.
  await next.getByRole('link', { name: format(home.next.SCREEN.action_other, { count: before.counts.pendingScreening }) }).click();
  await expect(page).toHaveURL(/status=SUBMITTED/);
  await expect(page.getByText(new RegExp(`^${before.counts.pendingScreening} `, 'u')).first()).toBeVisible();

  // Click 2: keep those the rules find eligible.
  await page.getByLabel(screening.filters.eligibility, { exact: true }).selectOption('ELIGIBLE');
  await expect(page).toHaveURL(/eligibility=ELIGIBLE/);
  const likely = await pending(page, callId, '&eligibility=ELIGIBLE');
  expect(likely.total).toBeGreaterThan(0);

  // Clicks 3 to 6: select them all, mark them eligible, acknowledge the deadline, confirm.
  const bar = page.getByRole('region', { name: screening.bulk.region });
  await bar.getByRole('button', { name: screening.bulk.selectAll }).click();
  await expect(bar.getByText(format(likely.total === 1 ? screening.bulk.selected_one : screening.bulk.selected_other, { count: likely.total }))).toBeVisible();
  await bar.getByRole('button', { name: screening.bulk.markEligible }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(screening.early.title)).toBeVisible();
  const confirm = dialog.getByRole('button', { name: format(likely.total === 1 ? screening.bulk.confirm.ELIGIBLE_one : screening.bulk.confirm.ELIGIBLE_other, { count: likely.total }) });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('textbox', { name: startingWith(screening.bulk.note) }).fill('Pièces vérifiées en lot');
  await dialog.getByRole('checkbox', { name: screening.early.acknowledge }).check();
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(format(likely.total === 1 ? screening.bulk.done.ELIGIBLE_one : screening.bulk.done.ELIGIBLE_other, { count: likely.total }))).toBeVisible();
  await expect(page.getByText(screening.list.empty)).toBeVisible();

  // The API agrees: each of them is eligible, with the one note.
  for (const item of likely.items) {
    const screened = (await (await page.request.get(`/api/admin/applications/${item.id}`)).json()) as { status: string; screeningNote: string | null };
    expect(screened).toMatchObject({ status: 'ELIGIBLE', screeningNote: 'Pièces vérifiées en lot' });
  }

  // Back home, the figures have moved.
  await page.goto(`/admin/calls/${callId}`);
  const waiting = before.counts.pendingScreening - likely.total;
  await expect(
    page.getByRole('region', { name: home.figures.heading }).getByRole('link', { name: format(home.figures.open, { figure: home.figures.pendingScreening, value: waiting }) }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: home.figures.heading }).getByRole('link', { name: format(home.figures.open, { figure: home.figures.eligible, value: before.counts.eligible + likely.total }) }),
  ).toBeVisible();

  // From dossier to dossier: the first waiting one, screened, leads to the next one waiting in the same list.
  const rest = await pending(page, callId);
  expect(rest.total).toBe(waiting);
  expect(rest.total).toBeGreaterThan(1);
  await page.goto(`/admin/calls/${callId}/applications?status=SUBMITTED&sort=submittedAt&order=asc`);
  await page.getByRole('link', { name: rest.items[0]!.reference! }).click();
  const browse = page.getByRole('navigation', { name: screening.dossierNav.label });
  await expect(browse.getByText(format(screening.dossierNav.position, { position: 1, total: rest.total }))).toBeVisible();
  await expect(browse.getByRole('link', { name: screening.dossierNav.next })).toHaveAttribute('href', new RegExp(`/admin/applications/${rest.items[1]!.id}\\?`));
  await page.getByRole('button', { name: screening.screening.markEligible }).click();
  const single = page.getByRole('dialog');
  await single.getByRole('checkbox', { name: screening.early.acknowledge }).check();
  await single.getByRole('button', { name: screening.screening.confirm }).click();
  await expect(single).toBeHidden();
  const onward = page.getByRole('link', { name: format(screening.dossierNav.nextPending_other, { count: rest.total - 1 }) });
  await onward.click();
  await expect(page).toHaveURL(new RegExp(`/admin/applications/${rest.items[1]!.id}\\?`));
  await expect(page.getByRole('heading', { level: 1, name: rest.items[1]!.reference! })).toBeVisible();
  // It is now the first of the list of waiting dossiers, the one just screened having left it.
  await expect(page.getByRole('navigation', { name: screening.dossierNav.label }).getByText(format(screening.dossierNav.position, { position: 1, total: rest.total - 1 }))).toBeVisible();
});

test('the call home, the applications list and a dossier read in French and Arabic, on a phone and on a desktop', async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  // A staff account of its own: switching the language is remembered on the account.
  const api = await apiPerson(baseURL!);
  const member = await createTeamMember(api);
  await api.dispose();
  await signIn(page, 'fr', member);
  await expect(page).toHaveURL(/\/admin/);
  const callId = await demoCallId(page);
  const first = (await pending(page, callId)).items[0] ?? (await (await page.request.get(`/api/calls/${callId}/applications?pageSize=1`)).json()).items[0];
  const pages = [
    { name: 'home', path: `/admin/calls/${callId}`, ready: (locale: 'fr' | 'ar') => page.getByRole('region', { name: (locale === 'fr' ? frCallHome : arCallHome).next.heading }) },
    { name: 'applications', path: `/admin/calls/${callId}/applications?status=SUBMITTED`, ready: (locale: 'fr' | 'ar') => page.getByRole('region', { name: (locale === 'fr' ? frScreening : arScreening).bulk.region }) },
    { name: 'dossier', path: `/admin/applications/${first.id}?status=SUBMITTED`, ready: (locale: 'fr' | 'ar') => page.getByRole('navigation', { name: (locale === 'fr' ? frScreening : arScreening).dossierNav.label }) },
  ];
  for (const locale of ['fr', 'ar'] as const) {
    if (locale === 'ar') await switchLanguage(page, 'ar');
    for (const visit of pages) {
      await page.goto(visit.path);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await expect(visit.ready(locale)).toBeVisible();
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
        expect.soft(scrollWidth, `${visit.name} in ${locale}: the page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
        await page.screenshot({ path: testInfo.outputPath(`${visit.name}-${locale}-${width}.png`), fullPage: true });
      }
    }
  }
});
