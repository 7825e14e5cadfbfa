import type { TApplication, TBallotResult, TLocale, TRound, TRoundAssignments } from '@tahkim/contracts';
import type { APIRequestContext, Page } from '@playwright/test';
import { expectLanguage, pageLocale, signIn, switchLanguage } from './support/app';
import { startDraft, templatePattern } from './support/apply';
import { checkOpenDialog } from './support/axe';
import { apiCall, ballotOrder, decisionTexts } from './support/decisions';
import { apiPerson, createPublishedCall, roundsTexts, signInStaffApi } from './support/jury';
import { format } from './support/locales';
import { allowConsoleErrors, DEMO, expect, strongPassword, test, uniqueEmail } from './support/test';

const CRITERIA = [{ key: 'impact', label: { fr: 'Impact social', ar: 'الأثر الاجتماعي', en: 'Social impact' }, weight: 1, scaleMin: 1, scaleMax: 5 }];

interface Person {
  displayName: string;
  email: string;
  password: string;
  locale: TLocale;
}

/** Someone registers through the API, optionally naming the organisation they work for. */
async function register(baseURL: string, who: { displayName: string; locale: TLocale; organisation?: string }): Promise<{ person: Person; api: APIRequestContext }> {
  const api = await apiPerson(baseURL);
  const person = { displayName: who.displayName, locale: who.locale, email: uniqueEmail(`conflicts-${who.locale}`), password: strongPassword() };
  await apiCall(api, 'post', '/api/auth/register', person, 201);
  if (who.organisation) await apiCall(api, 'patch', '/api/auth/me', { organisation: who.organisation });
  return { person, api };
}

/** An applicant of the call, whose account names their organisation, submits a project. */
async function applicantSubmits(baseURL: string, callId: string, who: { displayName: string; locale: TLocale; organisation?: string; projectTitle: string }): Promise<TApplication> {
  const { api } = await register(baseURL, who);
  try {
    const draft = await startDraft(api, callId, { project_title: who.projectTitle });
    return await apiCall<TApplication>(api, 'post', `/api/applications/${draft.id}/submit`, { version: draft.version });
  } finally {
    await api.dispose();
  }
}

/** Signs in with the app's first page in French; the person's own language takes over. */
async function signInAs(page: Page, person: { email: string; password: string }, locale: TLocale): Promise<void> {
  await signIn(page, 'fr', person);
  await expect(page).not.toHaveURL(/\/login/);
  if ((await pageLocale(page)) !== locale) await switchLanguage(page, locale);
  await expectLanguage(page, locale);
}

/**
 * Conflicts of interest, in the browser: a juror of a final ballot declares one from the ballot page (in
 * Arabic) and the finalist leaves their ballot while the rest of their order stays; staff (in French) see
 * it on the ballot result and in the round's conflicts. Staff assigning a juror against a suggested
 * conflict (the juror's organisation is the applicant's) are asked to confirm, juror and application named.
 */
test('a ballot juror declares a conflict from the ballot page in Arabic; the finalist leaves the ballot and staff see it in French', async ({ page, newPerson }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const staffApi = await signInStaffApi(baseURL);
  const call = await createPublishedCall(staffApi);
  const applications: TApplication[] = [];
  for (const [index, projectTitle] of ['Atelier de couture solidaire', 'تعاونية الأركان', 'Ferme solaire partagée'].entries()) {
    applications.push(await applicantSubmits(baseURL, call.id, { displayName: `Porteur ${index}`, locale: index === 1 ? 'ar' : 'fr', projectTitle }));
  }
  const [A, B, C] = applications as [TApplication, TApplication, TApplication];
  const ref = (application: TApplication) => application.reference!;

  const round1 = (await apiCall<{ items: TRound[] }>(staffApi, 'get', `/api/calls/${call.id}/rounds`)).items.find((r) => r.number === 1)!;
  await apiCall(staffApi, 'put', `/api/rounds/${round1.id}/criteria`, { criteria: CRITERIA });
  await apiCall(staffApi, 'patch', `/api/rounds/${round1.id}`, { status: 'OPEN', acknowledgeEarly: true });
  const ballotName = { fr: 'Vote final', ar: 'التصويت النهائي', en: 'Final vote' };
  const round2 = await apiCall<TRound>(staffApi, 'post', `/api/calls/${call.id}/rounds`, { name: ballotName, type: 'BALLOT', status: 'OPEN', acknowledgeEarly: true }, 201);
  await apiCall(staffApi, 'post', `/api/rounds/${round1.id}/advance`, { applicationIds: applications.map((a) => a.id), targetRoundId: round2.id }, 201);
  const { person: juror, api: jurorApi } = await register(baseURL, { displayName: 'سلمى الإدريسي', locale: 'ar' });
  await jurorApi.dispose();
  await apiCall(staffApi, 'post', `/api/rounds/${round2.id}/jurors`, { emails: [juror.email] });

  // ---- The juror, in Arabic, moves C to the top, then declares a conflict with B.
  const t = decisionTexts.ar.ballot;
  const jurorPage = await newPerson();
  await signInAs(jurorPage, juror, 'ar');
  await jurorPage.goto(`/jury/ballots/${round2.id}`);
  await expect(jurorPage.getByRole('heading', { level: 1, name: t.heading })).toBeVisible();
  await expect(jurorPage.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await ballotOrder(jurorPage)).toEqual([ref(A), ref(B), ref(C)]);
  const row = (application: TApplication) => jurorPage.locator(`li[data-ballot-id="${application.id}"]`);
  await row(C).locator('[data-control="top"]').click();
  await expect.poll(() => ballotOrder(jurorPage)).toEqual([ref(C), ref(A), ref(B)]);

  // One control per finalist, named with the project for screen readers.
  const declare = row(B).locator('[data-control="conflict"]');
  await expect(declare).toHaveText(t.conflict.action);
  await expect(declare).toHaveAccessibleName(new RegExp(`^${format(t.conflict.actionFor, { name: ref(B) })}`, 'u'));
  await declare.click();
  const dialog = jurorPage.getByRole('dialog');
  await expect(dialog).toContainText(t.conflict.body);
  await expect(dialog.getByRole('heading')).toContainText(ref(B));
  // No reason, no declaration.
  await dialog.getByRole('button', { name: t.conflict.confirm }).click();
  await expect(dialog.getByText(t.conflict.reasonRequired)).toBeVisible();
  await dialog.getByRole('textbox', { name: new RegExp(t.conflict.reason) }).fill('أقدّم الاستشارة لهذه التعاونية.');
  await dialog.getByRole('button', { name: t.conflict.confirm }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => ballotOrder(jurorPage)).toEqual([ref(C), ref(A)]);
  await expect(jurorPage.getByTestId('ballot-conflicts')).toContainText(t.conflict.listTitle);
  await expect(jurorPage.getByTestId('ballot-conflicts')).toContainText(ref(B));
  // After a reload the ballot is the same: the order of the others kept, B gone.
  await jurorPage.reload();
  await expect.poll(() => ballotOrder(jurorPage)).toEqual([ref(C), ref(A)]);
  await jurorPage.getByRole('button', { name: t.submit.button }).click();
  await jurorPage.getByRole('dialog', { name: t.submit.confirmTitle }).getByRole('button', { name: t.submit.confirm, exact: true }).click();
  await expect(jurorPage.getByText(templatePattern(t.submit.submittedOn))).toBeVisible();

  const result = await apiCall<TBallotResult>(staffApi, 'get', `/api/rounds/${round2.id}/ballot-result`);
  expect(result.jurors).toMatchObject([{ displayName: juror.displayName, status: 'SUBMITTED', order: [C.id, A.id], conflicts: [B.id] }]);

  // ---- Staff, in French, read it on the ballot result and in the round's conflicts.
  await signInAs(page, DEMO.staff, 'fr');
  const s = decisionTexts.fr.ballot;
  await page.goto(`/admin/rounds/${round2.id}/ballot`);
  await expect(page.getByRole('heading', { level: 1, name: s.staff.title })).toBeVisible();
  const jurorRow = page.getByRole('row').filter({ hasText: juror.displayName });
  await expect(jurorRow).toContainText(format(s.staff.conflicts, { list: ref(B) }));
  await jurorRow.getByRole('button', { name: s.staff.showOrder }).click();
  await expect(jurorRow.getByRole('listitem')).toHaveText([ref(C), ref(A)]);

  const r = roundsTexts.fr;
  await page.goto(`/admin/rounds/${round2.id}?tab=conflicts`);
  const conflictRow = page.getByRole('row').filter({ hasText: juror.displayName });
  await expect(conflictRow).toContainText(ref(B));
  await expect(conflictRow).toContainText(r.conflicts.sources.DECLARED);
  await expect(conflictRow).toContainText('أقدّم الاستشارة لهذه التعاونية.');
});

test('staff assigning a juror against a suggested conflict (same organisation) confirm it in a dialog naming the juror and the application', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const staffApi = await signInStaffApi(baseURL);
  const call = await createPublishedCall(staffApi);
  const tifawin = await applicantSubmits(baseURL, call.id, { displayName: 'Aicha Tifawin', locale: 'fr', organisation: 'Coopérative Tifawin', projectTitle: 'Huile d’argan équitable' });
  const other = await applicantSubmits(baseURL, call.id, { displayName: 'Omar Lahlou', locale: 'fr', projectTitle: 'Ferme-école' });
  const round1 = (await apiCall<{ items: TRound[] }>(staffApi, 'get', `/api/calls/${call.id}/rounds`)).items.find((r) => r.number === 1)!;
  await apiCall(staffApi, 'put', `/api/rounds/${round1.id}/criteria`, { criteria: CRITERIA });
  await apiCall(staffApi, 'patch', `/api/rounds/${round1.id}`, { status: 'OPEN', scorecardsRequired: 1, acknowledgeEarly: true });
  const { person: juror, api: jurorApi } = await register(baseURL, { displayName: 'Karim Bennani', locale: 'fr', organisation: 'TIFAWIN (coopérative)' });
  await jurorApi.dispose();
  await apiCall(staffApi, 'post', `/api/rounds/${round1.id}/jurors`, { emails: [juror.email] });

  // Suggested the moment the juror joined; automatic assignment leaves the pair out.
  const auto = await apiCall<{ shortfalls: Array<{ applicationId: string; reason: string }> }>(staffApi, 'post', `/api/rounds/${round1.id}/assignments/auto`);
  expect(auto.shortfalls).toEqual([expect.objectContaining({ applicationId: tifawin.id, reason: 'CONFLICTS' })]);
  const before = await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round1.id}/assignments`);
  expect(before.suggestions).toEqual([expect.objectContaining({ applicationId: tifawin.id, reason: 'TIFAWIN (coopérative)' })]);
  expect(before.assignments.map((a) => a.applicationId)).toEqual([other.id]);

  const r = roundsTexts.fr.assignment;
  await signInAs(page, DEMO.staff, 'fr');
  // Saving against the suggested conflict is refused (409) until staff confirm it in the dialog.
  allowConsoleErrors(page, /status of 409 \(Conflict\) at \S+\/api\/rounds\/[^/]+\/assignments$/u);
  await page.goto(`/admin/rounds/${round1.id}?tab=assignment`);
  const cell = page.getByRole('checkbox', { name: format(r.cell.toggle, { juror: juror.displayName, application: tifawin.reference! }) });
  await expect(cell).not.toBeChecked();
  await expect(page.getByRole('img', { name: /TIFAWIN \(coopérative\)/u })).toBeVisible();
  await cell.check();
  await page.getByRole('button', { name: r.save }).click();
  const dialog = page.getByRole('dialog', { name: r.suggested.title });
  await expect(dialog.getByTestId('suggested-conflicts')).toContainText(`${juror.displayName} – ${tifawin.reference!}`);
  await expect(dialog).toContainText('TIFAWIN (coopérative)');
  // It opens on the confirmation asked for and passes axe-core at 360 and 1280 px.
  await expect(dialog.getByRole('button', { name: r.suggested.confirm })).toBeFocused();
  const findings: string[] = [];
  await checkOpenDialog(page, r.suggested.title, 'assign against a suggested conflict', findings);
  expect(findings).toEqual([]);
  // Cancelling saves nothing.
  await dialog.getByRole('button', { name: r.suggested.cancel }).click();
  await expect(dialog).toBeHidden();
  expect((await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round1.id}/assignments`)).assignments).toHaveLength(1);

  await page.getByRole('button', { name: r.save }).click();
  // Listened for once the refusal is shown, so only the confirmed save's answer is caught.
  await expect(dialog.getByRole('button', { name: r.suggested.confirm })).toBeVisible();
  const saved = page.waitForResponse((response) => response.request().method() === 'PUT' && response.url().endsWith(`/api/rounds/${round1.id}/assignments`));
  await dialog.getByRole('button', { name: r.suggested.confirm }).click();
  // The answer is checked before the page: a refused save names its reason here.
  const answer = await saved;
  expect(answer.status(), await answer.text()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(page.getByText(r.saved)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: format(r.cell.toggle, { juror: juror.displayName, application: tifawin.reference! }) })).toBeChecked();
  const after = await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round1.id}/assignments`);
  expect(after.suggestions).toEqual([]);
  expect(after.assignments.map((a) => a.applicationId).sort()).toEqual([tifawin.id, other.id].sort());
});
