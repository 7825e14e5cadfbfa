import { randomBytes } from 'node:crypto';
import type { TApplication, TFormDefinitionInput, TLocale } from '@tahkim/contracts';
import { request, type APIRequestContext } from '@playwright/test';
import arRounds from '../../src/locales/ar/rounds.json' with { type: 'json' };
import enRounds from '../../src/locales/en/rounds.json' with { type: 'json' };
import frRounds from '../../src/locales/fr/rounds.json' with { type: 'json' };
import { createApplicant } from './app';
import { emailsTo, startDraft } from './apply';
import { DEMO, expect, strongPassword, uniqueEmail } from './test';

/** The texts of the staff round pages, straight from the app's translation files. */
export const roundsTexts: Record<TLocale, typeof frRounds> = { fr: frRounds, ar: arRounds, en: enRounds };

const DAY_MS = 24 * 60 * 60 * 1000;
const text = (fr: string, ar: string, en: string) => ({ fr, ar, en });

/** A small form: one section, one required question (the project's title). */
export const JURY_FORM: TFormDefinitionInput = {
  sections: [
    {
      key: 'project',
      title: text('Le projet', 'المشروع', 'The project'),
      fields: [{ key: 'project_title', type: 'SHORT_TEXT', label: text('Titre du projet', 'عنوان المشروع', 'Project title'), required: true }],
    },
  ],
};

/** A request context of its own (own cookies, own address), as another person would have. */
export async function apiPerson(baseURL: string): Promise<APIRequestContext> {
  const address = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${(randomBytes(1)[0]! % 254) + 1}`;
  return request.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': address, Origin: baseURL } });
}

export async function signInStaffApi(baseURL: string): Promise<APIRequestContext> {
  const api = await apiPerson(baseURL);
  const signedIn = await api.post('/api/auth/login', { data: DEMO.staff });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  return api;
}

export interface FreshCall {
  id: string;
  slug: string;
  referencePrefix: string;
  title: Record<TLocale, string>;
}

/** Staff create and publish a call of their own with JURY_FORM, through the API. */
export async function createPublishedCall(staffApi: APIRequestContext): Promise<FreshCall> {
  const tag = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const referencePrefix = `J${randomBytes(3).toString('hex').toUpperCase()}`;
  const title = text(`Appel jury ${tag}`, `طلب مشاريع للجنة ${tag}`, `Jury call ${tag}`);
  const created = await staffApi.post('/api/calls', {
    data: {
      slug: `jury-e2e-${tag}`,
      title,
      summary: text('Résumé', 'ملخص', 'Summary'),
      description: text('Description', 'وصف', 'Description'),
      eligibility: text('Tous', 'الجميع', 'Everyone'),
      opensAt: new Date(Date.now() - DAY_MS).toISOString(),
      closesAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
      referencePrefix,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id, slug } = (await created.json()) as { id: string; slug: string };
  const form = await staffApi.get(`/api/calls/${id}/form`);
  expect(form.status(), await form.text()).toBe(200);
  const { version } = (await form.json()) as { version: number };
  const put = await staffApi.put(`/api/calls/${id}/form`, { data: { version, definition: JURY_FORM } });
  expect(put.status(), await put.text()).toBe(200);
  const published = await staffApi.post(`/api/calls/${id}/publish`);
  expect(published.status(), await published.text()).toBe(200);
  return { id, slug, referencePrefix, title };
}

/** A new applicant registers and submits one application to the call, through the API. */
export async function submitApplication(baseURL: string, callId: string, projectTitle: string): Promise<TApplication> {
  const api = await apiPerson(baseURL);
  try {
    await createApplicant(api, 'fr', 'jury-applicant');
    const draft = await startDraft(api, callId, { project_title: projectTitle });
    const submitted = await api.post(`/api/applications/${draft.id}/submit`, { data: { version: draft.version } });
    expect(submitted.status(), await submitted.text()).toBe(200);
    return (await submitted.json()) as TApplication;
  } finally {
    await api.dispose();
  }
}

/** The invitation token emailed to `to` (the latest invitation email), read by an admin (`staffApi` signed in as the demo staff, an admin). */
export async function invitationToken(staffApi: APIRequestContext, to: string): Promise<string> {
  // Newest first; other emails (work waiting for a juror) may have come after the invitation.
  const latest = (await emailsTo(staffApi, to)).find((email) => email.template === 'invitation');
  const token = /\/invitations\/([\w-]+)/.exec(latest?.text ?? '')?.[1];
  if (!token) throw new Error(`No invitation link was emailed to ${to}`);
  return token;
}

/** Someone accepts an invitation through the API (for the people whose acceptance is not under test). */
export async function acceptInvitationApi(baseURL: string, token: string, displayName: string): Promise<void> {
  const api = await apiPerson(baseURL);
  try {
    const accepted = await api.post(`/api/invitations/${token}/accept`, { data: { displayName, password: strongPassword(), locale: 'fr' } });
    expect(accepted.status(), await accepted.text()).toBe(200);
  } finally {
    await api.dispose();
  }
}

/**
 * A number followed by a percent sign, as `Intl.NumberFormat` writes it in any of the app's languages:
 * "75 %" in French, "75‎%‎" in Arabic (bidi marks around the sign, which may also be the Arabic "٪").
 * A source for `templateRegExp`.
 */
export function percentSource(value: number): string {
  return `${value}[\\s\\u200e\\u200f\\u061c]*[%٪][\\u200e\\u200f\\u061c]*`;
}

/** A score with one decimal, whichever decimal sign the language uses ("70,0", "70.0", "70٫0"). A source for `templateRegExp`. */
export function scoreSource(whole: number): string {
  return `${whole}[.,٫]0`;
}

export function jurorEmail(who: string): string {
  return uniqueEmail(`juror-${who}`);
}

/** Matches a translated template with `{{name}}` values given as regular expressions (others stay literal). */
export function templateRegExp(template: string, values: Record<string, string>): RegExp {
  const source = template
    .split(/(\{\{\s*\w+\s*\}\})/)
    .map((part) => {
      const name = /^\{\{\s*(\w+)\s*\}\}$/.exec(part)?.[1];
      if (name) return values[name] ?? '.+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/gu, '\\s*');
    })
    .join('');
  return new RegExp(`^\\s*${source}\\s*$`, 'u');
}
