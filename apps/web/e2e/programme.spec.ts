import { defaultReportForm, type TProgramme } from '@tahkim/contracts';
import arApplications from '../src/locales/ar/applications.json' with { type: 'json' };
import arFollowUp from '../src/locales/ar/followUp.json' with { type: 'json' };
import arProgramme from '../src/locales/ar/programme.json' with { type: 'json' };
import arReports from '../src/locales/ar/reports.json' with { type: 'json' };
import frApplications from '../src/locales/fr/applications.json' with { type: 'json' };
import frFollowUp from '../src/locales/fr/followUp.json' with { type: 'json' };
import frProgramme from '../src/locales/fr/programme.json' with { type: 'json' };
import frReports from '../src/locales/fr/reports.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { expectLanguage, signIn } from './support/app';
import { expectNoHorizontalScroll, savedStatus } from './support/apply';
import { apiPerson, signInStaffApi } from './support/jury';
import { format } from './support/locales';
import { DEMO, expect, test, type Credentials } from './support/test';

/**
 * After the decision (issue 16, acceptance 2): staff set up the support programme of last year's demo
 * edition (four milestones, four indicators), then a winner writes a progress report on a phone (autosaved,
 * with a photo), sends it, staff ask for a change, the winner amends and sends it again, staff accept it and
 * the follow-up dashboard shows its values against the targets; in French, then in Arabic. Each report
 * flow adds a milestone of its own (named with the time of the attempt), so that an attempt that failed
 * half-way leaves nothing in the way of the next; the first test's milestone is removed again.
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
  const items = milestones.getByRole('group', { name: /^Étape \d+$/u });
  // A leftover of an earlier attempt is removed first.
  const leftover = milestones.getByRole('group').filter({ hasText: 'Rencontre régionale du Sud' });
  await expect(items.first()).toBeVisible();
  if ((await leftover.count()) > 0) {
    await milestones.getByRole('button', { name: format(t.milestones.remove, { number: await items.count() }) }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.actions.confirmRemove }).click();
    await page.getByRole('button', { name: t.save.button }).click();
    await expect(page.getByText(t.saved)).toBeVisible();
  }
  // The demo's four milestones, and those the report flows below added in earlier attempts.
  const before = await items.count();
  expect(before).toBeGreaterThanOrEqual(4);
  await expect(page.getByRole('region', { name: t.indicators.title }).getByRole('group', { name: /^Indicateur \d$/u })).toHaveCount(4);

  await milestones.getByRole('button', { name: t.milestones.add }).click();
  const added = milestones.getByRole('group', { name: format(t.milestones.item, { number: before + 1 }) });
  await added.getByRole('textbox', { name: t.milestones.titleField }).fill('Rencontre régionale du Sud');
  await added.getByRole('textbox', { name: /^Date/u }).fill('15/02/2027');
  await added.getByRole('textbox', { name: /^Heure/u }).fill('10:00');
  await page.getByRole('button', { name: t.save.button }).click();
  await expect(page.getByText(t.saved)).toBeVisible();

  await page.reload();
  const reloaded = page.getByRole('region', { name: t.milestones.title }).getByRole('group', { name: format(t.milestones.item, { number: before + 1 }) });
  await expect(reloaded.getByRole('textbox', { name: t.milestones.titleField })).toHaveValue('Rencontre régionale du Sud');
  await expect(reloaded.getByRole('textbox', { name: /^Date/u })).toHaveValue('15/02/2027');
  await expect(reloaded.getByTestId('item-key')).toContainText('rencontre_regionale_du_sud');

  // Removed again: the programme ends as it began.
  await page.getByRole('button', { name: format(t.milestones.remove, { number: before + 1 }) }).click();
  await page.getByRole('dialog').getByRole('button', { name: t.actions.confirmRemove }).click();
  await page.getByRole('button', { name: t.save.button }).click();
  await expect(page.getByText(t.saved)).toBeVisible();
  await expect(page.getByRole('region', { name: t.milestones.title }).getByRole('group', { name: /^Étape \d+$/u })).toHaveCount(before);
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

// ---- Progress reports, from the winner's phone to the dashboard ------------------------------------------

const PHONE = { width: 360, height: 740 };
const FORM = defaultReportForm();
const ACHIEVEMENTS = FORM.sections[0]!.fields.find((field) => field.key === 'achievements')!;
const EVIDENCE = FORM.sections[0]!.fields.find((field) => field.key === 'evidence')!;
/** A 1x1 PNG: the report's photo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const FLOWS = {
  fr: {
    winner: { email: 'tissage.atlas@tahkim.example', password: DEMO.applicant.password },
    reference: 'IS-2025-0002',
    reports: frReports,
    followUp: frFollowUp,
    applications: frApplications,
    women: 'Femmes formées',
    unit: 'femmes',
    written: 'Deux ateliers de teinture naturelle avec les coopératrices de Tazenakht.',
    amended: ' Sept femmes ont suivi tout le cycle ; la liste de présence est jointe.',
    comment: 'Merci de préciser combien de femmes ont suivi tout le cycle.',
  },
  ar: {
    winner: { email: 'matbakh.nour@tahkim.example', password: DEMO.applicant.password },
    reference: 'IS-2025-0001',
    reports: arReports,
    followUp: arFollowUp,
    applications: arApplications,
    women: 'النساء المكوَّنات',
    unit: 'امرأة',
    written: 'نظمنا دورتين في الطبخ وتسيير المطعم لفائدة نساء الحي.',
    amended: ' أتمت سبع نساء الدورة كاملة، ولائحة الحضور مرفقة.',
    comment: 'المرجو توضيح عدد النساء اللواتي أتممن الدورة كاملة.',
  },
} as const;
type FlowLocale = keyof typeof FLOWS;

/** The edition's programme and id, as staff read them. */
async function edition(baseURL: string): Promise<{ id: string; programme: TProgramme }> {
  const staff = await signInStaffApi(baseURL);
  const call = (await (await staff.get(`/api/calls/${EDITION}`)).json()) as { id: string };
  const programme = (await (await staff.get(`/api/calls/${call.id}/programme`)).json()) as TProgramme;
  await staff.dispose();
  return { id: call.id, programme };
}

/** Staff add a milestone asking for a report through the programme's page (French). */
async function addMilestoneInBrowser(page: Page, title: string): Promise<void> {
  const t = frProgramme;
  await openProgramme(page);
  const milestones = page.getByRole('region', { name: t.milestones.title });
  const items = milestones.getByRole('group', { name: /^Étape \d+$/u });
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  await milestones.getByRole('button', { name: t.milestones.add }).click();
  const added = milestones.getByRole('group', { name: format(t.milestones.item, { number: count + 1 }) });
  await added.getByRole('textbox', { name: t.milestones.titleField }).fill(title);
  await added.getByRole('textbox', { name: /^Date/u }).fill('30/06/2027');
  await added.getByRole('textbox', { name: /^Heure/u }).fill('18:00');
  await page.getByRole('button', { name: t.save.button }).click();
  await expect(page.getByText(t.saved)).toBeVisible();
}

/** Staff add the same through the API (the Arabic flow: the French one went through the page). */
async function addMilestoneThroughApi(baseURL: string, key: string, title: string): Promise<void> {
  const { id, programme } = await edition(baseURL);
  const staff = await signInStaffApi(baseURL);
  const saved = await staff.put(`/api/calls/${id}/programme`, {
    data: {
      version: programme.version,
      milestones: [
        ...programme.milestones.map((milestone) => ({ key: milestone.key, title: milestone.title, description: milestone.description ?? undefined, dueAt: milestone.dueAt, reportDue: milestone.reportDue })),
        { key, title: { ar: title, fr: title, en: title }, dueAt: '2027-06-30T18:00', reportDue: true },
      ],
      indicators: programme.indicators,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  await staff.dispose();
}

/** The winner's application in the edition, read through the API as the winner. */
async function winnerApplicationId(winner: Credentials): Promise<string> {
  const api = await apiPerson(test.info().project.use.baseURL!);
  const login = await api.post('/api/auth/login', { data: winner });
  expect(login.status(), await login.text()).toBe(200);
  const mine = (await (await api.get('/api/applications/mine')).json()) as { items: Array<{ id: string; call: { slug: string } }> };
  await api.dispose();
  return mine.items.find((item) => item.call.slug === EDITION)!.id;
}

/** The winner, on the phone, opens the milestone's report from their application page. */
async function openReportFromApplication(page: Page, locale: FlowLocale, title: string, action: 'write' | 'amend'): Promise<void> {
  const { reports } = FLOWS[locale];
  await page.goto(`/portal/applications/${await winnerApplicationId(FLOWS[locale].winner)}`);
  await expectLanguage(page, locale);
  const milestone = page.getByRole('list', { name: reports.card.listLabel }).getByRole('listitem').filter({ hasText: title });
  await milestone.getByRole('link', { name: reports.action[action] }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectNoHorizontalScroll(page, `the report for ${title}`);
}

async function sendReport(page: Page, locale: FlowLocale): Promise<void> {
  const { reports } = FLOWS[locale];
  await page.getByRole('button', { name: reports.form.submit }).click();
  await expect(page.getByText(new RegExp(reports.view.submitted.replace('{{date}}', '.+'), 'u'))).toBeVisible();
}

/** Staff open the report from the dashboard's table of projects and milestones. */
async function openReportFromDashboard(page: Page, locale: FlowLocale, callId: string, title: string): Promise<void> {
  const { followUp, reference } = FLOWS[locale];
  await page.goto(`/admin/calls/${callId}/follow-up`);
  const matrix = page.getByRole('table', { name: followUp.matrix.caption });
  await matrix.getByRole('row').filter({ hasText: reference }).getByRole('link', { name: new RegExp(title, 'u') }).click();
  await expect(page.getByRole('heading', { level: 2, name: followUp.review.decisionTitle })).toBeVisible();
}

async function reportFlow(page: Page, phone: Page, locale: FlowLocale, title: string): Promise<void> {
  const flow = FLOWS[locale];
  const { reports, followUp } = flow;
  const { id: callId } = await edition(test.info().project.use.baseURL!);

  // The winner writes the report on the phone: saved as they type, a photo attached, a value for the period.
  await signIn(phone, locale, flow.winner as Credentials);
  await openReportFromApplication(phone, locale, title, 'write');
  await phone.getByRole('textbox', { name: new RegExp(ACHIEVEMENTS.label[locale].slice(0, 12), 'u') }).fill(flow.written);
  const chooser = phone.waitForEvent('filechooser');
  await phone.getByRole('button', { name: format(flow.applications.files.chooseFor, { field: EVIDENCE.label[locale] }) }).click();
  await (await chooser).setFiles({ name: 'atelier.png', mimeType: 'image/png', buffer: PNG });
  await expect(phone.getByText('atelier.png')).toBeVisible();
  await phone.getByRole('textbox', { name: format(reports.indicators.labelWithUnit, { label: flow.women, unit: flow.unit }) }).fill('7');
  await expect(savedStatus(phone, locale)).toBeVisible({ timeout: 15_000 });
  // Autosaved: a reload finds everything back from the server.
  await phone.reload();
  await expect(phone.getByRole('textbox', { name: new RegExp(ACHIEVEMENTS.label[locale].slice(0, 12), 'u') })).toHaveValue(flow.written);
  await expect(phone.getByRole('textbox', { name: format(reports.indicators.labelWithUnit, { label: flow.women, unit: flow.unit }) })).toHaveValue('7');
  await sendReport(phone, locale);

  // Staff ask for a change, with a comment.
  await openReportFromDashboard(page, locale, callId, title);
  await page.getByRole('button', { name: followUp.review.askChanges }).click();
  await page.getByRole('textbox', { name: followUp.review.comment }).fill(flow.comment);
  await page.getByRole('button', { name: followUp.review.sendChanges }).click();
  await expect(page.getByText(followUp.review.changesRequested)).toBeVisible();

  // The winner reads the comment, amends the report and sends it again.
  await openReportFromApplication(phone, locale, title, 'amend');
  await expect(phone.getByRole('alert', { name: reports.page.changesTitle })).toContainText(flow.comment);
  const achievements = phone.getByRole('textbox', { name: new RegExp(ACHIEVEMENTS.label[locale].slice(0, 12), 'u') });
  await achievements.fill(flow.written + flow.amended);
  await expect(savedStatus(phone, locale)).toBeVisible({ timeout: 15_000 });
  await sendReport(phone, locale);

  // Staff accept it; the dashboard counts its value against the project's target.
  await openReportFromDashboard(page, locale, callId, title);
  await expect(page.getByText(flow.written + flow.amended)).toBeVisible();
  await page.getByRole('button', { name: followUp.review.accept }).click();
  await expect(page.getByText(followUp.review.accepted)).toBeVisible();
  await page.goto(`/admin/calls/${callId}/follow-up`);
  const project = page.locator('details').filter({ hasText: flow.reference });
  const women = project.getByRole('table', { name: new RegExp(`^${flow.women}`, 'u') });
  await expect(women.getByRole('row').filter({ hasText: title })).toContainText('7');
  await expect(project.getByRole('img', { name: new RegExp(`^${flow.women}`, 'u') })).toHaveAttribute('aria-label', /50/u);
}

test('a winner reports on a phone, staff ask for a change, then accept it: the dashboard shows it (French)', async ({ page, newPerson }) => {
  // Two people, a dozen pages and an upload: about 25 s on a quiet machine, several times that on a busy one.
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Bilan des ateliers ${stamp}`;
  await signIn(page, 'fr', DEMO.staff);
  await expect(page).not.toHaveURL(/\/login/u);
  await addMilestoneInBrowser(page, title);
  const phone = await newPerson({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'fr-FR' });
  await reportFlow(page, phone, 'fr', title);
});

test('the same in Arabic, right to left, on the winner\'s phone and on the staff pages', async ({ page, newPerson }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `حصيلة الورشات ${stamp}`;
  await addMilestoneThroughApi(test.info().project.use.baseURL!, `ateliers_${stamp}`, title);
  await page.addInitScript(() => {
    if (window === window.top) window.localStorage.setItem('tahkim.locale', 'ar');
  });
  await signIn(page, 'ar', DEMO.staff);
  await expect(page).not.toHaveURL(/\/login/u);
  const phone = await newPerson({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'ar-MA' });
  await phone.addInitScript(() => {
    if (window === window.top) window.localStorage.setItem('tahkim.locale', 'ar');
  });
  await reportFlow(page, phone, 'ar', title);
});
