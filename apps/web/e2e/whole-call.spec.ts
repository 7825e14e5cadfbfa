import type { TApplication, TBallotResult, TEmailMessage, TJuryBallot, TLocale, TRound, TRoundAssignments } from '@tahkim/contracts';
import type { APIRequestContext, Page } from '@playwright/test';
import arCallHome from '../src/locales/ar/callHome.json' with { type: 'json' };
import arResults from '../src/locales/ar/results.json' with { type: 'json' };
import arScreening from '../src/locales/ar/screening.json' with { type: 'json' };
import frCallHome from '../src/locales/fr/callHome.json' with { type: 'json' };
import frResults from '../src/locales/fr/results.json' with { type: 'json' };
import frScreening from '../src/locales/fr/screening.json' with { type: 'json' };
import { createTeamMember, expectLanguage, pageLocale, signIn, switchLanguage } from './support/app';
import { screenshot, startDraft, templatePattern } from './support/apply';
import { apiCall, decisionTexts, jurorScores, type Person } from './support/decisions';
import { apiPerson, invitationToken, roundsTexts, signInStaffApi } from './support/jury';
import { format, startingWith, texts } from './support/locales';
import { expect, strongPassword, test, uniqueEmail } from './support/test';

type Language = 'fr' | 'ar';
const LANGUAGE_NAMES: Record<Language, string> = { fr: 'French', ar: 'Arabic' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** A day and a time as Casablanca's wall clock reads them, as the call editor takes them (dd/mm/yyyy, hh:mm). */
function casablancaParts(at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Casablanca', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.day}/${parts.month}/${parts.year}`, time: `${parts.hour}:${parts.minute}` };
}

async function fillDateTime(page: Page, locale: TLocale, label: string, at: Date): Promise<void> {
  const group = page.getByRole('group', { name: startingWith(label) });
  const { date, time } = casablancaParts(at);
  await group.getByRole('textbox', { name: texts[locale].common.dateTime.date }).fill(date);
  await group.getByRole('textbox', { name: texts[locale].common.dateTime.time }).fill(time);
}

interface Applicant {
  email: string;
  displayName: string;
  locale: Language;
  projectTitle: string;
  application: TApplication;
}

/** Applicants register in their language and submit, one after the other (their references follow), through the API. */
async function applicantsSubmit(baseURL: string, callId: string, people: Array<{ displayName: string; locale: Language; projectTitle: string }>): Promise<Applicant[]> {
  const submitted: Applicant[] = [];
  for (const person of people) {
    const api = await apiPerson(baseURL);
    const email = uniqueEmail(`whole-${person.locale}`);
    const registered = await api.post('/api/auth/register', { data: { displayName: person.displayName, locale: person.locale, email, password: strongPassword() } });
    expect(registered.status(), await registered.text()).toBe(201);
    const draft = await startDraft(api, callId, { titre_du_projet: person.projectTitle, resume_du_projet: `${person.projectTitle} : résumé.` });
    const response = await api.post(`/api/applications/${draft.id}/submit`, { data: { version: draft.version } });
    expect(response.status(), await response.text()).toBe(200);
    submitted.push({ ...person, email, application: (await response.json()) as TApplication });
    await api.dispose();
  }
  return submitted;
}

async function emailsTo(staffApi: APIRequestContext, to: string, template: string): Promise<TEmailMessage[]> {
  const { items } = await apiCall<{ items: TEmailMessage[] }>(staffApi, 'get', `/api/admin/emails?to=${encodeURIComponent(to)}`);
  return items.filter((email) => email.template === template);
}

/** A juror orders the finalists of a ballot round and submits, through the jury routes. */
async function jurorBallots(baseURL: string, juror: Person, roundId: string, order: string[]): Promise<void> {
  const api = await apiPerson(baseURL);
  try {
    await apiCall(api, 'post', '/api/auth/login', { email: juror.email, password: juror.password });
    const current = await apiCall<TJuryBallot>(api, 'get', `/api/jury/ballots/${roundId}`);
    expect([...current.candidates.map((c) => c.applicationId)].sort()).toEqual([...order].sort());
    const saved = await apiCall<TJuryBallot>(api, 'put', `/api/jury/ballots/${roundId}`, { version: current.ballot.version, order, comment: null });
    await apiCall(api, 'post', `/api/jury/ballots/${roundId}/submit`, { version: saved.ballot.version });
  } finally {
    await api.dispose();
  }
}

/** A translated template with its values left open, anywhere in a longer text. */
function templateWithin(template: string): RegExp {
  return new RegExp(templatePattern(template).source.replace(/^\^|\$$/gu, ''), 'u');
}

/** The plural form of a translated text for a count, as i18next picks it (`key_one`, `key_few`, `key_other`...). */
function plural(forms: Record<string, unknown>, key: string, count: number, locale: Language): string {
  const form = forms[`${key}_${new Intl.PluralRules(locale).select(count)}`] ?? forms[`${key}_other`];
  if (typeof form !== 'string') throw new Error(`No plural form of ${key} for ${count}`);
  return format(form, { count });
}

/** A juror accepts their invitation in their language, through the API (their acceptance is not under test here). */
async function acceptAs(baseURL: string, staffApi: APIRequestContext, juror: Person): Promise<void> {
  const api = await apiPerson(baseURL);
  try {
    const token = await invitationToken(staffApi, juror.email);
    await apiCall(api, 'post', `/api/invitations/${token}/accept`, { displayName: juror.displayName, password: juror.password, locale: juror.locale });
  } finally {
    await api.dispose();
  }
}

/** After "Open the round": a confirmation that says the deadline has not passed, and an acknowledgement. */
async function confirmOpening(page: Page, locale: Language): Promise<void> {
  const r = roundsTexts[locale];
  const dialog = page.getByRole('dialog', { name: templatePattern(r.open.title) });
  await expect(dialog.getByText(r.open.earlyTitle)).toBeVisible();
  await dialog.getByRole('checkbox', { name: r.open.acknowledge }).check();
  await dialog.getByRole('button', { name: r.open.confirm, exact: true }).click();
  await expect(page.getByText(templatePattern(r.open.done))).toBeVisible();
}

/** Staff go back to the call's home and take its next step, which must be the one expected. */
async function nextStep(page: Page, locale: Language, callId: string, kind: 'link' | 'button', name: string): Promise<void> {
  const home = { fr: frCallHome, ar: arCallHome }[locale];
  await page.goto(`/admin/calls/${callId}`);
  await expectLanguage(page, locale);
  const card = page.getByRole('region', { name: home.next.heading });
  await card.getByRole(kind, { name, exact: true }).click();
}

for (const staffLocale of ['fr', 'ar'] as const satisfies readonly Language[]) {
  test(`a new staff member runs a whole call in the browser, from the form to the winners' emails (${LANGUAGE_NAMES[staffLocale]})`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const baseURL = String(testInfo.project.use.baseURL);
    const { callAdmin } = decisionTexts[staffLocale];
    const tag = `${Date.now().toString(36)}${staffLocale}`;
    const title = { fr: `Prix de l'économie solidaire ${tag}`, ar: `جائزة الاقتصاد التضامني ${tag}`, en: `Solidarity economy award ${tag}` };

    const member = await createTeamMember(await signInStaffApi(baseURL));
    await signIn(page, 'fr', member);
    await expect(page).toHaveURL(/\/admin/);
    if ((await pageLocale(page)) !== staffLocale) await switchLanguage(page, staffLocale);
    await expectLanguage(page, staffLocale);

    // 1. The call: its texts in three languages; its address follows the French title.
    await page.goto('/admin/calls/new');
    await expect(page.getByRole('heading', { level: 1, name: callAdmin.editor.newTitle })).toBeVisible();
    for (const locale of ['fr', 'ar', 'en'] as const) {
      await page.getByRole('tab', { name: texts[locale].common.language.nativeName, exact: true }).click();
      const panel = page.getByRole('tabpanel');
      await panel.getByRole('textbox', { name: callAdmin.editor.fields.title, exact: true }).fill(title[locale]);
      await panel.getByRole('textbox', { name: startingWith(callAdmin.editor.fields.summary) }).fill(locale === 'ar' ? 'جائزة للتعاونيات والجمعيات' : 'Un prix pour les coopératives et les associations');
    }
    await expect(page.getByRole('textbox', { name: startingWith(callAdmin.editor.fields.slug) })).toHaveValue(`prix-de-leconomie-solidaire-${tag}`);
    await page.getByRole('textbox', { name: startingWith(callAdmin.editor.fields.referencePrefix) }).fill(`P${tag.slice(-6).toUpperCase()}`.slice(0, 10));
    await fillDateTime(page, staffLocale, callAdmin.editor.fields.opensAt, new Date(Date.now() - DAY_MS));
    await fillDateTime(page, staffLocale, callAdmin.editor.fields.closesAt, new Date(Date.now() + 3 * DAY_MS));
    await page.getByRole('button', { name: callAdmin.editor.create, exact: true }).click();
    await expect(page.getByText(callAdmin.editor.created)).toBeVisible();
    // The notice may show before the editor has moved on to the new call's home: wait for its address.
    await page.waitForURL(/\/admin\/calls\/(?!new$)[\w-]+$/u);
    const callId = /\/admin\/calls\/([\w-]+)$/u.exec(new URL(page.url()).pathname)?.[1];
    expect(callId).toBeTruthy();

    // 2. The form, the home's first step: a step, then questions typed one per line (required unless unticked).
    const home = { fr: frCallHome, ar: arCallHome }[staffLocale];
    await expect(page.getByRole('heading', { level: 1, name: title[staffLocale] })).toBeVisible();
    await page.getByRole('region', { name: home.next.heading }).getByRole('link', { name: home.next.BUILD_FORM.action }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/calls/${callId}/form$`, 'u'));
    const builder = callAdmin.builder;
    if ((await page.getByText(builder.empty).count()) > 0) {
      await page.getByRole('button', { name: builder.section.add, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: builder.section.addTitle });
      await dialog.getByRole('textbox', { name: startingWith(builder.section.title) }).first().fill(staffLocale === 'ar' ? 'المشروع' : 'Le projet');
      await dialog.getByRole('button', { name: builder.field.apply }).click();
    }
    const line = page.getByRole('form', { name: templatePattern(builder.field.addTo) }).first();
    const label = line.getByRole('textbox', { name: templatePattern(builder.quickAdd.label) });
    await label.fill('Titre du projet');
    await label.press('Enter');
    await expect(label).toHaveValue('');
    await line.getByRole('combobox', { name: builder.field.type }).selectOption('LONG_TEXT');
    await label.fill('Résumé du projet');
    await label.press('Enter');
    await page.getByRole('button', { name: builder.save, exact: true }).click();
    await expect(page.getByText(templatePattern(builder.saved))).toBeVisible();

    // 3. Publication, from the home.
    await nextStep(page, staffLocale, callId!, 'button', callAdmin.lifecycle.publish);
    const publish = page.getByRole('dialog', { name: callAdmin.lifecycle.publishTitle });
    await publish.getByRole('button', { name: callAdmin.lifecycle.publishConfirm, exact: true }).click();
    await expect(page.getByText(callAdmin.lifecycle.published)).toBeVisible();

    // Six applicants apply (through the API): five in French, one in Arabic, whose project will win.
    const applicants = await applicantsSubmit(baseURL, callId!, [
      { displayName: 'Camille Bernard', locale: 'fr', projectTitle: 'Atelier de couture solidaire' },
      { displayName: 'Hugo Martin', locale: 'fr', projectTitle: 'Ferme solaire partagée' },
      { displayName: 'فاطمة الزهراء بناني', locale: 'ar', projectTitle: 'تعاونية الأركان النسائية' },
      { displayName: 'Léa Dubois', locale: 'fr', projectTitle: 'Bibliothèque mobile' },
      { displayName: 'Yanis Amrani', locale: 'fr', projectTitle: 'Recyclerie de quartier' },
      { displayName: 'Inès Lahlou', locale: 'fr', projectTitle: 'Cantine scolaire bio' },
    ]);
    const reference = (index: number) => applicants[index]!.application.reference!;
    // The demo staff account, an admin, reads the captured emails below.
    const staffApi = await signInStaffApi(baseURL);

    // 4. Screening: the six dossiers in one go (select all, mark eligible, acknowledge the deadline not passed).
    const screening = { fr: frScreening, ar: arScreening }[staffLocale];
    await nextStep(page, staffLocale, callId!, 'link', plural(home.next.SCREEN, 'action', 6, staffLocale));
    const bulk = page.getByRole('region', { name: screening.bulk.region });
    await bulk.getByRole('button', { name: screening.bulk.selectAll }).click();
    await expect(bulk.getByText(plural(screening.bulk, 'selected', 6, staffLocale), { exact: true })).toBeVisible();
    await bulk.getByRole('button', { name: screening.bulk.markEligible }).click();
    const screen = page.getByRole('dialog', { name: plural(screening.bulk.confirmTitle, 'ELIGIBLE', 6, staffLocale) });
    await screen.getByRole('textbox', { name: startingWith(screening.bulk.note) }).fill('Dossiers complets.');
    await screen.getByRole('checkbox', { name: screening.early.acknowledge }).check();
    await screen.getByRole('button', { name: plural(screening.bulk.confirm, 'ELIGIBLE', 6, staffLocale) }).click();
    await expect(screen).toBeHidden();
    for (const applicant of applicants) expect((await apiCall<TApplication>(staffApi, 'get', `/api/admin/applications/${applicant.application.id}`)).status).toBe('ELIGIBLE');

    // 5. Round 1, created with the call: the home asks for jurors first. An Arabic-speaking juror is
    // invited in Arabic chosen on the form, then two French-speaking ones.
    const r = roundsTexts[staffLocale];
    await page.goto(`/admin/calls/${callId}`);
    await expect(page.getByRole('region', { name: home.next.heading })).toContainText(format(home.next.ADD_JURORS.text, { number: 1 }));
    await screenshot(page, testInfo, `whole-call-${staffLocale}-home-after-screening`, { fullPage: true });
    await nextStep(page, staffLocale, callId!, 'link', format(home.next.ADD_JURORS.action, { number: 1 }));
    await expect(page).toHaveURL(/\/admin\/rounds\/[\w-]+\?tab=jurors$/);
    const round1Id = /\/admin\/rounds\/([\w-]+)/.exec(page.url())![1]!;
    const jurors: Person[] = [
      { displayName: 'سلمى الإدريسي', locale: 'ar', email: uniqueEmail('whole-juror-ar'), password: strongPassword() },
      { displayName: 'Karim Benali', locale: 'fr', email: uniqueEmail('whole-juror-fr1'), password: strongPassword() },
      { displayName: 'Claire Morel', locale: 'fr', email: uniqueEmail('whole-juror-fr2'), password: strongPassword() },
    ];
    for (const batch of [jurors.slice(0, 1), jurors.slice(1)]) {
      await page.getByLabel(r.jurors.addLabel).fill(batch.map((juror) => juror.email).join('\n'));
      await page.getByRole('combobox', { name: startingWith(r.jurors.emailLocale) }).selectOption(batch[0]!.locale);
      await page.getByRole('button', { name: r.jurors.add, exact: true }).click();
      await expect(page.getByText(templatePattern(r.jurors.resultInvited))).toContainText(batch[batch.length - 1]!.email);
    }
    const invitation = (await emailsTo(staffApi, jurors[0]!.email, 'invitation'))[0]!;
    expect(invitation.locale).toBe('ar');
    expect(invitation.text).toContain(title.ar);
    for (const juror of jurors) await acceptAs(baseURL, staffApi, juror);

    // Weighted criteria (50/30/20), written in French and Arabic.
    await page.getByRole('tab', { name: r.round.tabs.criteria }).click();
    const criteria = [
      { fr: 'Impact social', ar: 'الأثر الاجتماعي', weight: '50' },
      { fr: 'Faisabilité', ar: 'قابلية التنفيذ', weight: '30' },
      { fr: 'Innovation', ar: 'الابتكار', weight: '20' },
    ];
    const criterionRow = (index: number) => page.getByRole('group', { name: format(r.criteria.rowLabel, { number: index + 1 }) });
    await expect(criterionRow(0)).toBeVisible();
    for (const [index, criterion] of criteria.entries()) {
      if ((await criterionRow(index).count()) === 0) await page.getByRole('button', { name: r.criteria.add }).click();
      const fieldset = criterionRow(index);
      await fieldset.getByLabel(format(r.criteria.label, { language: texts.fr.common.language.nativeName })).fill(criterion.fr);
      await fieldset.getByLabel(format(r.criteria.label, { language: texts.ar.common.language.nativeName })).fill(criterion.ar);
      await fieldset.getByLabel(r.criteria.weight, { exact: true }).fill(criterion.weight);
    }
    await page.getByRole('button', { name: r.criteria.save }).click();
    await expect(page.getByText(r.criteria.saved)).toBeVisible();

    // Assignment while the round is a draft sends nothing; opening it (one action, acknowledging the
    // deadline not yet passed) sends each juror one email saying what waits, in their language.
    await nextStep(page, staffLocale, callId!, 'link', home.next.ASSIGN.action);
    await page.getByRole('button', { name: r.assignment.preview.run }).click();
    await page.getByRole('button', { name: r.assignment.preview.confirm }).click();
    await expect(page.getByText(format(r.assignment.auto.summary, { created: 18, kept: 0 }))).toBeVisible();
    for (const juror of jurors) expect(await emailsTo(staffApi, juror.email, 'jury-work-waiting')).toHaveLength(0);
    await nextStep(page, staffLocale, callId!, 'button', r.open.button);
    await confirmOpening(page, staffLocale);
    for (const juror of jurors) {
      await expect.poll(async () => (await emailsTo(staffApi, juror.email, 'jury-work-waiting')).map((email) => email.locale)).toEqual([juror.locale]);
    }
    // Running the assignment again changes nothing and sends nothing more.
    await page.goto(`/admin/rounds/${round1Id}?tab=assignment`);
    await page.getByRole('button', { name: r.assignment.preview.run }).click();
    // Nothing to add: the preview says so and its confirmation is disabled.
    await expect(page.getByText(r.assignment.preview.nothingToAdd)).toBeVisible();
    await expect(page.getByRole('button', { name: r.assignment.preview.confirm })).toBeDisabled();
    for (const juror of jurors) expect(await emailsTo(staffApi, juror.email, 'jury-work-waiting')).toHaveLength(1);

    // The jurors score (through the API): projects 3, 1 and 2 lead the ranking, in that order.
    const plan = await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round1Id}/assignments`);
    const { items: savedCriteria } = await apiCall<{ items: Array<{ id: string }> }>(staffApi, 'get', `/api/rounds/${round1Id}/criteria`);
    const quality = [4, 4, 5, 2, 2, 1];
    const lift = [0, -1, 0, 0, 1, 0];
    await Promise.all(
      jurors.map((juror) => {
        const jurorId = plan.jurors.find((j) => j.displayName === juror.displayName)!.id;
        const cards = plan.assignments
          .filter((assignment) => assignment.jurorId === jurorId)
          .map((assignment) => {
            const index = applicants.findIndex((applicant) => applicant.application.id === assignment.applicationId);
            return { assignmentId: assignment.id, values: [quality[index]!, quality[index]! + lift[index]!, 3], comment: '', shareable: false };
          });
        expect(cards).toHaveLength(6);
        return jurorScores(baseURL, juror, savedCriteria.map((criterion) => criterion.id), cards);
      }),
    );

    // 6. The ranking: the top 3 go into a new final ballot round.
    const results = { fr: frResults, ar: arResults }[staffLocale];
    await nextStep(page, staffLocale, callId!, 'link', format(home.next.READ_RANKING.action, { number: 1 }));
    await expect(page).toHaveURL(/\/ranking$/);
    await page.getByRole('textbox', { name: results.shortlist.topLabel }).fill('3');
    await page.getByRole('button', { name: plural(results.shortlist, 'top', 3, staffLocale) }).click();
    await page.getByRole('button', { name: format(plural(results.advance.button, 'new', 3, staffLocale), { number: 2 }) }).click();
    const advance = page.getByRole('dialog', { name: results.advance.confirmTitle });
    await advance.getByRole('radio', { name: r.kinds.BALLOT }).check();
    await advance.getByRole('button', { name: results.advance.confirm }).click();
    await expect(advance).toBeHidden();
    const rounds = await apiCall<{ items: TRound[] }>(staffApi, 'get', `/api/calls/${callId}/rounds`);
    const round2 = rounds.items.find((round) => round.number === 2)!;
    expect(round2.type).toBe('BALLOT');

    // 7. The final ballot: the same three jurors, opened with one action.
    await nextStep(page, staffLocale, callId!, 'link', format(home.next.ADD_JURORS.action, { number: 2 }));
    await page.getByLabel(r.jurors.addLabel).fill(jurors.map((juror) => juror.email).join('\n'));
    await page.getByRole('button', { name: r.jurors.add, exact: true }).click();
    await expect(page.getByText(templatePattern(r.jurors.resultAdded))).toBeVisible();
    await nextStep(page, staffLocale, callId!, 'button', r.open.button);
    await confirmOpening(page, staffLocale);
    // Two jurors of three put the Arabic applicant's project first.
    const finalists = [applicants[2]!, applicants[0]!, applicants[1]!].map((applicant) => applicant.application.id);
    const [arabic, first, second] = finalists as [string, string, string];
    await jurorBallots(baseURL, jurors[0]!, round2.id, [arabic, first, second]);
    await jurorBallots(baseURL, jurors[1]!, round2.id, [first, arabic, second]);
    await jurorBallots(baseURL, jurors[2]!, round2.id, [arabic, second, first]);
    const ballot = await apiCall<TBallotResult>(staffApi, 'get', `/api/rounds/${round2.id}/ballot-result`);
    expect(ballot.ranking[0]!.reference).toBe(reference(2));

    // 8. Decisions rest on the ballot: its order, said so; the winner is picked as "the first of the vote".
    const d = decisionTexts[staffLocale].decisions;
    await nextStep(page, staffLocale, callId!, 'link', home.next.READ_BALLOT.action);
    await expect(page).toHaveURL(/\/ballot$/);
    await page.goto(`/admin/calls/${callId}`);
    await page.getByRole('link', { name: home.tools.decisions.label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: d.page.heading })).toBeVisible();
    await expect(page.getByText(templateWithin(d.source.BALLOT))).toBeVisible();
    await page.getByRole('radiogroup', { name: d.filters.order }).getByRole('radio', { name: d.filters.orders.rank }).check();
    await expect(page.getByTestId('decision-row').first()).toContainText(reference(2));
    await screenshot(page, testInfo, `whole-call-${staffLocale}-decisions-on-the-ballot`, { fullPage: true });
    await page.getByRole('textbox', { name: d.select.topLabel }).fill('1');
    await page.getByRole('button', { name: format(d.select.topBallot, { count: 1 }) }).click();
    await page.getByRole('region', { name: d.bulk.region }).getByRole('button', { name: format(d.bulk.mark.WINNER, { count: 1 }) }).click();
    await expect(page.getByText(format(d.bulk.done.WINNER, { count: 1 }))).toBeVisible();
    await page.getByLabel(d.filters.outcome, { exact: true }).selectOption('NONE');
    await page.getByRole('checkbox', { name: d.table.selectVisible }).check();
    await page.getByRole('region', { name: d.bulk.region }).getByRole('button', { name: format(d.bulk.mark.NOT_SELECTED, { count: 5 }) }).click();
    await expect(page.getByText(format(d.bulk.done.NOT_SELECTED, { count: 5 }))).toBeVisible();

    // Publishing before the deadline says it closes the call now, and asks.
    await page.getByRole('button', { name: d.publish.button }).click();
    const confirm = page.getByRole('dialog', { name: d.publish.confirmTitle });
    await expect(confirm.getByText(d.publish.earlyTitle)).toBeVisible();
    await confirm.getByRole('button', { name: d.publish.confirmEarly }).click();
    await expect(page.getByTestId('publish-result')).toContainText(format(d.publish.result, { published: 6, queued: 6 }));

    // 9. Each applicant is told in their language; the winner in Arabic.
    await expect.poll(async () => (await emailsTo(staffApi, applicants[2]!.email, 'decision-winner')).map((email) => email.locale)).toEqual(['ar']);
    await expect.poll(async () => (await emailsTo(staffApi, applicants[0]!.email, 'decision-not-selected')).map((email) => email.locale)).toEqual(['fr']);
    const closed = await apiCall<{ items: TRound[] }>(staffApi, 'get', `/api/calls/${callId}/rounds`);
    expect(closed.items.map((round) => round.status)).toEqual(['CLOSED', 'CLOSED']);
    await page.goto(`/admin/calls/${callId}`);
    await expect(page.getByRole('region', { name: home.next.heading })).toContainText(home.next.DONE.text);
    await staffApi.dispose();
  });
}
