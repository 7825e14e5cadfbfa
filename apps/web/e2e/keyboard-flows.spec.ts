import type { TFormField, TLocale, TRound, TRoundAssignments } from '@tahkim/contracts';
import type { Locator, Page } from '@playwright/test';
import arResults from '../src/locales/ar/results.json' with { type: 'json' };
import enResults from '../src/locales/en/results.json' with { type: 'json' };
import frResults from '../src/locales/fr/results.json' with { type: 'json' };
import { createApplicant, signIn } from './support/app';
import { applyTexts, DEMO_APPLICANTS, DEMO_CALL_SLUG, demoCall, generatedPdf, labelled, PHONE_VIEWPORT, templatePattern, visibleSteps } from './support/apply';
import { checkDialog, checkOpenDialog, checkPageAtWidths } from './support/axe';
import { apiCall, applicantsSubmit, decisionTexts, inviteJurors, jurorScores, roundOne, type Person } from './support/decisions';
import { apiPerson, createPublishedCall, signInStaffApi } from './support/jury';
import { focusProblem, tabTo } from './support/keyboard';
import { escapeRegExp, format, startingWith, texts } from './support/locales';
import { DEMO, expect, test, type Credentials } from './support/test';
import arRounds from '../src/locales/ar/rounds.json' with { type: 'json' };
import enRounds from '../src/locales/en/rounds.json' with { type: 'json' };
import frRounds from '../src/locales/fr/rounds.json' with { type: 'json' };

/**
 * Acceptance 3 of the accessibility issue: with the keyboard only, an applicant completes and submits
 * the demo call's form (in Arabic, on a phone's width), a juror submits a scorecard and a ballot, and
 * staff shortlist and decide (in Arabic, French and English). Every Tab stop is checked on the way
 * (`focusProblem`): focus never on the body, never off screen or under a sticky bar, always with a
 * visible indicator. The dialogs met on the way are checked with axe-core at 360 and 1280 px.
 */
const resultsTexts = { fr: frResults, ar: arResults, en: enResults } as const;
const roundTexts = { fr: frRounds, ar: arRounds, en: enRounds } as const;

const CRITERIA = [
  { key: 'impact', label: { fr: 'Impact social', ar: 'الأثر الاجتماعي', en: 'Social impact' }, weight: 3, scaleMin: 1, scaleMax: 5 },
  { key: 'feasibility', label: { fr: 'Faisabilité', ar: 'قابلية التنفيذ', en: 'Feasibility' }, weight: 1, scaleMin: 1, scaleMax: 5 },
];

async function signInAs(page: Page, locale: TLocale, who: Credentials): Promise<void> {
  await page.addInitScript((choice) => {
    // Not in the sandboxed email previews, where storage is out of reach.
    if (window === window.top) window.localStorage.setItem('tahkim.locale', choice);
  }, locale);
  await signIn(page, locale, who);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** After a key that changes the page (a confirmation, a submission), focus must still be somewhere visible. */
async function expectFocusKept(page: Page, what: string): Promise<void> {
  await expect.poll(() => focusProblem(page), { message: `focus after ${what}` }).toBeNull();
}

/** A name template with its `{{values}}` as "anything". */
function anyValues(template: string): RegExp {
  return new RegExp(`^${template.split(/\{\{\s*\w+\s*\}\}/).map(escapeRegExp).join('.+')}`, 'u');
}

/** Answers one question with the keyboard only: Tab to it, then type, arrow or press Space. */
async function answerByKeyboard(page: Page, field: TFormField, value: unknown, locale: TLocale): Promise<void> {
  const label = field.label[locale];
  const optionLabel = (optionValue: unknown) => field.options.find((option) => option.value === optionValue)!.label[locale];
  switch (field.type) {
    case 'SINGLE_CHOICE':
      if (field.options.length <= 6) {
        // Tab enters the group on its first option; the arrows move and choose.
        const first = page.getByRole('radio', { name: optionLabel(field.options[0]!.value), exact: true });
        await tabTo(page, first, label);
        const wanted = page.getByRole('radio', { name: optionLabel(value), exact: true });
        for (let presses = 0; presses < field.options.length && !(await wanted.isChecked()); presses += 1) {
          if (await wanted.evaluate((element) => element === document.activeElement)) await page.keyboard.press('Space');
          else await page.keyboard.press('ArrowDown');
        }
        await expect(wanted).toBeChecked();
        return;
      }
      await chooseInSelect(page, page.getByLabel(labelled(label)), String(value), label);
      return;
    case 'REGION':
      await chooseInSelect(page, page.getByLabel(labelled(label)), String(value), label);
      return;
    case 'MULTIPLE_CHOICE':
      for (const each of value as unknown[]) {
        const box = page.getByRole('checkbox', { name: optionLabel(each), exact: true });
        await tabTo(page, box, `${label}: ${optionLabel(each)}`);
        await page.keyboard.press('Space');
        await expect(box).toBeChecked();
      }
      return;
    case 'DATE': {
      const [year, month, day] = String(value).split('-');
      await tabTo(page, page.getByLabel(labelled(label)), label);
      await page.keyboard.type(`${day}/${month}/${year}`);
      return;
    }
    case 'NUMBER':
    case 'MONEY':
      await tabTo(page, page.getByLabel(labelled(label)), label);
      // Arabic pages are typed with an Arabic keyboard's digits.
      await page.keyboard.type(locale === 'ar' ? String(value).replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit))) : String(value));
      return;
    default:
      await tabTo(page, page.getByLabel(labelled(label)), label);
      await page.keyboard.type(String(value));
  }
}

/** A closed <select> takes the arrow keys: ArrowDown until the wanted option is the value. */
async function chooseInSelect(page: Page, select: Locator, value: string, label: string): Promise<void> {
  await tabTo(page, select, label);
  await page.keyboard.press('Home');
  for (let presses = 0; presses < 30 && (await select.inputValue()) !== value; presses += 1) await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(value);
}

test('keyboard only: an applicant fills every step of the demo call on a phone, uploads the pitch deck and submits (Arabic)', async ({ newPerson, baseURL }) => {
  test.setTimeout(240_000);
  const locale = 'ar';
  const { calls, applications } = applyTexts[locale];
  const { answers, fileName } = DEMO_APPLICANTS[locale];
  const api = await apiPerson(baseURL!);
  const applicant = await createApplicant(api, locale, 'keyboard');
  const call = await demoCall(api);
  await api.dispose();
  const steps = visibleSteps(call.form);

  const page = await newPerson({ viewport: PHONE_VIEWPORT });
  await signInAs(page, locale, applicant);
  await page.goto(`/calls/${DEMO_CALL_SLUG}`);
  await tabTo(page, page.getByRole('main').getByRole('button', { name: calls.apply.start, exact: true }).first(), calls.apply.start);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/portal\/applications\/[\w-]+$/);
  await expectFocusKept(page, 'opening the form');

  for (const [index, step] of steps.entries()) {
    await expect(page.getByRole('heading', { level: 2, name: step.section.title[locale] })).toBeVisible();
    for (const field of step.fields) {
      if (field.type === 'FILE') {
        if (field.key !== 'pitch_deck') continue;
        const label = field.label[locale];
        await tabTo(page, page.getByRole('button', { name: format(applications.files.chooseFor, { field: label }) }), label);
        const chooser = page.waitForEvent('filechooser');
        await page.keyboard.press('Enter');
        await (await chooser).setFiles({ name: fileName, mimeType: 'application/pdf', buffer: generatedPdf(40_000) });
        const list = page.getByRole('list', { name: format(applications.files.listLabel, { field: label }) });
        await expect(list.getByRole('link', { name: fileName, exact: true })).toBeVisible({ timeout: 30_000 });
        await expectFocusKept(page, 'the upload');
        continue;
      }
      const value = answers[field.key];
      if (value !== undefined) await answerByKeyboard(page, field, value, locale);
    }
    const next = index < steps.length - 1 ? applications.form.next : applications.form.toReview;
    await tabTo(page, page.getByRole('button', { name: next, exact: true }), next);
    await page.keyboard.press('Enter');
    await expectFocusKept(page, `leaving step ${index + 1}`);
  }

  await expect(page.getByRole('heading', { level: 2, name: applications.review.title })).toBeVisible();
  await expect(page.getByText(applications.review.ready)).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: applications.review.submit }), applications.review.submit, { max: 150 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: applications.submitted.heading })).toBeVisible({ timeout: 15_000 });
  await expectFocusKept(page, 'the submission');
});

for (const locale of ['ar', 'fr', 'en'] as const) {
  test(`keyboard only: a juror submits a scorecard and a ballot, staff shortlist and decide (${locale})`, async ({ newPerson, baseURL }, testInfo) => {
    test.setTimeout(240_000);
    const findings: string[] = [];
    // Dialogs opened on the way and dismissed with Escape (focus in, axe-core, focus back).
    const dismissed: string[] = [];
    const { jury } = texts[locale];
    const { ballot, decisions } = decisionTexts[locale];
    const results = resultsTexts[locale];

    // ---- Set-up through the API: a call, three applicants, round 1 with a juror in this language who
    // has scored two of the three; a final ballot round waiting for the shortlist.
    const staffApi = await signInStaffApi(baseURL!);
    const call = await createPublishedCall(staffApi);
    const applicants = await applicantsSubmit(baseURL!, call.id, [
      { displayName: 'Camille Bernard', locale: 'fr', projectTitle: 'Atelier de couture solidaire' },
      { displayName: 'فاطمة الزهراء بناني', locale: 'ar', projectTitle: 'تعاونية الأركان' },
      { displayName: 'Hugo Martin', locale: 'fr', projectTitle: 'Ferme solaire partagée' },
    ]);
    const round1 = await roundOne(staffApi, call.id);
    await apiCall(staffApi, 'put', `/api/rounds/${round1.id}/criteria`, { criteria: CRITERIA });
    await apiCall(staffApi, 'patch', `/api/rounds/${round1.id}`, { status: 'OPEN', scorecardsRequired: 1, acknowledgeEarly: true });
    const [juror] = (await inviteJurors(baseURL!, staffApi, round1.id, [{ displayName: `Juré ${locale}`, locale }])) as [Person];
    await apiCall(staffApi, 'post', `/api/rounds/${round1.id}/assignments/auto`);
    const plan = await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round1.id}/assignments`);
    const { items: criteria } = await apiCall<{ items: Array<{ id: string; key: string }> }>(staffApi, 'get', `/api/rounds/${round1.id}/criteria`);
    const criterionIds = CRITERIA.map((criterion) => criteria.find((saved) => saved.key === criterion.key)!.id);
    const [byKeyboard, ...byApi] = plan.assignments;
    expect(byApi).toHaveLength(2);
    await jurorScores(baseURL!, juror, criterionIds, byApi.map((assignment, index) => ({ assignmentId: assignment.id, values: [3 + index, 2], comment: 'Dossier clair.', shareable: false })));
    const ballotName = { fr: 'Vote final', ar: 'التصويت النهائي', en: 'Final vote' };
    const round2 = await apiCall<TRound>(staffApi, 'post', `/api/calls/${call.id}/rounds`, { name: ballotName, type: 'BALLOT', status: 'OPEN', acknowledgeEarly: true }, 201);
    await apiCall(staffApi, 'post', `/api/rounds/${round2.id}/jurors`, { emails: [juror.email] });
    await staffApi.dispose();

    // ---- The juror scores the last application: digits choose, Enter moves to the next criterion.
    const jurorPage = await newPerson();
    await signInAs(jurorPage, locale, juror);
    await jurorPage.goto(`/jury/assignments/${byKeyboard!.id}`);
    const groups = jurorPage.getByRole('radiogroup');
    await expect(groups).toHaveCount(2);
    await tabTo(jurorPage, groups.first().locator('[tabindex="0"]'), CRITERIA[0]!.label[locale]);
    await jurorPage.keyboard.press('4');
    await expect(groups.first().getByRole('radio', { name: '4', exact: true })).toHaveAttribute('aria-checked', 'true');
    await jurorPage.keyboard.press('Enter');
    await expect(groups.nth(1).locator('[tabindex="0"]')).toBeFocused();
    await jurorPage.keyboard.press('3');
    await expect(groups.nth(1).getByRole('radio', { name: '3', exact: true })).toHaveAttribute('aria-checked', 'true');
    await tabTo(jurorPage, jurorPage.getByRole('button', { name: jury.scorecard.submit }), jury.scorecard.submit);
    await jurorPage.keyboard.press('Enter');
    const confirmScorecard = await checkOpenDialog(jurorPage, jury.scorecard.confirmTitle, 'submit a scorecard', findings);
    await expect(confirmScorecard.getByRole('button', { name: jury.scorecard.confirmSubmit, exact: true })).toBeFocused();
    await jurorPage.keyboard.press('Enter');
    await expect(jurorPage.getByText(jury.scorecard.submittedTitle).first()).toBeVisible();
    await expectFocusKept(jurorPage, 'submitting the scorecard');

    // ---- Staff shortlist two applications into the ballot round from the ranking.
    const staffPage = await newPerson();
    await signInAs(staffPage, locale, DEMO.staff);
    await staffPage.goto(`/admin/rounds/${round1.id}/ranking`);
    // The two best ranked, in the table's order (Tab goes down the page).
    const rowBoxes = staffPage.getByRole('checkbox', { name: anyValues(results.table.select) });
    const shortlisted: string[] = [];
    for (const index of [0, 1]) {
      const box = rowBoxes.nth(index);
      await tabTo(staffPage, box, `the checkbox of row ${index + 1}`, { max: 120 });
      await staffPage.keyboard.press('Space');
      await expect(box).toBeChecked();
      shortlisted.push(/[A-Z0-9]+-\d{4}-\d{4,}/.exec((await box.getAttribute('aria-label')) ?? '')![0]);
    }
    expect(applicants.map((applicant) => applicant.application.reference)).toEqual(expect.arrayContaining(shortlisted));
    const advanceBar = staffPage.getByRole('region', { name: results.advance.region });
    await tabTo(staffPage, advanceBar.getByRole('button'), 'the shortlist button', { max: 120 });
    await staffPage.keyboard.press('Enter');
    const confirmAdvance = await checkOpenDialog(staffPage, results.advance.confirmTitle, 'shortlist', findings);
    await expect(confirmAdvance.getByRole('button', { name: results.advance.confirm })).toBeFocused();
    await staffPage.keyboard.press('Enter');
    await expect(confirmAdvance).toBeHidden();
    await expectFocusKept(staffPage, 'the shortlist');
    await checkDialog(
      staffPage,
      {
        label: 'undo a shortlist',
        opener: staffPage.getByRole('button', { name: results.advances.undo, exact: true }),
        name: results.advances.undoTitle,
        first: (dialog) => dialog.getByRole('button', { name: results.advances.undo, exact: true }),
      },
      dismissed,
      findings,
    );
    // Scores exist: saving the criteria asks first, since it would clear them.
    await staffPage.goto(`/admin/rounds/${round1.id}?tab=criteria`);
    await checkDialog(
      staffPage,
      {
        label: 'change scored criteria',
        opener: staffPage.getByRole('button', { name: roundTexts[locale].criteria.save, exact: true }),
        name: roundTexts[locale].criteria.resetTitle,
        first: (dialog) => dialog.getByRole('button', { name: roundTexts[locale].actions.cancel, exact: true }),
      },
      dismissed,
      findings,
    );

    // ---- The juror moves a finalist down with its button, then submits the ballot.
    await jurorPage.goto(`/jury/ballots/${round2.id}`);
    await expect(jurorPage.getByRole('heading', { level: 1, name: ballot.heading })).toBeVisible();
    await checkPageAtWidths(jurorPage, 'the ballot page', findings);
    await checkDialog(
      jurorPage,
      {
        label: 'declare a conflict of interest (ballot)',
        opener: jurorPage.getByRole('button', { name: anyValues(ballot.conflict.actionFor) }).first(),
        name: anyValues(ballot.conflict.title),
        first: (dialog) => dialog.getByRole('textbox', { name: startingWith(ballot.conflict.reason) }),
      },
      dismissed,
      findings,
    );
    await tabTo(jurorPage, jurorPage.getByRole('button', { name: anyValues(ballot.move.downFor) }).first(), ballot.move.down);
    await jurorPage.keyboard.press('Enter');
    await expect(jurorPage.getByText(templatePattern(ballot.autosave.saved))).toBeVisible({ timeout: 10_000 });
    await tabTo(jurorPage, jurorPage.getByRole('button', { name: ballot.submit.button }), ballot.submit.button);
    await jurorPage.keyboard.press('Enter');
    const confirmBallot = await checkOpenDialog(jurorPage, ballot.submit.confirmTitle, 'submit a ballot', findings);
    await expect(confirmBallot.getByRole('button', { name: ballot.submit.confirm, exact: true })).toBeFocused();
    await jurorPage.keyboard.press('Enter');
    await expect(jurorPage.getByText(templatePattern(ballot.submit.submittedOn))).toBeVisible();
    await expectFocusKept(jurorPage, 'submitting the ballot');

    // ---- Staff read the ballot's result; reopening a juror's ballot asks for a reason.
    await staffPage.goto(`/admin/rounds/${round2.id}/ballot`);
    await checkPageAtWidths(staffPage, 'the ballot result', findings);
    await checkDialog(
      staffPage,
      {
        label: "reopen a juror's ballot",
        opener: staffPage.getByRole('button', { name: format(ballot.staff.reopenFor, { name: juror.displayName }) }),
        name: format(ballot.staff.reopenTitle, { name: juror.displayName }),
        first: (dialog) => dialog.getByRole('textbox', { name: startingWith(ballot.staff.reopenReason) }),
      },
      dismissed,
      findings,
    );

    // ---- Staff record the winner from the decisions page.
    const winner = shortlisted[0]!;
    await staffPage.goto(`/admin/calls/${call.id}/decisions`);
    await checkPageAtWidths(staffPage, 'the decisions after a ballot', findings);
    const decide = staffPage.getByRole('button', { name: format(decisions.decide.buttonFor, { application: winner }) });
    await tabTo(staffPage, decide, decisions.decide.button, { max: 150 });
    await staffPage.keyboard.press('Enter');
    const decideDialog = await checkOpenDialog(staffPage, format(decisions.decide.title, { application: winner }), 'decide', findings);
    const outcome = decideDialog.getByRole('combobox', { name: startingWith(decisions.decide.outcome) });
    await expect(outcome).toBeFocused();
    await staffPage.keyboard.press('Home');
    for (let presses = 0; presses < 8 && (await outcome.inputValue()) !== 'WINNER'; presses += 1) await staffPage.keyboard.press('ArrowDown');
    await expect(outcome).toHaveValue('WINNER');
    await tabTo(staffPage, decideDialog.getByRole('button', { name: decisions.decide.save }), decisions.decide.save);
    await staffPage.keyboard.press('Enter');
    await expect(decideDialog).toBeHidden();
    await expectFocusKept(staffPage, 'recording the decision');
    await expect(staffPage.getByRole('row').filter({ hasText: winner }).getByText(decisions.outcome.WINNER)).toBeVisible();

    expect(dismissed).toHaveLength(4);
    await testInfo.attach('axe-core findings in the dialogs', { body: findings.join('\n') || 'none', contentType: 'text/plain' });
    expect(findings).toEqual([]);
  });
}
