import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { applyTexts, DEMO_APPLICANTS, DEMO_CALL_SLUG, demoCall, PHONE_VIEWPORT, startDraft } from './support/apply';
import { createApplicant } from './support/app';
import { expect, test } from './support/test';

/**
 * What a first visit downloads, as the browser fetched it (cold cache, on a phone): the public call page
 * within its budget of JavaScript (gzip, level 9, of the built files, so the figures do not depend on
 * the server's compression), the application form within its own (it checks answers as they are typed),
 * both within 30 KB of stylesheets, and no code of the jury's or the back office's screens with either.
 */
const DIST = path.join(import.meta.dirname, '..', 'dist');
const KB = 1024;
const BUDGETS = { callPage: 150 * KB, form: 200 * KB, css: 30 * KB };
/** The jury's and the back office's screens (their pages and layout) and styles, as the build named their files. */
const STAFF_OR_JURY_SOURCES = /^src\/(features\/(admin|call-admin|screening|rounds|results|decisions|audit|emails|jury|ballot)\/routes\/|features\/invitations\/routes\/admin-|features\/admin\/components\/admin-layout|app\/styles-staff)/u;
const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; src?: string }>;
const STAFF_OR_JURY_FILES = new Set(
  Object.values(manifest)
    .filter((chunk) => chunk.src && STAFF_OR_JURY_SOURCES.test(chunk.src))
    .map((chunk) => chunk.file.replace(/^assets\//u, '')),
);

interface Download {
  file: string;
  gzip: number;
}

test.use({ viewport: PHONE_VIEWPORT });

async function firstLoad(page: Page, url: string, ready: () => Promise<void>): Promise<{ js: Download[]; css: Download[] }> {
  const files = { js: new Set<string>(), css: new Set<string>() };
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith('/assets/')) return;
    if (pathname.endsWith('.js')) files.js.add(pathname);
    if (pathname.endsWith('.css')) files.css.add(pathname);
  });
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
  const sized = (set: Set<string>) =>
    [...set].map((file) => ({ file: file.slice('/assets/'.length), gzip: gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length })).sort((a, b) => b.gzip - a.gzip);
  return { js: sized(files.js), css: sized(files.css) };
}

function total(downloads: Download[]): number {
  return downloads.reduce((sum, download) => sum + download.gzip, 0);
}

function report(what: string, downloads: Download[], budget: number): string {
  const lines = downloads.map((download) => `  ${(download.gzip / KB).toFixed(1).padStart(6)} KB  ${download.file}`);
  return `${what}: ${(total(downloads) / KB).toFixed(1)} KB gzipped, budget ${budget / KB} KB\n${lines.join('\n')}`;
}

function expectWithin(what: string, downloads: Download[], budget: number): void {
  const summary = report(what, downloads, budget);
  console.log(summary);
  expect(total(downloads), summary).toBeLessThanOrEqual(budget);
  expect(downloads.filter((download) => STAFF_OR_JURY_FILES.has(download.file)).map((download) => download.file), summary).toEqual([]);
}

test("the public call page's first load stays within 150 KB of JavaScript and 30 KB of styles", async ({ page }) => {
  const { js, css } = await firstLoad(page, `/calls/${DEMO_CALL_SLUG}`, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: applyTexts.fr.calls.apply.signUp })).toBeVisible();
  });
  expect(STAFF_OR_JURY_FILES.size).toBeGreaterThan(20);
  expectWithin('call page, JavaScript', js, BUDGETS.callPage);
  expectWithin('call page, styles', css, BUDGETS.css);
});

test("the application form's first load stays within 200 KB of JavaScript and 30 KB of styles, without the jury's or the back office's code", async ({ page, playwright, baseURL }) => {
  const call = await demoCall(page.request);
  const api = await playwright.request.newContext({ baseURL });
  const account = await createApplicant(api, 'fr', 'budget');
  const signedIn = await page.request.post('/api/auth/login', { data: { email: account.email, password: account.password } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const draft = await startDraft(page.request, call.id, DEMO_APPLICANTS.fr.answers);
  await api.dispose();

  const { js, css } = await firstLoad(page, `/portal/applications/${draft.id}`, async () => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: applyTexts.fr.applications.form.next })).toBeVisible();
  });
  expectWithin('application form, JavaScript', js, BUDGETS.form);
  expectWithin('application form, styles', css, BUDGETS.css);
});
