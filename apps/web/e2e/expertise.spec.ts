import type { TAssignmentPlan, TRound, TRoundAssignments, TRoundJuror } from '@tahkim/contracts';
import arJury from '../src/locales/ar/jury.json' with { type: 'json' };
import { createApplicant, expectLanguage, signIn, switchLanguage } from './support/app';
import { apiCall } from './support/decisions';
import { apiPerson, createPublishedCall, roundsTexts, signInStaffApi, submitApplication } from './support/jury';
import { format } from './support/locales';
import { DEMO, expect, test } from './support/test';

/**
 * Issue 18 in the browser: a juror declares their expertise and says which projects they would like to
 * read, in Arabic; staff preview the automatic assignment (each pair with its reasons) and confirm it.
 * Two fields, four projects, two jurors, one reader each: the plan gives each project a juror who knows
 * its field, honours the wish to read, and keeps the juror away from the project they would rather not read.
 */

const TOPICS = [
  { key: 'agriculture', label: { ar: 'الفلاحة', fr: 'Agriculture', en: 'Agriculture' } },
  { key: 'media', label: { ar: 'الإعلام', fr: 'Médias', en: 'Media' } },
];

test('a juror sets expertise and wishes in Arabic; staff preview and confirm an assignment that follows them', async ({ page, newPerson }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const staffApi = await signInStaffApi(baseURL);
  const call = await createPublishedCall(staffApi);
  await apiCall(staffApi, 'put', `/api/calls/${call.id}/topics`, { topics: TOPICS, fieldKey: null });
  const projects = { olives: 'Pressoir coopératif d’olives', argan: 'تعاونية أركان', radio: 'Radio citoyenne du Haouz', podcast: 'بودكاست الشباب' };
  const ids: Record<keyof typeof projects, string> = { olives: '', argan: '', radio: '', podcast: '' };
  const references: Record<string, string> = {};
  for (const [name, title] of Object.entries(projects) as Array<[keyof typeof projects, string]>) {
    const application = await submitApplication(baseURL, call.id, title);
    ids[name] = application.id;
    references[application.id] = application.reference!;
    await apiCall(staffApi, 'put', `/api/applications/${application.id}/topics`, { topics: [name === 'olives' || name === 'argan' ? 'agriculture' : 'media'] });
  }
  const [round] = (await apiCall<{ items: TRound[] }>(staffApi, 'get', `/api/calls/${call.id}/rounds`)).items;
  await apiCall(staffApi, 'patch', `/api/rounds/${round!.id}`, { biddingOpen: true, scorecardsRequired: 1 });

  // Two accounts join the jury; the media expert's field is set by staff, the other juror declares theirs.
  const people = await apiPerson(baseURL);
  const amina = await createApplicant(people, 'ar', 'juror-amina');
  const omar = await createApplicant(people, 'fr', 'juror-omar');
  await people.dispose();
  await apiCall(staffApi, 'post', `/api/rounds/${round!.id}/jurors`, { emails: [amina.email, omar.email] });
  const roster = (await apiCall<{ items: TRoundJuror[] }>(staffApi, 'get', `/api/rounds/${round!.id}/jurors`)).items;
  const aminaId = roster.find((j) => j.email === amina.email)!.id;
  const omarId = roster.find((j) => j.email === omar.email)!.id;
  await apiCall(staffApi, 'put', `/api/rounds/${round!.id}/jurors/${omarId}/expertise`, { topics: ['media'] });

  // Amina, in Arabic: from her home to the round's preparation page.
  const j = arJury.bidding;
  await page.goto('/login');
  await switchLanguage(page, 'ar');
  await signIn(page, 'ar', amina);
  await expect(page).toHaveURL(/\/jury$/);
  await expectLanguage(page, 'ar');
  await expect(page.getByText(arJury.preparation.biddingOpen)).toBeVisible();
  await page.getByRole('link', { name: format(arJury.preparation.actionFor, { round: 'الجولة 1' }) }).or(page.getByRole('link', { name: arJury.preparation.action })).first().click();
  await expect(page.getByRole('heading', { level: 1, name: j.heading })).toBeVisible();

  // Her expertise: agriculture, saved.
  await page.getByRole('checkbox', { name: 'الفلاحة' }).check();
  await page.getByRole('button', { name: j.expertise.save }).click();
  await expect(page.getByText(j.expertise.saved)).toBeVisible();

  // Her wishes, one click on each project's choice (saved at once): she would like to read the citizen
  // radio and would rather not read the argan cooperative.
  const choices = (id: string) => page.getByRole('radiogroup', { name: new RegExp(references[id]!) });
  await expect(page.getByText(projects.radio)).toBeVisible();
  await expect(page.getByText(projects.radio)).toHaveAttribute('dir', 'auto');
  const wish = async (id: string, choice: 'WANT' | 'RATHER_NOT') => {
    const saved = page.waitForResponse((response) => response.url().endsWith(`/bids/${id}`) && response.request().method() === 'PUT');
    await choices(id).getByText(j.wishes.preference[choice], { exact: true }).click();
    expect((await saved).status()).toBe(200);
  };
  await wish(ids.radio, 'WANT');
  await wish(ids.argan, 'RATHER_NOT');
  await page.reload();
  await expect(choices(ids.radio).getByRole('radio', { name: j.wishes.preference.WANT })).toBeChecked();
  await expect(choices(ids.argan).getByRole('radio', { name: j.wishes.preference.RATHER_NOT })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'الفلاحة' })).toBeChecked();

  // Staff, in French: the preview explains each pair; nothing is written until they confirm.
  const r = roundsTexts.fr;
  const staff = await newPerson();
  await signIn(staff, 'fr', DEMO.staff);
  await expect(staff).toHaveURL(/\/admin/);
  await staff.goto(`/admin/rounds/${round!.id}?tab=assignment`);
  await staff.getByRole('button', { name: r.assignment.preview.run }).click();
  const table = staff.getByRole('table', { name: r.assignment.preview.pairs.caption });
  const row = (id: string) => table.getByRole('row').filter({ hasText: references[id]! });
  await expect(row(ids.olives)).toContainText(amina.displayName);
  // Topic labels are isolated in the sentence (a label may be written in either script).
  await expect(row(ids.olives)).toContainText(format(r.assignment.preview.reasons.expertise, { topic: '\u2068Agriculture\u2069' }));
  await expect(row(ids.radio)).toContainText(amina.displayName);
  await expect(row(ids.radio)).toContainText(r.assignment.preview.reasons.want);
  await expect(row(ids.argan)).toContainText(omar.displayName);
  await expect(row(ids.podcast)).toContainText(format(r.assignment.preview.reasons.expertise, { topic: '\u2068Médias\u2069' }));
  expect((await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round!.id}/assignments`)).assignments).toEqual([]);

  await staff.getByRole('button', { name: r.assignment.preview.confirm }).click();
  await expect(staff.getByText(format(r.assignment.auto.summary, { created: 4, kept: 0 }))).toBeVisible();
  const assigned = (await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round!.id}/assignments`)).assignments;
  expect(new Set(assigned.map((a) => `${a.jurorId}:${a.applicationId}`))).toEqual(
    new Set([`${aminaId}:${ids.olives}`, `${aminaId}:${ids.radio}`, `${omarId}:${ids.argan}`, `${omarId}:${ids.podcast}`]),
  );
  // The same data gives the same plan: a new preview has nothing to add.
  const again = await apiCall<TAssignmentPlan>(staffApi, 'post', `/api/rounds/${round!.id}/assignments/auto/preview`);
  expect(again.created).toBe(0);
  await staffApi.dispose();
});
