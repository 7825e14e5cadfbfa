import type { TAnswers, TFormField } from '@tahkim/contracts';
import {
  answerField,
  applicationOf,
  applyTexts,
  demoCall,
  expectAnswer,
  expectNoHorizontalScroll,
  expectNotClipped,
  PHONE_VIEWPORT,
  savedStatus,
  screenshot,
  startDraft,
  visibleSteps,
} from './support/apply';
import { createApplicant, signIn } from './support/app';
import { format } from './support/locales';
import { allowConsoleErrors, expect, test } from './support/test';

test.use({ viewport: PHONE_VIEWPORT });

test('a draft edited in two tabs: the older tab gets the conflict screen, the person chooses per answer and nothing is lost', async ({
  page,
  context,
  request,
}, testInfo) => {
  const { applications } = applyTexts.fr;
  const call = await demoCall(request);
  const [firstStep] = visibleSteps(call.form);
  const field = (key: string): TFormField => {
    const found = firstStep!.fields.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`No question ${key} on the first step of the demo form`);
    return found;
  };
  const projectName = field('project_name');
  const summary = field('project_summary');

  // An applicant with a draft already well under way (answers on two steps).
  const account = await createApplicant(request, 'fr', 'two-tabs');
  const initial: TAnswers = {
    project_name: 'Radio citoyenne de Salé',
    project_summary: 'Une radio associative animée par les jeunes du quartier, sur les ondes et en ligne.',
    region: 'MA-04',
    beneficiaries: ['youth', 'women'],
    stage: 'idea',
    organisation_name: 'Association Ondes citoyennes',
    contact_name: 'Youssef Amrani',
    contact_phone: '0698765432',
    people_trained_target: 30,
  };
  const draft = await startDraft(request, call.id, initial);

  await signIn(page, 'fr', account);
  await expect(page).toHaveURL(/\/portal$/);
  const tabA = page;
  const tabB = await context.newPage();
  // The browser logs tab B's refused save: the conflict is what this test is about.
  allowConsoleErrors(tabB, /status of 409 .* at \S+\/api\/applications\/[\w-]+$/);
  for (const tab of [tabA, tabB]) {
    await tab.goto(`/portal/applications/${draft.id}`);
    await expectAnswer(tab, projectName, initial.project_name, 'fr');
    await expect(tab.getByRole('status').filter({ hasText: applications.autosave.idle })).toBeVisible();
  }

  // Tab A: a new project name and summary, saved.
  const nameInA = 'Radio citoyenne de Salé : les ondes du quartier';
  const summaryInA = 'Une radio associative animée par les jeunes, avec des émissions en darija et en amazigh.';
  await answerField(tabA, projectName, nameInA, 'fr');
  await answerField(tabA, summary, summaryInA, 'fr');
  await expect(savedStatus(tabA, 'fr')).toBeVisible({ timeout: 10_000 });
  expect((await applicationOf(request, draft.id)).answers).toMatchObject({ project_name: nameInA, project_summary: summaryInA });

  // Tab B, still on the version it loaded: another project name. Its save is refused and it asks.
  const nameInB = 'Radio des jeunes de Salé';
  await answerField(tabB, projectName, nameInB, 'fr');
  const conflict = tabB.getByRole('region', { name: applications.conflict.heading });
  await expect(conflict).toBeVisible({ timeout: 10_000 });
  await expect(tabB.getByRole('status')).toContainText(applications.autosave.conflict);
  await expect(conflict.getByText(applications.conflict.intro.split('{{time}}')[0]!.trim())).toBeVisible();

  // Both versions of each differing answer, and only those.
  const choices = conflict.getByRole('listitem');
  await expect(choices).toHaveCount(2);
  const nameChoice = choices.filter({ hasText: projectName.label.fr });
  await expect(nameChoice.getByText(nameInB, { exact: true })).toBeVisible();
  await expect(nameChoice.getByText(nameInA, { exact: true })).toBeVisible();
  const summaryChoice = choices.filter({ hasText: summary.label.fr });
  await expect(summaryChoice.getByText(String(initial.project_summary), { exact: true })).toBeVisible();
  await expect(summaryChoice.getByText(summaryInA, { exact: true })).toBeVisible();
  await expectNoHorizontalScroll(tabB, 'the conflict screen');
  await expectNotClipped(conflict.locator('.mantine-Button-label'), 'a button of the conflict screen');
  await screenshot(tabB, testInfo, 'conflict-fr', { fullPage: true });

  // The person keeps this tab's name and the summary written in the other tab.
  await nameChoice.getByRole('radio', { name: applications.conflict.mine }).check();
  await summaryChoice.getByRole('radio', { name: applications.conflict.saved }).check();
  await conflict.getByRole('button', { name: applications.conflict.keepChoices }).click();
  await expect(conflict).toBeHidden();
  await expect(savedStatus(tabB, 'fr')).toBeVisible({ timeout: 10_000 });
  await expectAnswer(tabB, projectName, nameInB, 'fr');
  await expectAnswer(tabB, summary, summaryInA, 'fr');

  // Reloaded, both tabs show the chosen texts, and the rest of the draft is intact.
  const chosen: TAnswers = { ...initial, project_name: nameInB, project_summary: summaryInA };
  for (const tab of [tabA, tabB]) {
    await tab.reload();
    await expect(tab.getByRole('heading', { level: 2, name: firstStep!.section.title.fr })).toBeVisible();
    await expect(tab.getByRole('region', { name: applications.conflict.heading })).toBeHidden();
    await expect(tab.getByText(applications.form.restored)).toBeHidden();
    for (const each of firstStep!.fields) {
      if (chosen[each.key] !== undefined) await expectAnswer(tab, each, chosen[each.key], 'fr');
    }
  }
  const steps = visibleSteps(call.form);
  await expect(
    tabA.getByRole('button', {
      name: format(applications.steps.labelMissing, { number: 2, title: steps[1]!.section.title.fr, missing: 3 }),
    }),
  ).toBeVisible();

  // The owner's own view through the API: every answer, as chosen, one more version.
  const saved = await applicationOf(request, draft.id);
  expect(saved.status).toBe('DRAFT');
  expect(saved.answers).toMatchObject(chosen);
  expect(saved.version).toBeGreaterThanOrEqual(draft.version + 2);
});
