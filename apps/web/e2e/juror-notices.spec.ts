import type { Locator, Page } from '@playwright/test';
import { expectLanguage, signIn } from './support/app';
import { checkPageAtWidths } from './support/axe';
import { emailsTo } from './support/apply';
import { apiPerson, createPublishedCall, invitationToken, jurorEmail, roundsTexts, signInStaffApi, submitApplication } from './support/jury';
import { format, startingWith, texts } from './support/locales';
import { DEMO, expect, strongPassword, test } from './support/test';

const FSI = '\u2068';
const PDI = '\u2069';
const inText = (value: string | number) => `${FSI}${value}${PDI}`;

/** The emails page filtered on one recipient, as staff use it; returns the list's items (accordion controls). */
async function openEmailsTo(page: Page, to: string): Promise<Locator> {
  const { admin } = texts.fr;
  await page.goto('/admin/emails');
  await expect(page.getByRole('heading', { level: 1, name: admin.emails.heading })).toBeVisible();
  const filters = page.getByRole('search', { name: admin.emails.filters.label });
  await filters.getByLabel(startingWith(admin.emails.filters.to)).fill(to);
  await filters.getByRole('button', { name: admin.emails.filters.apply }).click();
  await expect(page).toHaveURL(new RegExp(`to=${encodeURIComponent(to).replace(/[.+]/gu, '\\$&')}`, 'u'));
  return page.getByRole('button', { name: new RegExp(format(admin.emails.to, { to: `\u2066${to}\u2069` }).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'u') });
}

/**
 * Issue 12, "jurors told when work waits", in the browser: French staff invite an Arabic-speaking juror,
 * choosing Arabic on the form; the captured invitation is in Arabic and names the call, the round, its
 * applications and its deadline; the juror's home names the jury they joined before any assignment;
 * assigning while the round is a draft sends nothing, opening it sends one email, re-running the
 * automatic assignment sends nothing more.
 */
test('an Arabic-speaking juror invited from the French page is told in Arabic of the call and deadline, then once of the work waiting', async ({ page, newPerson }, testInfo) => {
  test.setTimeout(150_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const r = roundsTexts.fr;
  const ar = texts.ar;
  // axe-core findings on the pages this flow changed, at a phone's and a laptop's width.
  const findings: string[] = [];

  // Set-up through the API: a call with two submitted applications, round 1 with criteria and a deadline.
  const staffApi = await signInStaffApi(baseURL);
  const call = await createPublishedCall(staffApi);
  for (const title of ['Coopérative d’argan', 'Atelier de couture']) await submitApplication(baseURL, call.id, title);
  const listed = await staffApi.get(`/api/calls/${call.id}/rounds`);
  expect(listed.status(), await listed.text()).toBe(200);
  const round = ((await listed.json()) as { items: Array<{ id: string; number: number }> }).items.find((item) => item.number === 1)!;
  const criteria = await staffApi.put(`/api/rounds/${round.id}/criteria`, {
    data: { criteria: [{ key: 'impact', label: { fr: 'Impact', ar: 'الأثر', en: 'Impact' }, weight: 1, scaleMin: 0, scaleMax: 5 }] },
  });
  expect(criteria.status(), await criteria.text()).toBe(200);
  const dated = await staffApi.patch(`/api/rounds/${round.id}`, { data: { closesAt: '2031-03-15T18:00', scorecardsRequired: 1 } });
  expect(dated.status(), await dated.text()).toBe(200);

  // French staff invite the juror from the round's jurors tab, choosing Arabic for the email.
  await signIn(page, 'fr', DEMO.staff);
  await expect(page).toHaveURL(/\/admin/);
  await page.goto(`/admin/rounds/${round.id}`);
  await expectLanguage(page, 'fr');
  await page.getByRole('tab', { name: r.round.tabs.jurors }).click();
  const juror = { email: jurorEmail('arabic'), name: 'أمينة العلوي', password: strongPassword() };
  await page.getByLabel(r.jurors.addLabel).fill(juror.email);
  await expect(page.getByLabel(r.jurors.emailLocale)).toHaveValue('fr');
  await page.getByLabel(r.jurors.emailLocale).selectOption('ar');
  await page.getByRole('button', { name: r.jurors.add, exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: startingWith(format(r.jurors.resultInvited, { emails: '' }).trim()) })).toContainText(juror.email);
  await checkPageAtWidths(page, 'jurors tab with the invitation language', findings);

  // The captured invitation, on the staff emails page: Arabic, with the call, the round, its size and its deadline.
  const invitations = await openEmailsTo(page, juror.email);
  await expect(invitations).toHaveCount(1);
  await expect(invitations.first()).toContainText(`دعوة للانضمام إلى لجنة تحكيم «${call.title.ar}»`);
  await invitations.first().click();
  const invitationBody = page.locator('.email-text[lang="ar"]');
  await expect(invitationBody).toHaveAttribute('dir', 'rtl');
  await expect(invitationBody).toContainText(`لجنة تحكيم «${inText(call.title.ar)}» (${inText('الجولة 1')})`);
  await expect(invitationBody).toContainText(`عدد الملفات التي ستقيّمها اللجنة في هذه الجولة: ${inText(2)}`);
  await expect(invitationBody).toContainText(`آخر أجل للتقييم: ${inText('15 مارس 2031 في 18:00')} (بتوقيت الدار البيضاء)`);

  // The invitation page names the jury too.
  const token = await invitationToken(staffApi, juror.email);
  const jurorPage = await newPerson();
  await jurorPage.goto(`/invitations/${token}`);
  await expect(jurorPage.getByText(format(texts.fr.auth.invitation.jury, { call: inText(call.title.fr), round: inText('Tour 1') }))).toBeVisible();
  await checkPageAtWidths(jurorPage, 'invitation page naming the jury', findings);

  // The juror accepts (their account takes the invitation's language) and signs in: their home names the jury.
  const acceptor = await apiPerson(baseURL);
  const accepted = await acceptor.post(`/api/invitations/${token}/accept`, { data: { displayName: juror.name, password: juror.password } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  await acceptor.dispose();
  await signIn(jurorPage, 'fr', juror);
  await expect(jurorPage).toHaveURL(/\/jury$/);
  await expectLanguage(jurorPage, 'ar');
  const joined = jurorPage.getByRole('region', { name: ar.jury.joined.heading });
  await expect(joined).toContainText(format(ar.jury.joined.title, { call: inText(call.title.ar), round: inText('الجولة 1') }));
  await expect(joined).toContainText(ar.jury.joined.notOpen);
  await expect(joined).toContainText(ar.jury.joined.emailPromise);
  await expect(jurorPage.getByText(ar.jury.emptyTitle)).toHaveCount(0);
  await checkPageAtWidths(jurorPage, "juror's home in Arabic naming the jury joined", findings);

  // Assigning while the round is a draft sends nothing.
  await page.goto(`/admin/rounds/${round.id}`);
  await page.getByRole('tab', { name: r.round.tabs.assignment }).click();
  await page.getByRole('button', { name: r.assignment.preview.run }).click();
  await page.getByRole('button', { name: r.assignment.preview.confirm }).click();
  await expect(page.getByText(format(r.assignment.auto.summary, { created: 2, kept: 0 }))).toBeVisible();
  const workWaiting = async () => (await emailsTo(staffApi, juror.email)).filter((email) => email.template === 'jury-work-waiting');
  expect(await workWaiting()).toHaveLength(0);

  // Opening the round sends the juror one email; running the automatic assignment again sends nothing.
  const opened = await staffApi.patch(`/api/rounds/${round.id}`, { data: { status: 'OPEN', acknowledgeEarly: true } });
  expect(opened.status(), await opened.text()).toBe(200);
  await page.reload();
  await page.getByRole('tab', { name: r.round.tabs.assignment }).click();
  await page.getByRole('button', { name: r.assignment.preview.run }).click();
  // Nothing to add: the preview says so and its confirmation is disabled.
  await expect(page.getByText(r.assignment.preview.nothingToAdd)).toBeVisible();
  await expect(page.getByRole('button', { name: r.assignment.preview.confirm })).toBeDisabled();

  const emails = await openEmailsTo(page, juror.email);
  const waiting = emails.filter({ hasText: `ملفات في انتظار تقييمك: «${call.title.ar}»` });
  await expect(waiting).toHaveCount(1);
  await expect(emails).toHaveCount(2);
  await waiting.click();
  const waitingBody = page.locator('.email-text[lang="ar"]').filter({ hasText: 'عدد الملفات التي تنتظر تقييمك' });
  await expect(waitingBody).toContainText(`عدد الملفات التي تنتظر تقييمك: ${inText(2)}`);
  await expect(waitingBody).toContainText(`آخر أجل للتقييم: ${inText('15 مارس 2031 في 18:00')}`);
  await expect(waitingBody.getByRole('link', { name: `${baseURL}/jury` })).toBeVisible();

  // The juror's home now lists the two applications, and no longer says nothing is assigned.
  await jurorPage.reload();
  await expect(jurorPage.locator('li.assignment-row')).toHaveCount(2);
  await expect(jurorPage.getByRole('region', { name: ar.jury.joined.heading })).toHaveCount(0);
  expect(findings).toEqual([]);
});
