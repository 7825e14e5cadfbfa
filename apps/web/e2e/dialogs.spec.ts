import type { TLocale } from '@tahkim/contracts';
import type { Page } from '@playwright/test';
import arApplications from '../src/locales/ar/applications.json' with { type: 'json' };
import arCallAdmin from '../src/locales/ar/callAdmin.json' with { type: 'json' };
import arResults from '../src/locales/ar/results.json' with { type: 'json' };
import arScreening from '../src/locales/ar/screening.json' with { type: 'json' };
import enApplications from '../src/locales/en/applications.json' with { type: 'json' };
import enCallAdmin from '../src/locales/en/callAdmin.json' with { type: 'json' };
import enResults from '../src/locales/en/results.json' with { type: 'json' };
import enScreening from '../src/locales/en/screening.json' with { type: 'json' };
import frApplications from '../src/locales/fr/applications.json' with { type: 'json' };
import frCallAdmin from '../src/locales/fr/callAdmin.json' with { type: 'json' };
import frResults from '../src/locales/fr/results.json' with { type: 'json' };
import frScreening from '../src/locales/fr/screening.json' with { type: 'json' };
import { createApplicant, signIn } from './support/app';
import { startDraft } from './support/apply';
import { checkDialog } from './support/axe';
import { apiPerson, createPublishedCall, roundsTexts, signInStaffApi } from './support/jury';
import { escapeRegExp, startingWith, texts } from './support/locales';
import { DEMO, expect, test, type Credentials } from './support/test';

/**
 * Every dialog the applicant, juror and staff flows open on the demo data (and on a fresh call and a
 * fresh application): each is opened from the keyboard, must start on its first meaningful control
 * (never on the close button), pass axe-core's WCAG 2.2 A/AA rules at 360 and 1280 px, close on Escape
 * and give focus back to the control that opened it. The dialogs that need a later stage of a call
 * (scorecard and ballot confirmations, shortlist, decisions) are checked the same way in
 * keyboard-flows.spec.ts.
 */
const more = {
  fr: { applications: frApplications, callAdmin: frCallAdmin, results: frResults, screening: frScreening },
  ar: { applications: arApplications, callAdmin: arCallAdmin, results: arResults, screening: arScreening },
  en: { applications: enApplications, callAdmin: enCallAdmin, results: enResults, screening: enScreening },
} as const;

/** A translated template with `{{values}}` as "anything": for names that hold data. */
function anyValues(template: string): RegExp {
  const parts = template.split(/\{\{\s*\w+\s*\}\}/).map(escapeRegExp);
  return new RegExp(`^${parts.join('.+')}`, 'u');
}

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

async function signInAs(page: Page, locale: TLocale, who: Credentials): Promise<void> {
  await page.addInitScript((choice) => {
    // Not in the sandboxed email previews, where storage is out of reach.
    if (window === window.top) window.localStorage.setItem('tahkim.locale', choice);
  }, locale);
  await signIn(page, locale, who);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

const LOCALES: TLocale[] = ['ar', 'fr', 'en'];

for (const locale of LOCALES) {
  test.describe(`dialogs in ${locale}`, () => {
    test.describe.configure({ timeout: 120_000 });

    test(`the applicant's and the juror's dialogs (${locale})`, async ({ newPerson, baseURL }, testInfo) => {
      const checked: string[] = [];
      const findings: string[] = [];
      const { applications } = more[locale];

      // An applicant with a submitted application to a fresh call.
      const staffApi = await signInStaffApi(baseURL!);
      const call = await createPublishedCall(staffApi);
      await staffApi.dispose();
      const applicantApi = await apiPerson(baseURL!);
      const applicant = await createApplicant(applicantApi, locale, 'dialogs');
      const draft = await startDraft(applicantApi, call.id, { project_title: 'Atelier de réparation · ورشة إصلاح' });
      const submitted = await applicantApi.post(`/api/applications/${draft.id}/submit`, { data: { version: draft.version } });
      expect(submitted.status(), await submitted.text()).toBe(200);
      await applicantApi.dispose();

      const applicantPage = await newPerson();
      await signInAs(applicantPage, locale, applicant);
      await applicantPage.goto(`/portal/applications/${draft.id}`);
      await checkDialog(
        applicantPage,
        {
          label: 'withdraw an application',
          opener: applicantPage.getByRole('button', { name: applications.withdraw.button }),
          name: applications.withdraw.title,
          first: (dialog) => dialog.getByRole('button', { name: applications.withdraw.cancel }),
        },
        checked,
        findings,
      );

      const jurorPage = await newPerson();
      await signInAs(jurorPage, locale, DEMO.juror);
      const found = JSON.stringify(await json<unknown>(jurorPage, '/api/jury/assignments')).match(/"(?:assignmentId|id)":"([0-9a-f-]{36})"/);
      expect(found, 'the demo juror has an assignment').toBeTruthy();
      await jurorPage.goto(`/jury/assignments/${found![1]}`);
      const { jury } = texts[locale];
      await checkDialog(
        jurorPage,
        {
          label: 'declare a conflict of interest (scorecard)',
          opener: jurorPage.getByRole('button', { name: jury.conflict.action }).first(),
          name: anyValues(jury.conflict.title),
          first: (dialog) => dialog.getByRole('textbox', { name: startingWith(jury.conflict.reason) }),
        },
        checked,
        findings,
      );

      await testInfo.attach('dialogs checked', { body: checked.join('\n'), contentType: 'text/plain' });
      expect(checked).toHaveLength(2);
      expect(findings).toEqual([]);
    });

    test(`the staff's dialogs (${locale})`, async ({ newPerson }, testInfo) => {
      const checked: string[] = [];
      const findings: string[] = [];
      const { callAdmin, results, screening } = more[locale];
      const rounds = roundsTexts[locale];
      const page = await newPerson();
      await signInAs(page, locale, DEMO.staff);

      // The demo call: published, one round open with submitted scorecards.
      const calls = await json<{ items: Array<{ id: string; slug: string }> }>(page, '/api/calls');
      const demo = calls.items.find((item) => item.slug === 'innovation-sociale-2026')!;
      const roundList = await json<{ items: Array<{ id: string }> } | Array<{ id: string }>>(page, `/api/calls/${demo.id}/rounds`);
      const round = (Array.isArray(roundList) ? roundList : roundList.items)[0]!.id;
      const list = await json<{ items: Array<{ id: string; status: string }> }>(page, `/api/calls/${demo.id}/applications?pageSize=5`);
      const application = list.items.find((item) => item.status === 'SUBMITTED') ?? list.items[0]!;

      await page.goto(`/admin/applications/${application.id}`);
      await checkDialog(
        page,
        {
          label: 'screening decision',
          opener: page.getByRole('button', { name: screening.screening.markEligible }),
          name: screening.screening.confirmTitle.ELIGIBLE,
          first: (dialog) => dialog.getByRole('textbox', { name: startingWith(screening.screening.note) }),
        },
        checked,
        findings,
      );

      await page.goto(`/admin/calls/${demo.id}`);
      await checkDialog(
        page,
        {
          label: 'close a call early',
          opener: page.getByRole('button', { name: callAdmin.lifecycle.close }),
          name: callAdmin.lifecycle.closeTitle,
          first: (dialog) => dialog.getByRole('textbox', { name: startingWith(callAdmin.lifecycle.closeReason) }),
        },
        checked,
        findings,
      );

      await page.goto(`/admin/rounds/${round}?tab=progress`);
      await checkDialog(
        page,
        {
          label: 'reopen a submitted scorecard',
          opener: page.getByRole('button', { name: anyValues(rounds.progress.reopenFor) }).first(),
          name: rounds.progress.reopenTitle,
          first: (dialog) => dialog.getByRole('textbox', { name: startingWith(rounds.progress.reopenReason) }),
        },
        checked,
        findings,
      );

      await page.goto(`/admin/rounds/${round}/ranking`);
      await checkDialog(
        page,
        {
          label: "an application's scorecards (drawer)",
          opener: page.getByRole('button', { name: anyValues(results.table.open) }).first(),
          name: anyValues(results.scorecards.title),
          first: (dialog) => dialog.getByRole('link', { name: results.scorecards.openApplication }),
        },
        checked,
        findings,
      );
      await page.getByRole('checkbox', { name: anyValues(results.table.select) }).first().check();
      await checkDialog(
        page,
        {
          label: 'shortlist for the next round',
          opener: page.getByRole('region', { name: results.advance.region }).getByRole('button'),
          name: results.advance.confirmTitle,
          first: (dialog) => dialog.getByRole('button', { name: results.advance.confirm }),
        },
        checked,
        findings,
      );

      // A draft call of one's own: publishing it and editing its form.
      const draftCall = await page.request.post('/api/calls', {
        data: {
          slug: `dialogs-${locale}-${Date.now().toString(36)}`,
          title: { fr: 'Appel brouillon', ar: 'طلب مسودة', en: 'Draft call' },
          summary: { fr: 'Résumé', ar: 'ملخص', en: 'Summary' },
          description: { fr: 'Description', ar: 'وصف', en: 'Description' },
          eligibility: { fr: 'Tous', ar: 'الجميع', en: 'Everyone' },
          opensAt: new Date(Date.now() + 86_400_000).toISOString(),
          closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          referencePrefix: `D${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        },
      });
      expect(draftCall.status(), await draftCall.text()).toBe(201);
      const draftId = ((await draftCall.json()) as { id: string }).id;
      await page.goto(`/admin/calls/${draftId}`);
      await checkDialog(
        page,
        {
          label: 'publish a call',
          opener: page.getByRole('button', { name: callAdmin.lifecycle.publish, exact: true }),
          name: callAdmin.lifecycle.publishTitle,
          first: (dialog) => dialog.getByRole('button', { name: callAdmin.lifecycle.publishConfirm, exact: true }),
        },
        checked,
        findings,
      );
      await page.goto(`/admin/calls/${draftId}/form`);
      await checkDialog(
        page,
        {
          label: 'add a step to the form',
          opener: page.getByRole('button', { name: callAdmin.builder.section.add, exact: true }),
          name: callAdmin.builder.section.addTitle,
          first: (dialog) => dialog.getByRole('textbox', { name: startingWith(callAdmin.builder.section.title) }).first(),
        },
        checked,
        findings,
      );
      await checkDialog(
        page,
        {
          label: 'add a question to the form',
          opener: page.getByRole('form', { name: anyValues(callAdmin.builder.field.addTo) }).first().getByRole('button', { name: callAdmin.builder.quickAdd.allSettings, exact: true }),
          name: callAdmin.builder.field.addTitle,
          first: (dialog) => dialog.getByRole('combobox', { name: startingWith(callAdmin.builder.field.type) }),
        },
        checked,
        findings,
      );

      // The preview shows the form read-only in a language of one's choice: it opens on its (named) close button.
      await checkDialog(
        page,
        {
          label: 'preview the form',
          opener: page.getByRole('button', { name: callAdmin.builder.preview, exact: true }),
          name: callAdmin.preview.title,
          first: (dialog) => dialog.getByRole('button', { name: texts[locale].common.dialog.close, exact: true }),
        },
        checked,
        findings,
      );

      await testInfo.attach('dialogs checked', { body: checked.join('\n'), contentType: 'text/plain' });
      expect(checked).toHaveLength(9);
      expect(findings).toEqual([]);
    });
  });
}
