import type { Page } from '@playwright/test';
import { createTeamMember, expectLanguage, pageLocale, signIn, switchLanguage } from './support/app';
import {
  acceptInvitationApi,
  createPublishedCall,
  invitationToken,
  jurorEmail,
  percentSource,
  roundsTexts,
  scoreSource,
  signInStaffApi,
  submitApplication,
  templateRegExp,
} from './support/jury';
import { format, startingWith, texts } from './support/locales';
import { expect, strongPassword, test } from './support/test';

/** The two languages the acceptance names; the criteria are written in both. */
type Language = 'fr' | 'ar';

const runs: [staffLocale: Language, jurorLocale: Language][] = [
  ['fr', 'ar'],
  ['ar', 'fr'],
];

/** What the juror under test types, in their language. */
const JUROR_WORDS: Record<Language, { name: string; conflictReason: string }> = {
  ar: { name: 'سلمى الإدريسي', conflictReason: 'أعرف حامل المشروع شخصياً.' },
  fr: { name: 'Salma Idrissi', conflictReason: 'Je connais personnellement le porteur du projet.' },
};

const LANGUAGE_NAMES: Record<Language, string> = { fr: 'French', ar: 'Arabic' };

/**
 * Acceptance 1 of the jury workspace, run in Arabic and in French: staff set weighted criteria, invite
 * two jurors and assign automatically; a juror accepts the invitation, declares a conflict, scores with
 * the keyboard, submits and checks their ranking; staff see the progress move. Once with French staff
 * and an Arabic juror, once with Arabic staff and a French juror. Every text expected is the one of the
 * language of the person acting. Each run has a call, applicants, a staff member and jurors of its own
 * (the staff member is not the demo one, because changing the language while signed in saves it to the
 * account), so the runs are independent and the demo round the other tests use is left alone.
 */
for (const [staffLocale, jurorLocale] of runs) {
  test(`staff set up a round and a juror scores it with the keyboard (${LANGUAGE_NAMES[staffLocale]} staff, ${LANGUAGE_NAMES[jurorLocale]} juror)`, async ({
    page,
    newPerson,
  }, testInfo) => {
    test.setTimeout(150_000);
    const baseURL = String(testInfo.project.use.baseURL);
    // Staff read the round pages, the back office and the common texts in their language; the juror reads theirs.
    const r = roundsTexts[staffLocale];
    const staff = texts[staffLocale];
    const j = texts[jurorLocale];

    // Set-up through the API: a fresh published call, three submitted applications and a staff member of this run.
    const staffApi = await signInStaffApi(baseURL);
    const call = await createPublishedCall(staffApi);
    for (const title of ['Ferme solaire', 'Atelier couture', 'Bibliothèque mobile']) await submitApplication(baseURL, call.id, title);
    // A context of its own: accepting the invitation signs it in as the new member, while staffApi stays the
    // demo staff account, an admin, who alone may read the invitation links of captured emails below.
    const member = await createTeamMember(await signInStaffApi(baseURL));

    // Staff sign in, switch to their language if needed, and open the call's rounds and round 1.
    await signIn(page, 'fr', member);
    await expect(page).toHaveURL(/\/admin/);
    if ((await pageLocale(page)) !== staffLocale) await switchLanguage(page, staffLocale);
    await expectLanguage(page, staffLocale);
    await expect(page.getByRole('navigation', { name: staff.admin.nav.label })).toBeVisible();
    await page.goto(`/admin/calls/${call.id}/rounds`);
    await expectLanguage(page, staffLocale);
    await expect(page.getByRole('heading', { level: 1, name: r.list.heading })).toBeVisible();
    await page.getByRole('link', { name: r.list.open }).click();
    await expect(page).toHaveURL(/\/admin\/rounds\/[\w-]+/);

    // Settings: two scorecards per application (two jurors, full coverage).
    await expect(page.getByRole('tab', { name: r.round.tabs.settings })).toHaveAttribute('aria-selected', 'true');
    await page.getByLabel(r.settings.scorecardsRequired).fill('2');
    await page.getByRole('button', { name: r.settings.save }).click();
    await expect(page.getByText(r.settings.saved)).toBeVisible();

    // Criteria (named in French and in Arabic): weights 3 and 1 show 75 % and 25 % as staff type.
    await page.getByRole('tab', { name: r.round.tabs.criteria }).click();
    const criteria = [
      { fr: 'Impact social', ar: 'الأثر الاجتماعي', weight: '3', share: 75 },
      { fr: 'Faisabilité', ar: 'قابلية التنفيذ', weight: '1', share: 25 },
    ];
    const row = (index: number) => page.getByRole('group', { name: format(r.criteria.rowLabel, { number: index + 1 }) });
    await expect(row(0)).toBeVisible();
    if ((await row(1).count()) === 0) await page.getByRole('button', { name: r.criteria.add }).click();
    for (const [index, criterion] of criteria.entries()) {
      const fieldset = row(index);
      await fieldset.getByLabel(format(r.criteria.label, { language: texts.fr.common.language.nativeName })).fill(criterion.fr);
      await fieldset.getByLabel(format(r.criteria.label, { language: texts.ar.common.language.nativeName })).fill(criterion.ar);
      await fieldset.getByLabel(r.criteria.weight, { exact: true }).fill(criterion.weight);
    }
    for (const [index, criterion] of criteria.entries()) {
      await expect(page.getByTestId(`share-${index}`)).toHaveText(templateRegExp(r.criteria.share, { share: percentSource(criterion.share) }));
    }
    await page.getByRole('button', { name: r.criteria.save }).click();
    await expect(page.getByText(r.criteria.saved)).toBeVisible();

    // Open the round in one action: the call still accepts applications, so staff acknowledge opening early.
    await page.getByRole('button', { name: r.open.button, exact: true }).click();
    const opening = page.getByRole('dialog', { name: format(r.open.title, { name: r.list.defaultName.replace('{{number}}', '1') }) });
    await expect(opening.getByText(r.open.earlyLate)).toBeVisible();
    await opening.getByRole('checkbox', { name: r.open.acknowledge }).check();
    await opening.getByRole('button', { name: r.open.confirm }).click();
    await expect(page.getByRole('heading', { level: 1 }).locator('..').getByText(r.status.OPEN, { exact: true })).toBeVisible();

    // Jurors: two new addresses are invited by email.
    const jurorA = { email: jurorEmail('a'), name: JUROR_WORDS[jurorLocale].name, password: strongPassword() };
    const jurorB = { email: jurorEmail('b'), name: 'Youssef B' };
    await page.getByRole('tab', { name: r.round.tabs.jurors }).click();
    await page.getByLabel(r.jurors.addLabel).fill(`${jurorA.email}\n${jurorB.email}`);
    await page.getByRole('button', { name: r.jurors.add, exact: true }).click();
    const invited = page.getByRole('listitem').filter({ hasText: startingWith(format(r.jurors.resultInvited, { emails: '' }).trim()) });
    await expect(invited).toContainText(jurorA.email);
    await expect(invited).toContainText(jurorB.email);

    // Juror A accepts the invitation in their own browser (French by default), in their language.
    const juror = await newPerson();
    await juror.goto(`/invitations/${await invitationToken(staffApi, jurorA.email)}`);
    if ((await pageLocale(juror)) !== jurorLocale) await switchLanguage(juror, jurorLocale);
    await expectLanguage(juror, jurorLocale);
    await expect(juror.getByRole('heading', { level: 1, name: j.auth.invitation.heading })).toBeVisible();
    await juror.getByLabel(startingWith(j.auth.fields.displayName)).fill(jurorA.name);
    await juror.getByLabel(startingWith(j.auth.fields.password)).fill(jurorA.password);
    await juror.getByRole('button', { name: j.auth.invitation.submit }).click();
    await expect(juror).toHaveURL(/\/jury$/);
    await expectLanguage(juror, jurorLocale);
    await expect(juror.getByRole('heading', { level: 1, name: j.jury.heading })).toBeVisible();
    // Juror B is not under test: they accept through the API.
    await acceptInvitationApi(baseURL, await invitationToken(staffApi, jurorB.email), jurorB.name);

    // Staff assign automatically: 3 applications × 2 jurors, each juror gets the 3.
    await page.getByRole('tab', { name: r.round.tabs.assignment }).click();
    await page.getByRole('button', { name: r.assignment.preview.run }).click();
    await page.getByRole('button', { name: r.assignment.preview.confirm }).click();
    await expect(page.getByText(format(r.assignment.auto.summary, { created: 6, kept: 0 }))).toBeVisible();
    await expect(page.getByText(r.assignment.auto.complete)).toBeVisible();
    await expect(page.getByText(format(r.assignment.auto.loadEven, { load: 3 }))).toBeVisible();

    // Juror A sees the three applications of the round.
    await juror.reload();
    await expectLanguage(juror, jurorLocale);
    await expect(juror.getByText(format(j.jury.list.progress, { submitted: 0, total: 3 }), { exact: true })).toBeVisible();
    const rows = juror.locator('li.assignment-row');
    await expect(rows).toHaveCount(3);
    const labels = await rowLabels(juror);
    expect(labels).toHaveLength(3);
    for (const label of labels) expect(label.startsWith(`${call.referencePrefix}-`), label).toBe(true);
    const [conflicted, scored] = labels as [string, string, string];

    // A conflict of interest, with a reason: the application leaves the list.
    await rows.filter({ hasText: conflicted }).getByRole('button', { name: j.jury.conflict.action }).click();
    const dialog = juror.getByRole('dialog', { name: format(j.jury.conflict.title, { label: conflicted }) });
    await dialog.getByLabel(startingWith(j.jury.conflict.reason)).fill(JUROR_WORDS[jurorLocale].conflictReason);
    await dialog.getByRole('button', { name: j.jury.conflict.confirm }).click();
    await expect(juror.getByText(format(j.jury.conflict.done, { label: conflicted }))).toBeVisible();
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: conflicted })).toHaveCount(0);
    await expect(juror.getByText(format(j.jury.list.progress, { submitted: 0, total: 2 }), { exact: true })).toBeVisible();

    // Scoring with the keyboard: focus the first criterion, type 4, Enter, type 2, Enter.
    await juror.getByRole('link', { name: format(j.jury.list.actionFor, { action: j.jury.list.score, label: scored }) }).click();
    await expect(juror).toHaveURL(/\/jury\/assignments\//);
    await expect(juror.getByRole('heading', { name: j.jury.scorecard.heading })).toBeVisible();
    const first = juror.getByRole('radiogroup', { name: format(j.jury.scorecard.criterionLabel, { number: 1, label: criteria[0]![jurorLocale] }) });
    const second = juror.getByRole('radiogroup', { name: format(j.jury.scorecard.criterionLabel, { number: 2, label: criteria[1]![jurorLocale] }) });
    await expect(juror.getByText(format(j.jury.scorecard.weight, { share: 75 }))).toBeVisible();
    await expect(juror.getByText(format(j.jury.scorecard.weight, { share: 25 }))).toBeVisible();
    await first.locator('[tabindex="0"]').focus();
    await juror.keyboard.press('4');
    await expect(first.getByRole('radio', { name: '4', exact: true })).toHaveAttribute('aria-checked', 'true');
    await expect(first.getByRole('radio', { name: '4', exact: true })).toBeFocused();
    await juror.keyboard.press('Enter');
    await expect(second.locator('[tabindex="0"]')).toBeFocused();
    await juror.keyboard.press('2');
    await expect(second.getByRole('radio', { name: '2', exact: true })).toHaveAttribute('aria-checked', 'true');
    await juror.keyboard.press('Enter');
    // By role: in French the comment-sharing switch's label contains the comment's too.
    await expect(juror.getByRole('textbox', { name: j.jury.scorecard.overallComment })).toBeFocused();
    // DESIGN.md rule 1: (3 × 4/5 + 1 × 2/5) / 4 = 70 %.
    const seventy = templateRegExp(j.jury.scorecard.scoreOutOf, { score: scoreSource(70) });
    await expect(juror.getByTestId('live-score')).toHaveText(seventy);
    await juror.getByRole('button', { name: j.jury.scorecard.submit }).click();
    await juror.getByRole('dialog', { name: j.jury.scorecard.confirmTitle }).getByRole('button', { name: j.jury.scorecard.confirmSubmit, exact: true }).click();
    await expect(juror.getByText(j.jury.scorecard.submittedTitle)).toBeVisible();

    // My ranking: the submitted scorecard with its score.
    await juror.getByRole('link', { name: j.jury.assignment.back }).click();
    await expect(juror.getByText(format(j.jury.list.progress, { submitted: 1, total: 2 }), { exact: true })).toBeVisible();
    await juror.getByRole('link', { name: j.jury.list.myRanking }).click();
    await expect(juror.getByRole('heading', { level: 1, name: j.jury.ranking.heading })).toBeVisible();
    const ranked = juror.getByTestId('ranking-row').filter({ hasText: scored });
    await expect(ranked).toContainText(new RegExp(scoreSource(70), 'u'));
    await expect(ranked).toContainText(j.jury.status.SUBMITTED);
    await expect(juror.getByTestId('ranking-row').filter({ hasText: conflicted })).toHaveCount(0);

    // Staff: the progress tab counts the submitted scorecard.
    await expectLanguage(page, staffLocale);
    await page.getByRole('tab', { name: r.round.tabs.progress }).click();
    await expect(page.getByText(templateRegExp(r.progress.overall, { submitted: '1', required: '\\d+' }))).toBeVisible();
    await expect(
      page.getByLabel(templateRegExp(r.progress.jurorBar, { name: escapeName(jurorA.name), submitted: '1', draft: '\\d+', assigned: '2' })),
    ).toBeVisible();
    await staffApi.dispose();
  });
}

/** The application labels (references) of the juror's list, in order. */
async function rowLabels(juror: Page): Promise<string[]> {
  const texts = await juror.locator('li.assignment-row .assignment-row-text > :first-child').allTextContents();
  return texts.map((label) => label.trim());
}

function escapeName(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
