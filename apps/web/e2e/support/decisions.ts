import type { TApplication, TCallDecisionList, TDecisionTemplateList, TEmailMessage, TLocale, TRound } from '@tahkim/contracts';
import type { APIRequestContext, Page } from '@playwright/test';
import arBallot from '../../src/locales/ar/ballot.json' with { type: 'json' };
import arCallAdmin from '../../src/locales/ar/callAdmin.json' with { type: 'json' };
import arDecisions from '../../src/locales/ar/decisions.json' with { type: 'json' };
import enBallot from '../../src/locales/en/ballot.json' with { type: 'json' };
import enCallAdmin from '../../src/locales/en/callAdmin.json' with { type: 'json' };
import enDecisions from '../../src/locales/en/decisions.json' with { type: 'json' };
import frBallot from '../../src/locales/fr/ballot.json' with { type: 'json' };
import frCallAdmin from '../../src/locales/fr/callAdmin.json' with { type: 'json' };
import frDecisions from '../../src/locales/fr/decisions.json' with { type: 'json' };
import { startDraft } from './apply';
import { apiPerson, invitationToken } from './jury';
import { expect, strongPassword, uniqueEmail } from './test';

/** The texts of the ballot, decision and call-admin pages, straight from the app's translation files. */
export const decisionTexts: Record<TLocale, { ballot: typeof frBallot; decisions: typeof frDecisions; callAdmin: typeof frCallAdmin }> = {
  fr: { ballot: frBallot, decisions: frDecisions, callAdmin: frCallAdmin },
  ar: { ballot: arBallot, decisions: arDecisions, callAdmin: arCallAdmin },
  en: { ballot: enBallot, decisions: enDecisions, callAdmin: enCallAdmin },
};

export interface Person {
  displayName: string;
  email: string;
  password: string;
  locale: TLocale;
}

export interface SubmittedApplicant extends Person {
  application: TApplication;
  projectTitle: string;
}

/**
 * Applicants register (each in their language) and start their drafts all at once, then submit one after
 * the other, in the order given: their references follow that order. Through the API.
 */
export async function applicantsSubmit(
  baseURL: string,
  callId: string,
  people: Array<{ displayName: string; locale: TLocale; projectTitle: string }>,
): Promise<SubmittedApplicant[]> {
  const drafts = await Promise.all(
    people.map(async ({ projectTitle, ...who }) => {
      const api = await apiPerson(baseURL);
      const person = { ...who, email: uniqueEmail(`decision-${who.locale}`), password: strongPassword() };
      const registered = await api.post('/api/auth/register', { data: person });
      expect(registered.status(), await registered.text()).toBe(201);
      return { api, person, projectTitle, draft: await startDraft(api, callId, { project_title: projectTitle }) };
    }),
  );
  const submitted: SubmittedApplicant[] = [];
  for (const { api, person, projectTitle, draft } of drafts) {
    const response = await api.post(`/api/applications/${draft.id}/submit`, { data: { version: draft.version } });
    expect(response.status(), await response.text()).toBe(200);
    submitted.push({ ...person, projectTitle, application: (await response.json()) as TApplication });
    await api.dispose();
  }
  return submitted;
}

/** Staff invite new jurors to a round; each accepts the invitation in their own language (through the API). */
export async function inviteJurors(baseURL: string, staffApi: APIRequestContext, roundId: string, jurors: Array<{ displayName: string; locale: TLocale }>): Promise<Person[]> {
  const people = jurors.map((juror) => ({ ...juror, email: uniqueEmail(`ballot-juror-${juror.locale}`), password: strongPassword() }));
  const added = await staffApi.post(`/api/rounds/${roundId}/jurors`, { data: { emails: people.map((p) => p.email) } });
  expect(added.status(), await added.text()).toBe(200);
  await Promise.all(
    people.map(async (person) => {
      const token = await invitationToken(staffApi, person.email);
      const api = await apiPerson(baseURL);
      const accepted = await api.post(`/api/invitations/${token}/accept`, { data: { displayName: person.displayName, password: person.password, locale: person.locale } });
      expect(accepted.status(), await accepted.text()).toBe(200);
      await api.dispose();
    }),
  );
  return people;
}

export async function apiCall<T>(api: APIRequestContext, method: 'get' | 'post' | 'put' | 'patch', url: string, data?: unknown, status = 200): Promise<T> {
  const response = await api[method](url, data === undefined ? {} : { data });
  expect(response.status(), `${method.toUpperCase()} ${url}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

export async function roundOne(staffApi: APIRequestContext, callId: string): Promise<TRound> {
  const { items } = await apiCall<{ items: TRound[] }>(staffApi, 'get', `/api/calls/${callId}/rounds`);
  const round = items.find((r) => r.number === 1);
  if (!round) throw new Error(`Call ${callId} has no round 1`);
  return round;
}

/**
 * A juror scores applications of a round and submits each scorecard, through the jury routes:
 * `cards` gives, per assignment, the values in the order of `criterionIds` and the overall comment.
 */
export async function jurorScores(
  baseURL: string,
  juror: Person,
  criterionIds: readonly string[],
  cards: Array<{ assignmentId: string; values: number[]; comment: string; shareable: boolean }>,
): Promise<void> {
  const api = await apiPerson(baseURL);
  try {
    await apiCall(api, 'post', '/api/auth/login', { email: juror.email, password: juror.password });
    for (const card of cards) {
      const current = await apiCall<{ version: number }>(api, 'get', `/api/scorecards/${card.assignmentId}`);
      const saved = await apiCall<{ version: number; status: string }>(api, 'put', `/api/scorecards/${card.assignmentId}`, {
        version: current.version,
        values: criterionIds.map((criterionId, index) => ({ criterionId, value: card.values[index] ?? null, comment: null })),
        overallComment: card.comment,
        commentShareable: card.shareable,
      });
      const submitted = await apiCall<{ status: string }>(api, 'post', `/api/scorecards/${card.assignmentId}/submit`, { version: saved.version });
      expect(submitted.status).toBe('SUBMITTED');
    }
  } finally {
    await api.dispose();
  }
}

export async function decisionEmails(staffApi: APIRequestContext, to: string): Promise<TEmailMessage[]> {
  const response = await staffApi.get('/api/admin/emails', { params: { to } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: TEmailMessage[] }).items.filter((email) => email.template.startsWith('decision-'));
}

export async function decisionTemplates(staffApi: APIRequestContext, callId: string): Promise<TDecisionTemplateList> {
  return apiCall<TDecisionTemplateList>(staffApi, 'get', `/api/calls/${callId}/decision-templates`);
}

export async function callDecisions(staffApi: APIRequestContext, callId: string): Promise<TCallDecisionList> {
  return apiCall<TCallDecisionList>(staffApi, 'get', `/api/calls/${callId}/decisions`);
}

/** The references of the ballot list, top to bottom. */
export async function ballotOrder(page: Page): Promise<string[]> {
  const labels = await page.locator('ol.ballot-list > li .ballot-row-text > :nth-child(2)').allTextContents();
  return labels.map((label) => label.trim());
}
