import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TAnswers, TApplication, TEmailMessage, TFormDefinition, TFormField, TLocale } from '@tahkim/contracts';
import type { APIRequestContext, Locator, Page, TestInfo } from '@playwright/test';
import arApplications from '../../src/locales/ar/applications.json' with { type: 'json' };
import arCalls from '../../src/locales/ar/calls.json' with { type: 'json' };
import enApplications from '../../src/locales/en/applications.json' with { type: 'json' };
import enCalls from '../../src/locales/en/calls.json' with { type: 'json' };
import frApplications from '../../src/locales/fr/applications.json' with { type: 'json' };
import frCalls from '../../src/locales/fr/calls.json' with { type: 'json' };
import { DEMO, expect } from './test';
import { escapeRegExp } from './locales';

/** The texts of the call pages and the application form, straight from the app's translation files. */
export const applyTexts: Record<TLocale, { calls: typeof frCalls; applications: typeof frApplications }> = {
  fr: { calls: frCalls, applications: frApplications },
  ar: { calls: arCalls, applications: arApplications },
  en: { calls: enCalls, applications: enApplications },
};

/** The published call of the demo data, with a multi-step form. */
export const DEMO_CALL_SLUG = 'innovation-sociale-2026';

/** A reference number as the API allocates them: prefix, year, then a zero-padded counter. */
export const REFERENCE = /^[A-Z]{2,10}-20\d{2}-\d{4,}$/;

export const PHONE_VIEWPORT = { width: 360, height: 740 } as const;

/** Matches a translated template with its `{{values}}` left open (e.g. "Enregistré à {{time}}"). */
export function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\{\s*\w+\s*\}\}/);
  return new RegExp(`^${parts.map(escapeRegExp).join('.+')}$`, 'u');
}

/** Matches an accessible name that is exactly `label`, with the " *" of a required field or without. */
export function labelled(label: string): RegExp {
  return new RegExp(`^${escapeRegExp(label)}(\\s*\\*)?$`, 'u');
}

export { escapeRegExp };

export interface DemoCall {
  id: string;
  title: Record<TLocale, string>;
  form: TFormDefinition;
}

/** The demo call and its form, as the public API serves them to anyone. */
export async function demoCall(api: APIRequestContext): Promise<DemoCall> {
  const call = await api.get(`/api/calls/${DEMO_CALL_SLUG}`);
  expect(call.status(), await call.text()).toBe(200);
  const { id, title } = (await call.json()) as { id: string; title: Record<TLocale, string> };
  const form = await api.get(`/api/calls/${id}/form`);
  expect(form.status(), await form.text()).toBe(200);
  const { definition } = (await form.json()) as { definition: TFormDefinition };
  return { id, title, form: definition };
}

/** The steps an applicant goes through: visible sections with at least one visible question. */
export function visibleSteps(form: TFormDefinition) {
  return form.sections
    .filter((section) => !section.hidden)
    .map((section) => ({ section, fields: section.fields.filter((field) => !field.hidden) }))
    .filter((step) => step.fields.length > 0);
}

/**
 * A real PDF (header, catalog, one page, a content stream, cross-reference table and trailer), padded
 * to about `bytes` with a binary stream so that its upload takes long enough to watch.
 */
export function generatedPdf(bytes: number): Buffer {
  const padding = Buffer.alloc(Math.max(0, bytes - 1200));
  for (let index = 0; index < padding.length; index += 1) padding[index] = (index * 7919 + 13) % 251;
  const text = Buffer.from('BT /F1 24 Tf 72 720 Td (Pitch deck - Tahkim e2e) Tj ET');
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (chunk: Buffer | string) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    chunks.push(buffer);
    length += buffer.length;
  };
  const object = (number: number, body: Array<Buffer | string>) => {
    offsets[number] = length;
    push(`${number} 0 obj\n`);
    body.forEach(push);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n');
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']);
  object(3, ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>']);
  object(4, [`<< /Length ${text.length} >>\nstream\n`, text, '\nendstream']);
  object(5, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
  object(6, [`<< /Length ${padding.length} >>\nstream\n`, padding, '\nendstream']);
  const xref = length;
  push(`xref\n0 7\n0000000000 65535 f \n`);
  for (let number = 1; number <= 6; number += 1) push(`${String(offsets[number]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/** The page fits the phone's width: nothing to scroll sideways. */
export async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, `horizontal scrolling on ${where} (${scrollWidth}px of content in ${clientWidth}px)`).toBeLessThanOrEqual(clientWidth + 1);
}

/** Each element shows its whole text: nothing cut off at the phone's width. */
export async function expectNotClipped(elements: Locator, what: string): Promise<void> {
  for (const element of await elements.all()) {
    const { text, scrollWidth, clientWidth } = await element.evaluate((node) => ({
      text: node.textContent ?? '',
      scrollWidth: node.scrollWidth,
      clientWidth: node.clientWidth,
    }));
    expect(scrollWidth, `${what}: "${text}" is cut off (${scrollWidth}px of text in ${clientWidth}px)`).toBeLessThanOrEqual(clientWidth + 1);
  }
}

/**
 * A screenshot in test-results/screenshots (gitignored), for a person to look at. A full-page one
 * shows sticky bars (header, form actions) where the page was scrolled to, not at the top or bottom.
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string, { fullPage = false } = {}): Promise<void> {
  const dir = path.join(testInfo.project.outputDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

/**
 * Records every value the upload progress bars of the page show, from now on: a fast upload may
 * show a bar for less time than an assertion polls, the record keeps it.
 */
export async function recordProgressBars(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progressSeen: number[] }).__progressSeen = seen;
    const note = () => {
      for (const bar of document.querySelectorAll('[role="progressbar"][aria-label]')) {
        if (bar.closest('[aria-hidden="true"]')) continue;
        const value = Number(bar.getAttribute('aria-valuenow'));
        if (seen[seen.length - 1] !== value) seen.push(value);
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  return () => page.evaluate(() => (window as unknown as { __progressSeen: number[] }).__progressSeen);
}

/** Slows this page's uploads down to a mobile connection's pace (Chromium's network emulation). */
export async function throttleUploads(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
  };
}

/** Answers one question as a person would, with the input its type shows. */
export async function answerField(page: Page, field: TFormField, value: unknown, locale: TLocale): Promise<void> {
  const label = labelled(field.label[locale]);
  const option = (optionValue: unknown) => {
    const found = field.options.find((candidate) => candidate.value === optionValue);
    if (!found) throw new Error(`No option ${String(optionValue)} in ${field.key}`);
    return found.label[locale];
  };
  switch (field.type) {
    case 'SINGLE_CHOICE':
      if (field.options.length <= 6) {
        await page.getByRole('radio', { name: option(value), exact: true }).check();
        return;
      }
      await page.getByLabel(label).selectOption(String(value));
      return;
    case 'REGION':
      await page.getByLabel(label).selectOption(String(value));
      return;
    case 'MULTIPLE_CHOICE':
      for (const each of value as unknown[]) await page.getByRole('checkbox', { name: option(each), exact: true }).check();
      return;
    case 'NUMBER':
    case 'MONEY':
      if (locale === 'ar') {
        // Typed with an Arabic keyboard's digits (١٥٠٠٠٠): the input keeps them as 150000.
        await page.getByLabel(label).pressSequentially(String(value).replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit))));
        return;
      }
      await page.getByLabel(label).fill(String(value));
      return;
    case 'DATE':
      // Typed day/month/year in every language, whatever the browser's own language.
      await page.getByLabel(label).fill(dayMonthYear(String(value)));
      return;
    default:
      await page.getByLabel(label).fill(String(value));
  }
}

/** "2025-03-01" as the date inputs show it: "01/03/2025". */
function dayMonthYear(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** 150000 as the number inputs and views show it: "150 000" (thin space) in Arabic and French, "150,000" in English. */
export function groupedNumber(value: number, locale: TLocale): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'en' ? ',' : '\u202F');
}

/** The value a question shows now, as the applicant left it. */
export async function expectAnswer(page: Page, field: TFormField, value: unknown, locale: TLocale): Promise<void> {
  const label = labelled(field.label[locale]);
  const optionLabel = (optionValue: unknown) => field.options.find((candidate) => candidate.value === optionValue)!.label[locale];
  switch (field.type) {
    case 'SINGLE_CHOICE':
      if (field.options.length <= 6) {
        await expect(page.getByRole('radio', { name: optionLabel(value), exact: true }), field.key).toBeChecked();
        return;
      }
      await expect(page.getByLabel(label), field.key).toHaveValue(String(value));
      return;
    case 'REGION':
      await expect(page.getByLabel(label), field.key).toHaveValue(String(value));
      return;
    case 'MULTIPLE_CHOICE':
      for (const option of field.options) {
        const box = page.getByRole('checkbox', { name: option.label[locale], exact: true });
        if ((value as unknown[]).includes(option.value)) await expect(box, `${field.key}: ${option.value}`).toBeChecked();
        else await expect(box, `${field.key}: ${option.value}`).not.toBeChecked();
      }
      return;
    case 'NUMBER':
    case 'MONEY':
      await expect(page.getByLabel(label), field.key).toHaveValue(groupedNumber(Number(value), locale));
      return;
    case 'DATE':
      await expect(page.getByLabel(label), field.key).toHaveValue(dayMonthYear(String(value)));
      return;
    default:
      await expect(page.getByLabel(label), field.key).toHaveValue(String(value));
  }
}

/** A step's title, e.g. "Étape 2 sur 5 : L'organisation". */
export function stepPosition(locale: TLocale, current: number, total: number, title: string): string {
  return applyTexts[locale].applications.steps.position
    .replace('{{current}}', String(current))
    .replace('{{total}}', String(total))
    .replace('{{title}}', title);
}

/** The status line of the autosave, once it says the answers are saved. */
export function savedStatus(page: Page, locale: TLocale): Locator {
  return page.getByRole('status').filter({ hasText: templatePattern(applyTexts[locale].applications.autosave.saved) });
}

/** A staff member's view of the captured emails to `to` (newest first), through the API. */
export async function emailsTo(staffApi: APIRequestContext, to: string): Promise<TEmailMessage[]> {
  const response = await staffApi.get('/api/admin/emails', { params: { to } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { items: TEmailMessage[] }).items;
}

export async function signInAsStaff(api: APIRequestContext): Promise<void> {
  const signedIn = await api.post('/api/auth/login', { data: DEMO.staff });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
}

/** An application as its owner reads it through the API (`api` signed in as them). */
export async function applicationOf(api: APIRequestContext, id: string): Promise<TApplication> {
  const response = await api.get(`/api/applications/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as TApplication;
}

/** Starts a draft for the demo call and saves `answers` in it, as its owner (`api` signed in as them). */
export async function startDraft(api: APIRequestContext, callId: string, answers: TAnswers): Promise<TApplication> {
  const created = await api.post(`/api/calls/${callId}/applications`);
  expect(created.status(), await created.text()).toBe(201);
  const draft = (await created.json()) as TApplication;
  const saved = await api.patch(`/api/applications/${draft.id}`, { data: { version: draft.version, answers } });
  expect(saved.status(), await saved.text()).toBe(200);
  return (await saved.json()) as TApplication;
}

/** An applicant of the demo call, with answers to its form. */
export interface DemoApplicant {
  displayName: string;
  /** Every required answer of the demo form and a few optional ones (launch date, website, revenue). */
  answers: TAnswers;
  /** The pitch deck they upload. */
  fileName: string;
}

/** Two applicants of the demo call, one writing in French and one in Arabic. */
export const DEMO_APPLICANTS: Record<'fr' | 'ar', DemoApplicant> = {
  fr: {
    displayName: 'Salma Benjelloun',
    fileName: 'pitch-deck-cuisine-solidaire.pdf',
    answers: {
      project_name: 'Cuisine solidaire de Derb Sultan',
      project_summary:
        'Un traiteur social qui forme des femmes en difficulté aux métiers de la restauration et les accompagne vers un emploi stable.',
      region: 'MA-06',
      beneficiaries: ['women', 'single_mothers'],
      stage: 'launch',
      launch_date: '2025-03-01',
      organisation_name: 'Association Nour pour l’insertion',
      legal_form: 'association',
      team: 'Trois cheffes formatrices, une chargée d’insertion professionnelle et une comptable bénévole.',
      contact_name: 'Salma Benjelloun',
      contact_email: 'contact@nour-insertion.example.ma',
      contact_phone: '0612345678',
      website: 'https://nour-insertion.example.ma',
      economic_model: 'Les prestations de traiteur pour les entreprises financent la formation ; équilibre visé en deuxième année.',
      revenue_last_year: 85000,
      expected_impact: '40 femmes formées par an, dont 25 insérées dans un emploi durable au bout de six mois.',
      people_trained_target: 40,
      people_placed_target: 25,
      requested_amount: 150000,
      use_of_funds: 'Équipement de la cuisine pédagogique et bourses de formation pour deux cohortes.',
    },
  },
  ar: {
    displayName: 'فاطمة الزهراء بنعلي',
    fileName: 'عرض-تقديمي-دراجات-مراكش.pdf',
    answers: {
      project_name: 'دراجات مراكش للسلامة الطرقية',
      project_summary: 'كراء الدراجات الهوائية للسياح وتمويل حصص التربية على السلامة الطرقية لفائدة تلاميذ المدارس العمومية.',
      region: 'MA-07',
      beneficiaries: ['youth', 'children'],
      stage: 'growth',
      launch_date: '2024-09-15',
      organisation_name: 'تعاونية الدراجة الخضراء',
      legal_form: 'cooperative',
      team: 'خمسة شباب من المدينة العتيقة: مسير، ميكانيكيان، منشطة تربوية ومحاسب.',
      contact_name: 'فاطمة الزهراء بنعلي',
      contact_email: 'velo-vert@example.ma',
      contact_phone: '0661234567',
      website: 'https://velo-vert.example.ma',
      economic_model: 'مداخيل كراء الدراجات تغطي أجور الفريق وتمول ورشات التوعية في المدارس.',
      revenue_last_year: 120000,
      expected_impact: 'تكوين 300 تلميذ في السنة على قواعد السير وإدماج 6 شباب في مهن صيانة الدراجات.',
      people_trained_target: 300,
      people_placed_target: 6,
      requested_amount: 200000,
      use_of_funds: 'شراء عشرين دراجة جديدة وتجهيز ورشة الصيانة وإعداد حقيبة بيداغوجية.',
    },
  },
};
