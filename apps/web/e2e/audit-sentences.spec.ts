import * as contracts from '@tahkim/contracts';
import type { TAuditPage, TLocale, TRound, TRoundAssignments } from '@tahkim/contracts';
import type { APIRequestContext, Page } from '@playwright/test';
import { createTeamMember, expectLanguage, signIn, switchLanguage } from './support/app';
import { apiCall, applicantsSubmit, inviteJurors, jurorScores, roundOne, type Person } from './support/decisions';
import { apiPerson, createPublishedCall, signInStaffApi } from './support/jury';
import arAudit from '../src/locales/ar/audit.json' with { type: 'json' };
import enAudit from '../src/locales/en/audit.json' with { type: 'json' };
import frAudit from '../src/locales/fr/audit.json' with { type: 'json' };
import { expect, test } from './support/test';

const CRITERIA = [
  { key: 'impact', label: { fr: 'Impact social', ar: 'الأثر الاجتماعي', en: 'Social impact' }, weight: 3, scaleMin: 1, scaleMax: 5 },
  { key: 'feasibility', label: { fr: 'Faisabilité', ar: 'قابلية التنفيذ', en: 'Feasibility' }, weight: 1, scaleMin: 1, scaleMax: 5 },
];
const PAGE_SIZE = 50;
const auditTexts = { fr: frAudit, ar: arAudit, en: enAudit } as const;

/** Every code of the platform (statuses, outcomes, roles, methods…): an entry's words never show one. */
const ENUM_VALUES = new Set(
  Object.values(contracts).flatMap((value) => {
    const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null && 'options' in value && Array.isArray(value.options) ? value.options : [];
    return list.filter((item): item is string => typeof item === 'string' && /^[A-Z][A-Z_]{2,}$/.test(item));
  }),
);

/** What a row must not show: platform codes, field names, action codes, ids, machine dates, untranslated keys. */
function rawParts(text: string, actions: readonly string[]): string[] {
  const withoutEmails = text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '');
  return [
    ...[...withoutEmails.matchAll(/\b[A-Z][A-Z_]{2,}\b/g)].map((match) => match[0]).filter((word) => ENUM_VALUES.has(word)),
    ...(withoutEmails.match(/\b[a-z]+[A-Z]\w*\b/g) ?? []),
    ...(withoutEmails.match(/\b[a-z]+_[a-z_]+\b/g) ?? []),
    ...actions.filter((action) => withoutEmails.includes(action)),
    ...(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}/gi) ?? []),
    ...(text.match(/\d{4}-\d{2}-\d{2}T\d{2}/g) ?? []),
    ...(text.match(/\{\{|\}\}|sentences\.|targets\.|fields\.|values\./g) ?? []),
  ];
}

const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');
/** Matches the text whatever isolates surround the names in it. */
const loose = (text: string) => new RegExp(text.split('').map((char) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\u2066-\\u2069]*'), 'u');

/**
 * A small call run through the API, so the trail holds the actions of a whole evaluation: sign-in
 * failures, a call created, edited and published with its form, applicants registering and submitting,
 * screening, criteria, a round opened, jurors invited and accepting, automatic assignment, scorecards
 * submitted and one reopened, a decision, a shortlist into round 2, a withdrawal and a sign-out.
 */
async function runACall(baseURL: string, staffApi: APIRequestContext) {
  const anonymous = await apiPerson(baseURL);
  expect((await anonymous.post('/api/auth/login', { data: { email: 'nobody-here@tahkim.example', password: 'Not-the-password-1' } })).status()).toBe(401);
  await anonymous.dispose();

  const call = await createPublishedCall(staffApi);
  await apiCall(staffApi, 'patch', `/api/calls/${call.id}`, { summary: { fr: 'Un appel pour le journal', ar: 'طلب مشاريع للسجل', en: 'A call for the trail' } });
  const [first, second, third] = await applicantsSubmit(baseURL, call.id, [
    { displayName: 'Salma Journal', locale: 'fr', projectTitle: 'Atelier du journal' },
    { displayName: 'هند السجل', locale: 'ar', projectTitle: 'تعاونية السجل' },
    { displayName: 'Yanis Retrait', locale: 'fr', projectTitle: 'Projet retiré' },
  ]);
  await apiCall(staffApi, 'post', `/api/applications/${first!.application.id}/screening`, { decision: 'ELIGIBLE', note: 'Dossier complet', acknowledgeEarly: true });

  const round = await roundOne(staffApi, call.id);
  await apiCall(staffApi, 'put', `/api/rounds/${round.id}/criteria`, { criteria: CRITERIA });
  await apiCall(staffApi, 'patch', `/api/rounds/${round.id}`, { status: 'OPEN', scorecardsRequired: 1, acknowledgeEarly: true });
  const [juror] = (await inviteJurors(baseURL, staffApi, round.id, [{ displayName: 'Driss Journal', locale: 'ar' }])) as [Person];
  await apiCall(staffApi, 'post', `/api/rounds/${round.id}/assignments/auto`);
  const plan = await apiCall<TRoundAssignments>(staffApi, 'get', `/api/rounds/${round.id}/assignments`);
  const { items: criteria } = await apiCall<{ items: Array<{ id: string; key: string }> }>(staffApi, 'get', `/api/rounds/${round.id}/criteria`);
  const criterionIds = CRITERIA.map((c) => criteria.find((saved) => saved.key === c.key)!.id);
  const mine = plan.assignments.filter((assignment) => assignment.applicationId !== third!.application.id);
  await jurorScores(
    baseURL,
    juror,
    criterionIds,
    mine.map((assignment, index) => ({ assignmentId: assignment.id, values: [index + 3, 4], comment: 'Bon projet', shareable: false })),
  );
  await apiCall(staffApi, 'post', `/api/scorecards/${mine[0]!.id}/reopen`, { reason: 'Note saisie trop vite' });

  const withdrawing = await apiPerson(baseURL);
  await apiCall(withdrawing, 'post', '/api/auth/login', { email: third!.email, password: third!.password });
  await apiCall(withdrawing, 'post', `/api/applications/${third!.application.id}/withdraw`);
  expect((await withdrawing.post('/api/auth/logout')).status()).toBe(200);
  await withdrawing.dispose();

  await apiCall(staffApi, 'put', `/api/applications/${second!.application.id}/decision`, { outcome: 'WINNER', note: 'Double impact' });
  await apiCall(staffApi, 'post', `/api/rounds/${round.id}/advance`, { applicationIds: [first!.application.id] }, 201);
  return { call, round: round as TRound };
}

async function auditTotal(staffApi: APIRequestContext): Promise<{ total: number; actions: string[] }> {
  const page = await apiCall<TAuditPage>(staffApi, 'get', `/api/audit?pageSize=1`);
  return { total: page.total, actions: page.actions };
}

/** Every row of every page of the trail reads as a sentence in `locale`, with nothing raw in it. */
async function expectEveryEntryReadable(page: Page, staffApi: APIRequestContext, locale: TLocale): Promise<Set<string>> {
  const t = auditTexts[locale];
  const { total, actions } = await auditTotal(staffApi);
  const sentences = new Set<string>();
  for (let number = 1; number <= Math.ceil(total / PAGE_SIZE); number += 1) {
    await page.goto(`/admin/audit?page=${number}`);
    await expect(page.getByRole('heading', { level: 1, name: t.heading })).toBeVisible();
    const rows = page.getByTestId('audit-row');
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    for (let index = 0; index < count; index += 1) {
      const row = rows.nth(index);
      const sentence = plain((await row.getByTestId('audit-sentence').innerText()).trim());
      const all = plain(await row.innerText());
      expect(sentence.length, all).toBeGreaterThan(10);
      expect(rawParts(all, actions), `${locale}: ${all}`).toEqual([]);
      sentences.add(sentence);
    }
  }
  return sentences;
}

test('every entry of the audit trail reads as a sentence with its values in words, in French, Arabic and English', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const staffApi = await signInStaffApi(baseURL!);
  const { call, round } = await runACall(baseURL!, staffApi);

  const member = await createTeamMember(await signInStaffApi(baseURL!));
  await signIn(page, 'fr', member);
  await expect(page).toHaveURL(/\/admin/);
  const opened = { fr: `a ouvert le tour 1 de « ${call.title.fr} »`, ar: `الجولة 1 من «${call.title.ar}»`, en: `opened round 1 of “${call.title.en}”` };
  const published = { fr: `a publié l'appel « ${call.title.fr} »`, ar: `نشر`, en: `published the call “${call.title.en}”` };

  for (const locale of ['fr', 'ar', 'en'] as const) {
    if (locale !== 'fr') await switchLanguage(page, locale);
    await expectLanguage(page, locale);
    const sentences = [...(await expectEveryEntryReadable(page, staffApi, locale))];
    // The round opened and the call published read as they were done, with the call's title in the reader's language.
    expect(sentences.some((sentence) => sentence.includes(opened[locale])), sentences.join('\n')).toBe(true);
    expect(sentences.some((sentence) => sentence.includes(published[locale]) && sentence.includes(call.title[locale])), sentences.join('\n')).toBe(true);
  }

  // One record's history: the round, named in words; its raw record is one click away, as stored.
  await page.goto(`/admin/audit?entityType=Round&entityId=${round.id}`);
  const t = auditTexts.en;
  await expect(page.getByText(`${t.filters.entityNamed.split(':')[0]!}:`, { exact: false })).toContainText(call.title.en);
  const row = page.getByTestId('audit-row').filter({ hasText: loose(opened.en) });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: t.changes.show }).click();
  await expect(row.getByTestId('audit-raw')).toContainText('"status": "OPEN"');
  await expect(row.getByTestId('audit-raw')).toContainText('round.updated');
});
