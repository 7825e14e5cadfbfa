import type { TBallotResult, TLocale, TRound, TRoundAssignments } from '@tahkim/contracts';
import type { Locator, Page } from '@playwright/test';
import { createTeamMember, expectLanguage, pageLocale, signIn, switchLanguage } from './support/app';
import { templatePattern } from './support/apply';
import { checkOpenDialog } from './support/axe';
import { apiCall, applicantsSubmit, ballotOrder, callDecisions, decisionEmails, decisionTemplates, decisionTexts, inviteJurors, jurorScores, roundOne, type Person } from './support/decisions';
import { createPublishedCall, signInStaffApi } from './support/jury';
import { format, texts } from './support/locales';
import { allowConsoleErrors, expect, test } from './support/test';

/** The jurors' names: they must never reach an applicant. */
const ARABIC_JUROR = 'سلمى الإدريسي';
const FRENCH_JUROR = 'Youssef Benali';
const SHARED_COMMENT = 'Projet solide : le budget mérite d’être détaillé.';
const PRIVATE_COMMENT = 'Note privée pour l’équipe seulement.';
const WINNER_MESSAGE = 'Nous vous attendons le 15 juin pour la remise des prix.';

const CRITERIA = [
  { key: 'impact', label: { fr: 'Impact social', ar: 'الأثر الاجتماعي', en: 'Social impact' }, weight: 3, scaleMin: 1, scaleMax: 5 },
  { key: 'feasibility', label: { fr: 'Faisabilité', ar: 'قابلية التنفيذ', en: 'Feasibility' }, weight: 1, scaleMin: 1, scaleMax: 5 },
];

type Language = 'fr' | 'ar';
const NAMES: Record<Language, string> = { fr: 'French', ar: 'Arabic' };
/** Each language orders by keyboard in one run and by mouse in the other; staff work in French, then in Arabic. */
const RUNS: Array<{ staff: Language; keyboard: Language }> = [
  { staff: 'fr', keyboard: 'ar' },
  { staff: 'ar', keyboard: 'fr' },
];

/**
 * Acceptance 2 of the decisions issue, in the browser: two jurors order the four finalists of a final
 * ballot, one with the keyboard, the other with the mouse (Arabic by keyboard and French by mouse in one
 * run, the other way round in the other; staff in French, then in Arabic); staff read the Schulze order,
 * record one winner (alone) and three not selected (in bulk), turn feedback on, preview the winner's
 * email in Arabic for a real application and publish; every applicant's decision email is captured once,
 * in their language; the winner (French) and a not-selected applicant (Arabic) read their outcome and the
 * jury's feedback, without any juror's name. The call, its people and its rounds are this test's own.
 */
for (const run of RUNS) {
  test(`jurors order the finalists by keyboard (${NAMES[run.keyboard]}) and by dragging (${NAMES[run.keyboard === 'ar' ? 'fr' : 'ar']}); ${NAMES[run.staff]} staff decide, preview, publish; applicants read their outcome and feedback`, async ({
    page,
    newPerson,
  }, testInfo) => {
    // About 35 s alone, over a minute on a busy machine: set-up makes 4 applicants, 2 jurors, 8 scorecards.
    test.setTimeout(180_000);
    const baseURL = String(testInfo.project.use.baseURL);

    // ---- Set-up through the API: a call, four applicants (two French, two Arabic), round 1 scored by two jurors.
    const staffApi = await signInStaffApi(baseURL);
    const call = await createPublishedCall(staffApi);
    const applicants = await applicantsSubmit(baseURL, call.id, [
      { displayName: 'Camille Bernard', locale: 'fr', projectTitle: 'Atelier de couture solidaire' },
      { displayName: 'فاطمة الزهراء بناني', locale: 'ar', projectTitle: 'تعاونية الأركان' },
      { displayName: 'يوسف العلوي', locale: 'ar', projectTitle: 'مكتبة متنقلة' },
      { displayName: 'Hugo Martin', locale: 'fr', projectTitle: 'Ferme solaire partagée' },
    ]);
    const [A, B, C, D] = applicants as [(typeof applicants)[number], (typeof applicants)[number], (typeof applicants)[number], (typeof applicants)[number]];
    const ref = (who: typeof A) => who.application.reference!;
    // Submitted one after the other: references follow that order, and so does a ballot not yet saved.
    expect([ref(A), ref(B), ref(C), ref(D)]).toEqual([ref(A), ref(B), ref(C), ref(D)].sort());

    const round1 = await roundOne(staffApi, call.id);
    await apiCall(staffApi, 'put', `/api/rounds/${round1.id}/criteria`, { criteria: CRITERIA });
    await apiCall(staffApi, 'patch', `/api/rounds/${round1.id}`, { status: 'OPEN', scorecardsRequired: 2, acknowledgeEarly: true });
    const [arJuror, frJuror] = (await inviteJurors(baseURL, staffApi, round1.id, [
      { displayName: ARABIC_JUROR, locale: 'ar' },
      { displayName: FRENCH_JUROR, locale: 'fr' },
    ])) as [Person, Person];
    await apiCall(staffApi, 'post', `/api/rounds/${round1.id}/assignments/auto`);
    const plan = await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round1.id}/assignments`);
    const { items: criteria } = await apiCall<{ items: Array<{ id: string; key: string }> }>(staffApi, 'get', `/api/rounds/${round1.id}/criteria`);
    const criterionIds = CRITERIA.map((c) => criteria.find((saved) => saved.key === c.key)!.id);
    // Impact then feasibility, per applicant: the Arabic juror's and the French juror's values.
    const values = new Map([
      [A.application.id, { ar: [4, 4], fr: [3, 3] }],
      [B.application.id, { ar: [3, 2], fr: [2, 2] }],
      [C.application.id, { ar: [2, 3], fr: [2, 2] }],
      [D.application.id, { ar: [5, 4], fr: [4, 4] }],
    ]);
    // The Arabic juror's comment is marked shareable, the French juror's is not.
    const scoring = [
      [arJuror, 'ar', SHARED_COMMENT, true],
      [frJuror, 'fr', PRIVATE_COMMENT, false],
    ] as const;
    await Promise.all(
      scoring.map(([juror, key, comment, shareable]) => {
        const jurorId = plan.jurors.find((j) => j.displayName === juror.displayName)!.id;
        const cards = plan.assignments
          .filter((a) => a.jurorId === jurorId)
          .map((a) => ({ assignmentId: a.id, values: values.get(a.applicationId)![key], comment, shareable }));
        expect(cards).toHaveLength(4);
        return jurorScores(baseURL, juror, criterionIds, cards);
      }),
    );

    // The final ballot: round 2, open, with the four finalists advanced into it and the same two jurors.
    const ballotName = { fr: 'Vote final', ar: 'التصويت النهائي', en: 'Final vote' };
    const round2 = await apiCall<TRound>(staffApi, 'post', `/api/calls/${call.id}/rounds`, { name: ballotName, type: 'BALLOT', status: 'OPEN', acknowledgeEarly: true }, 201);
    expect(round2.number).toBe(2);
    await apiCall(staffApi, 'post', `/api/rounds/${round1.id}/advance`, { applicationIds: applicants.map((a) => a.application.id), targetRoundId: round2.id }, 201);
    const joined = await apiCall<{ added: string[] }>(staffApi, 'post', `/api/rounds/${round2.id}/jurors`, { emails: [arJuror.email, frJuror.email] });
    expect(joined.added.sort()).toEqual([arJuror.email, frJuror.email].sort());

    // ---- One juror orders by keyboard: [A, B, C, D] → D to the top with the drag handle's keys (Space,
    // ArrowUp ×3, Space) → A one place down with its "down" button (Enter). Ballot: [D, B, A, C].
    const [keyboardJuror, mouseJuror] = run.keyboard === 'ar' ? [arJuror, frJuror] : [frJuror, arJuror];
    const keyboardPage = await openBallot(await newPerson(), keyboardJuror, round2.id, ballotName);
    expect(await ballotOrder(keyboardPage)).toEqual([ref(A), ref(B), ref(C), ref(D)]);
    const row = (p: Page, who: typeof A): Locator => p.locator(`li[data-ballot-id="${who.application.id}"]`);
    await row(keyboardPage, D).locator('[data-control="handle"]').focus();
    await keyboardPage.keyboard.press('Space');
    for (let step = 0; step < 3; step += 1) {
      // dnd-kit measures the rows between key presses.
      await keyboardPage.waitForTimeout(150);
      await keyboardPage.keyboard.press('ArrowUp');
    }
    await keyboardPage.waitForTimeout(150);
    await keyboardPage.keyboard.press('Space');
    await expect.poll(() => ballotOrder(keyboardPage)).toEqual([ref(D), ref(A), ref(B), ref(C)]);
    await row(keyboardPage, A).locator('[data-control="down"]').focus();
    await keyboardPage.keyboard.press('Enter');
    await expect.poll(() => ballotOrder(keyboardPage)).toEqual([ref(D), ref(B), ref(A), ref(C)]);
    // The focus stays on the button that moved the project, and the move is announced.
    await expect(row(keyboardPage, A).locator('[data-control="down"]')).toBeFocused();
    await expect(keyboardPage.getByTestId('ballot-announcement')).toHaveText(
      templatePattern(decisionTexts[keyboardJuror.locale].ballot.move.moved.replace('{{position}}', '3').replace('{{total}}', '4')),
    );
    await submitBallot(keyboardPage, keyboardJuror.locale);
    await keyboardPage.context().close();

    // ---- The other juror orders by dragging with the mouse: D's handle onto A's place. Ballot: [D, A, B, C].
    const mousePage = await openBallot(await newPerson(), mouseJuror, round2.id, ballotName);
    expect(await ballotOrder(mousePage)).toEqual([ref(A), ref(B), ref(C), ref(D)]);
    const from = (await row(mousePage, D).locator('[data-control="handle"]').boundingBox())!;
    const to = (await row(mousePage, A).boundingBox())!;
    const x = from.x + from.width / 2;
    await mousePage.mouse.move(x, from.y + from.height / 2);
    await mousePage.mouse.down();
    // dnd-kit starts a drag after 5 px and follows the pointer: move in steps, as a hand would.
    await mousePage.mouse.move(x, from.y + from.height / 2 - 10, { steps: 5 });
    await mousePage.mouse.move(x, to.y + to.height / 4, { steps: 20 });
    await mousePage.waitForTimeout(200);
    await mousePage.mouse.up();
    await expect.poll(() => ballotOrder(mousePage)).toEqual([ref(D), ref(A), ref(B), ref(C)]);
    await submitBallot(mousePage, mouseJuror.locale);
    await mousePage.context().close();

    // ---- The result, by hand. Ballots: [D, B, A, C] and [D, A, B, C]. D beats everyone 2–0; A and B
    // split 1–1 and both beat C 2–0. Schulze: D 1st; A and B share 2nd; C 4th. Borda (3, 2, 1, 0 points):
    // D 3+3 = 6, A 1+2 = 3, B 2+1 = 3, C 0.
    const result = await apiCall<TBallotResult>(staffApi, 'get', `/api/rounds/${round2.id}/ballot-result`);
    expect(result.submitted).toBe(2);
    const expected = new Map([
      [ref(D), { rank: 1, borda: 6, wins: 3 }],
      [ref(A), { rank: 2, borda: 3, wins: 1 }],
      [ref(B), { rank: 2, borda: 3, wins: 1 }],
      [ref(C), { rank: 4, borda: 0, wins: 0 }],
    ]);
    expect(result.ranking).toHaveLength(4);
    for (const r of result.ranking) expect({ rank: r.rank, borda: r.borda, wins: r.wins }, r.reference!).toEqual(expected.get(r.reference!));
    expect(result.ranking[0]!.reference).toBe(ref(D));
    expect(result.ranking[3]!.reference).toBe(ref(C));

    // ---- Staff (a team member of their own, in their language) read it on the ballot result page.
    const s = decisionTexts[run.staff];
    const member = await createTeamMember(staffApi);
    await signIn(page, 'fr', member);
    await expect(page).toHaveURL(/\/admin/);
    if ((await pageLocale(page)) !== run.staff) await switchLanguage(page, run.staff);
    await expectLanguage(page, run.staff);
    await page.goto(`/admin/rounds/${round2.id}/ballot`);
    await expect(page.getByRole('heading', { level: 1, name: s.ballot.staff.title })).toBeVisible();
    await expect(page.getByText(format(s.ballot.staff.submitted, { submitted: 2, total: 2 }), { exact: true })).toBeVisible();
    const resultRows = page.getByRole('region', { name: s.ballot.staff.resultTitle }).locator('tbody tr');
    await expect(resultRows).toHaveCount(4);
    const shown = async (index: number) => (await resultRows.nth(index).locator('td').allTextContents()).map((cell) => cell.trim());
    expect((await shown(0)).filter((_, i) => [0, 1, 3].includes(i))).toEqual(['1', ref(D), '6']);
    const second = await shown(1);
    const third = await shown(2);
    for (const cells of [second, third]) {
      expect(cells[0]).toContain('2');
      expect(cells[0]).toContain(s.ballot.staff.tie);
      expect(cells[3]).toBe('3');
    }
    expect([second[1], third[1]].sort()).toEqual([ref(A), ref(B)].sort());
    expect((await shown(3)).filter((_, i) => [0, 1, 3].includes(i))).toEqual(['4', ref(C), '0']);

    // ---- Decisions: D alone as winner (with a message), A, B and C in bulk as not selected.
    const d = s.decisions;
    await page.goto(`/admin/calls/${call.id}/decisions`);
    await expect(page.getByRole('heading', { level: 1, name: d.page.heading })).toBeVisible();
    await expect(page.getByTestId('decision-row')).toHaveCount(4);
    // The page reads the final ballot (the latest round with results): its Schulze order, Borda points beside it.
    const roundLabel = (number: number, name: string) => format(d.source.roundName, { number, round: name });
    await expect(page.getByTestId('ranking-source')).toContainText(format(d.source.BALLOT, { round: roundLabel(2, ballotName[run.staff]), count: 2 }));
    await expect(page.getByRole('columnheader', { name: d.table.rankAnd.ballot })).toBeVisible();
    const rankCells = page.getByTestId('decision-row').getByTestId('rank-cell');
    await expect(rankCells.first()).toContainText(format(d.table.points, { points: 6 }));
    const order = async () => (await page.getByTestId('decision-row').locator('td:nth-child(2) a').allTextContents()).map((text) => text.trim());
    expect(await order()).toEqual([ref(D), ...[ref(A), ref(B)].sort(), ref(C)]);
    expect((await rankCells.allTextContents()).map((text) => text.trim().charAt(0))).toEqual(['1', '2', '2', '4']);
    if (process.env.DECISIONS_SCREENSHOTS) await page.screenshot({ path: `${process.env.DECISIONS_SCREENSHOTS}/decisions-ballot-${run.staff}.png`, fullPage: true });
    // Staff may read round 1's scores instead, then come back to the ballot.
    const pick = page.getByRole('combobox', { name: d.source.pick });
    await pick.selectOption(round1.id);
    await expect(page.getByTestId('ranking-source')).toContainText(format(d.source.chosen, { round: roundLabel(2, ballotName[run.staff]) }));
    await expect(page.getByRole('columnheader', { name: d.table.rankAnd.normalised })).toBeVisible();
    await pick.selectOption(round2.id);
    await expect(page.getByRole('columnheader', { name: d.table.rankAnd.ballot })).toBeVisible();
    await page.getByRole('button', { name: format(d.decide.buttonFor, { application: ref(D) }) }).click();
    const decide = page.getByRole('dialog', { name: format(d.decide.title, { application: ref(D) }) });
    await decide.getByLabel(d.decide.outcome, { exact: true }).selectOption('WINNER');
    await decide.getByLabel(d.decide.note, { exact: true }).fill('Premier au vote final.');
    await decide.getByLabel(d.decide.message, { exact: true }).fill(WINNER_MESSAGE);
    await decide.getByRole('button', { name: d.decide.save }).click();
    await expect(decide).toBeHidden();
    const decisionRow = (who: typeof A) => page.getByTestId('decision-row').filter({ hasText: ref(who) });
    await expect(decisionRow(D)).toContainText(d.outcome.WINNER);
    await expect(decisionRow(D)).toContainText(d.table.notPublished);

    for (const who of [A, B, C]) await page.getByRole('checkbox', { name: format(d.table.select, { application: ref(who) }) }).check();
    await page.getByRole('region', { name: d.bulk.region }).getByRole('button', { name: format(d.bulk.mark.NOT_SELECTED, { count: 3 }) }).click();
    for (const who of [A, B, C]) await expect(decisionRow(who)).toContainText(d.outcome.NOT_SELECTED);

    // Feedback on: applicants will see the criterion means and the shareable comments.
    const feedbackSwitch = page.getByRole('switch', { name: d.feedback.label });
    await expect(feedbackSwitch).not.toBeChecked();
    // The switch follows the saved setting: it turns on once the server has it.
    await feedbackSwitch.click();
    await expect(feedbackSwitch).toBeChecked();
    await expect(feedbackSwitch).toBeEnabled();

    // ---- Templates: save both proposals; preview the winner's email in Arabic for an Arabic applicant.
    const templates = await decisionTemplates(staffApi, call.id);
    const winnerTemplate = templates.items.find((item) => item.outcome === 'WINNER')!;
    const notSelectedTemplate = templates.items.find((item) => item.outcome === 'NOT_SELECTED')!;
    // No template saved yet: publishing would send the proposed texts, and the page says so.
    const proposedNotice = page.getByTestId('proposed-templates');
    await expect(proposedNotice).toContainText(d.publish.proposedTemplates.split('{{outcomes}}')[0]!);
    for (const outcome of [d.outcome.WINNER, d.outcome.NOT_SELECTED]) await expect(proposedNotice).toContainText(outcome);
    await expect(page.getByRole('button', { name: d.publish.button })).toBeEnabled();
    // The call closes in a month: publishing would close it now, which the panel says before any click.
    await expect(page.getByTestId('publish-early')).toBeVisible();
    // The templates page shows the email in a frame sandboxed without scripts: Chrome refuses, and logs,
    // the scripts Playwright runs in that frame (to find and read it). The app puts no script there.
    allowConsoleErrors(page, /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/);
    await page.getByRole('link', { name: d.page.templatesLink, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: d.templates.heading })).toBeVisible();
    await page.getByRole('button', { name: d.templates.save }).click();
    await expect(page.getByTestId('template-saved')).toHaveText(d.templates.isSaved);

    const preview = page.getByRole('region', { name: d.preview.title });
    await preview.getByLabel(d.preview.application, { exact: true }).click();
    await page.getByRole('option', { name: format(d.preview.applicationOption, { reference: ref(B), name: B.displayName }) }).click();
    await preview.getByText(texts.ar.common.language.nativeName, { exact: true }).click();
    const arabicSubject = format(winnerTemplate.subject.ar, { reference: ref(B) });
    await expect(preview.getByTestId('preview-subject')).toHaveText(arabicSubject);
    await expect(preview.getByTestId('preview-subject')).toHaveAttribute('dir', 'rtl');
    const frame = preview.frameLocator('[data-testid="preview-frame"]');
    await expect(frame.locator('html')).toHaveAttribute('dir', 'rtl');
    const greeting = format(winnerTemplate.body.ar.split('\n')[0]!, { displayName: B.displayName });
    await expect(frame.locator('body')).toContainText(greeting);
    await expect(frame.locator('body')).toContainText(B.projectTitle);

    await page.getByRole('tab', { name: d.templates.tab.NOT_SELECTED }).click();
    await page.getByRole('button', { name: d.templates.save }).click();
    await expect(page.getByTestId('template-saved')).toHaveText(d.templates.isSaved);

    // ---- Publish (after confirming): the call is decided.
    await page.getByRole('link', { name: d.templates.back }).click();
    await expect(page.getByRole('heading', { level: 1, name: d.page.heading })).toBeVisible();
    await expect(page.getByTestId('proposed-templates')).toBeHidden();
    await page.getByRole('button', { name: d.publish.button }).click();
    const confirm = page.getByRole('dialog', { name: d.publish.confirmTitle });
    // Publishing cannot be undone: the dialog opens on Cancel, and passes axe-core at 360 and 1280 px.
    await expect(confirm.getByRole('button', { name: d.actions.cancel, exact: true })).toBeFocused();
    const findings: string[] = [];
    await checkOpenDialog(page, d.publish.confirmTitle, 'publish the decisions', findings);
    expect(findings).toEqual([]);
    await expect(confirm).toContainText(format(d.publish.confirmBody, { count: 4 }));
    await expect(confirm).toContainText(d.publish.withFeedback);
    // Before the deadline: the confirmation says the call closes now and what it means for late applicants.
    const deadline = (await callDecisions(staffApi, call.id)).call.closesAt;
    await expect(confirm.getByTestId('confirm-early')).toContainText(d.publish.earlyTitle);
    await expect(confirm.getByTestId('confirm-early')).toContainText(d.publish.early.split('{{date}}')[1]!.trim());
    // No applicant of this call has a draft left: nothing is said about drafts.
    await expect(confirm.getByTestId('confirm-early')).not.toContainText(d.publish.earlyDrafts.split('(')[0]!.trim());
    // The open rounds close with the publication, and the dialog names them.
    await expect(confirm).toContainText(d.publish.roundsClose.split('{{rounds}}')[0]!);
    await expect(confirm).toContainText(roundLabel(2, ballotName[run.staff]));
    await expect(confirm.getByRole('button', { name: d.publish.confirm, exact: true })).toHaveCount(0);
    if (process.env.DECISIONS_SCREENSHOTS) await page.screenshot({ path: `${process.env.DECISIONS_SCREENSHOTS}/decisions-publish-${run.staff}.png` });
    const publishedAt = Date.now();
    await confirm.getByRole('button', { name: d.publish.confirmEarly }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByTestId('call-status')).toHaveText(s.callAdmin.status.DECIDED);
    await expect(page.getByTestId('publish-result')).toContainText(d.publish.resultClosed.split('(')[0]!.trim());
    const list = await callDecisions(staffApi, call.id);
    expect(list.call.status).toBe('DECIDED');
    expect(list.counts.published).toBe(4);
    // The call's deadline is now the moment of publication, and both rounds are closed.
    const closedAt = Date.parse(list.call.closesAt);
    expect(closedAt).toBeLessThan(Date.parse(deadline));
    expect(Math.abs(closedAt - publishedAt)).toBeLessThan(60_000);
    expect(list.rounds.map((round) => round.status)).toEqual(['CLOSED', 'CLOSED']);
    // The delivery counters follow the outbox by themselves: every email ends captured, without a reload.
    await expect(page.getByTestId('decision-counts').getByText(d.counts.emailsSent, { exact: true }).locator('xpath=following-sibling::dd')).toHaveText('4', { timeout: 20_000 });
    // Publishing again (a retry) publishes and queues nothing more.
    expect(await apiCall(staffApi, 'post', `/api/calls/${call.id}/notify-decisions`)).toMatchObject({ published: 0, queued: 0, alreadyPublished: 4 });

    // ---- One decision email per applicant, in their language, captured once.
    for (const who of applicants) {
      const outcome = who === D ? winnerTemplate : notSelectedTemplate;
      await expect
        .poll(async () => (await decisionEmails(staffApi, who.email)).map((email) => `${email.status} ${email.locale} ${email.subject}`), { timeout: 20_000 })
        .toEqual([`CAPTURED ${who.locale} ${format(outcome.subject[who.locale], { reference: ref(who) })}`]);
      const [email] = await decisionEmails(staffApi, who.email);
      expect(email!.template).toBe(who === D ? 'decision-winner' : 'decision-not-selected');
      expect(email!.text).toContain(who.displayName);
      expect(email!.text).toContain(SHARED_COMMENT);
      expect(email!.text).not.toContain(PRIVATE_COMMENT);
      for (const name of [ARABIC_JUROR, FRENCH_JUROR]) expect(email!.text).not.toContain(name);
    }

    // ---- The winner (French) reads their outcome, the team's message and the feedback.
    const winnerPage = await newPerson();
    await signIn(winnerPage, 'fr', D);
    await expect(winnerPage).toHaveURL(/\/portal/);
    await winnerPage.goto(`/portal/applications/${D.application.id}`);
    await expectLanguage(winnerPage, 'fr');
    await expectOutcome(winnerPage, 'fr', 'WINNER', [mean(4, 5), mean(4, 0)]);
    await expect(winnerPage.getByTestId('application-outcome')).toContainText(WINNER_MESSAGE);

    // ---- A not-selected applicant (Arabic) reads theirs in Arabic.
    const arApplicantPage = await newPerson();
    await signIn(arApplicantPage, 'fr', B);
    await expect(arApplicantPage).toHaveURL(/\/portal/);
    await arApplicantPage.goto(`/portal/applications/${B.application.id}`);
    await expectLanguage(arApplicantPage, 'ar');
    await expectOutcome(arApplicantPage, 'ar', 'NOT_SELECTED', [mean(2, 5), mean(2, 0)]);
    await staffApi.dispose();
  });
}

/** A juror signs in (their account's language shows) and opens the ballot from their workspace. */
async function openBallot(page: Page, juror: Person, roundId: string, roundName: Record<Language, string>): Promise<Page> {
  const t = decisionTexts[juror.locale].ballot;
  await signIn(page, 'fr', juror);
  await expect(page).toHaveURL(/\/jury$/);
  await expectLanguage(page, juror.locale);
  await page.getByRole('link', { name: format(t.jury.actionFor, { action: t.jury.open, round: roundName[juror.locale as Language] }) }).click();
  await expect(page).toHaveURL(new RegExp(`/jury/ballots/${roundId}$`));
  await expect(page.getByRole('heading', { level: 1, name: t.heading })).toBeVisible();
  await expect(page.getByRole('list', { name: t.listLabel })).toBeVisible();
  return page;
}

/** Waits for the autosave, then submits the ballot after confirming. */
async function submitBallot(page: Page, locale: TLocale): Promise<void> {
  const t = decisionTexts[locale].ballot;
  await expect(page.getByText(templatePattern(t.autosave.saved))).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: t.submit.button }).click();
  await page.getByRole('dialog', { name: t.submit.confirmTitle }).getByRole('button', { name: t.submit.confirm, exact: true }).click();
  await expect(page.getByText(templatePattern(t.submit.submittedOn))).toBeVisible();
}

/** The applicant's outcome card: title in their language, both criterion means, the shared comment only, no juror's name. */
async function expectOutcome(page: Page, locale: Language, outcome: 'WINNER' | 'NOT_SELECTED', means: [RegExp, RegExp]): Promise<void> {
  const d = decisionTexts[locale].decisions;
  const card = page.getByTestId('application-outcome');
  await expect(card.getByRole('heading', { name: d.applicant.title[outcome] })).toBeVisible();
  await expect(card.getByRole('heading', { name: d.applicant.feedbackTitle })).toBeVisible();
  const rows = card.getByTestId('feedback-criterion');
  await expect(rows).toHaveCount(2);
  for (const [index, criterion] of CRITERIA.entries()) {
    await expect(rows.nth(index)).toContainText(criterion.label[locale]);
    await expect(rows.nth(index)).toContainText(means[index]!);
  }
  await expect(card.getByTestId('feedback-comments')).toContainText(SHARED_COMMENT);
  const body = page.locator('body');
  await expect(body).not.toContainText(PRIVATE_COMMENT);
  for (const name of [ARABIC_JUROR, FRENCH_JUROR]) await expect(body).not.toContainText(name);
}

/** A mean out of 5 with one decimal, whichever decimal sign the language uses ("4,5 / 5", "2.5 / 5"). */
function mean(whole: number, tenths: number): RegExp {
  return new RegExp(`${whole}[.,٫]${tenths}\\s*/\\s*5`, 'u');
}
