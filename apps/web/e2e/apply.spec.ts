import type { TLocale } from '@tahkim/contracts';
import {
  answerField,
  applyTexts,
  DEMO_APPLICANTS,
  DEMO_CALL_SLUG,
  demoCall,
  emailsTo,
  escapeRegExp,
  expectAnswer,
  expectNoHorizontalScroll,
  generatedPdf,
  groupedNumber,
  PHONE_VIEWPORT,
  recordProgressBars,
  REFERENCE,
  savedStatus,
  screenshot,
  signInAsStaff,
  stepPosition,
  throttleUploads,
  visibleSteps,
} from './support/apply';
import { expectLanguage, switchLanguage } from './support/app';
import { format, startingWith, texts } from './support/locales';
import { expect, strongPassword, test, uniqueEmail } from './support/test';

test.use({ viewport: PHONE_VIEWPORT });

/** Big enough for the progress bar to show on a slowed-down upload, well under the field's 10 MB. */
const PDF_BYTES = 2_500_000;

for (const locale of ['fr', 'ar'] as const satisfies TLocale[]) {
  test(`a new applicant signs up from the call page, fills every step on a phone, uploads a PDF, reloads, submits and gets a receipt (${locale})`, async ({
    page,
    request,
  }, testInfo) => {
    test.slow();
    const { calls, applications } = applyTexts[locale];
    const { auth } = texts[locale];
    const { answers, displayName, fileName } = DEMO_APPLICANTS[locale];
    const person = { displayName, email: uniqueEmail(`apply-${locale}`), password: strongPassword() };
    const call = await demoCall(request);
    const steps = visibleSteps(call.form);
    const total = steps.length + 1;

    // The calls, in the visitor's language.
    await page.goto('/calls');
    await expectLanguage(page, 'fr');
    if (locale !== 'fr') await switchLanguage(page, locale);
    await expect(page.getByRole('heading', { level: 1, name: calls.list.heading })).toBeVisible();
    await expectNoHorizontalScroll(page, 'the list of calls');
    await page.getByRole('link', { name: call.title[locale], exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/calls/${DEMO_CALL_SLUG}$`));
    await expect(page.getByRole('heading', { level: 1, name: call.title[locale] })).toBeVisible();
    await expect(page.getByText(calls.countdown.label)).toBeVisible();
    await expectNoHorizontalScroll(page, 'the call page');

    // Signs up from the call and comes back to it.
    await page.getByRole('link', { name: calls.apply.signUp }).click();
    await expect(page.getByRole('heading', { level: 1, name: auth.register.heading })).toBeVisible();
    await expectLanguage(page, locale);
    await page.getByLabel(startingWith(auth.fields.displayName)).fill(person.displayName);
    await page.getByLabel(startingWith(auth.fields.email)).fill(person.email);
    await page.getByLabel(startingWith(auth.fields.password)).fill(person.password);
    await expect(page.getByLabel(startingWith(auth.fields.locale))).toHaveValue(locale);
    await expectNoHorizontalScroll(page, 'the sign-up page');
    await page.getByRole('button', { name: auth.register.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/calls/${DEMO_CALL_SLUG}$`));
    await expect(page.getByRole('heading', { level: 1, name: call.title[locale] })).toBeVisible();

    await page.getByRole('button', { name: calls.apply.start, exact: true }).click();
    await expect(page).toHaveURL(/\/portal\/applications\/[\w-]+$/);
    const applicationId = /\/portal\/applications\/([\w-]+)$/.exec(page.url())![1]!;
    await expect(page.getByRole('heading', { level: 1, name: call.title[locale] })).toBeVisible();
    await expectLanguage(page, locale);

    // Every step, in order.
    for (const [index, step] of steps.entries()) {
      const title = step.section.title[locale];
      await expect(page.getByText(stepPosition(locale, index + 1, total, title), { exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
      for (const field of step.fields) {
        if (field.type === 'FILE') {
          if (field.limits.acceptedMediaTypes?.includes('application/pdf') && field.key === 'pitch_deck') {
            await uploadPdf(field.label[locale]);
          } else {
            expect(field.required, `${field.key} is a required file: the test uploads only the pitch deck`).toBe(false);
          }
          continue;
        }
        const value = answers[field.key];
        if (value === undefined) {
          expect(field.required, `${field.key} is required but the test has no answer for it`).toBe(false);
          continue;
        }
        await answerField(page, field, value, locale);
      }
      await expectNoHorizontalScroll(page, `step ${index + 1} (${title})`);
      if (index < steps.length - 1) {
        await page.getByRole('button', { name: applications.form.next, exact: true }).click();
      }
    }

    // Everything typed is saved by itself.
    await expect(savedStatus(page, locale)).toBeVisible({ timeout: 15_000 });
    await screenshot(page, testInfo, `apply-${locale}-last-step`);

    // A reload mid-way: every answer and the file are still there, from the server.
    await page.reload();
    const last = steps.length - 1;
    await expect(page.getByText(stepPosition(locale, last + 1, total, steps[last]!.section.title[locale]), { exact: true })).toBeVisible();
    await expect(page.getByText(applications.form.restored)).toBeHidden();
    await expectPdfListed(steps[last]!.fields.find((field) => field.key === 'pitch_deck')!.label[locale]);
    await page
      .getByRole('navigation', { name: applications.steps.navLabel })
      .getByRole('button', { name: format(applications.steps.labelComplete, { number: 1, title: steps[0]!.section.title[locale] }) })
      .click();
    for (const [index, step] of steps.entries()) {
      await expect(page.getByText(stepPosition(locale, index + 1, total, step.section.title[locale]), { exact: true })).toBeVisible();
      for (const field of step.fields) {
        if (field.type !== 'FILE' && answers[field.key] !== undefined) await expectAnswer(page, field, answers[field.key], locale);
      }
      await page
        .getByRole('button', { name: index < steps.length - 1 ? applications.form.next : applications.form.toReview, exact: true })
        .click();
    }

    // The review: every answer, nothing missing.
    await expect(page.getByText(stepPosition(locale, total, total, applications.review.title), { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: applications.review.title })).toBeVisible();
    await expect(page.getByText(applications.review.ready)).toBeVisible();
    await expect(page.getByText(String(answers.project_name), { exact: true })).toBeVisible();
    await expect(page.getByText(String(answers.use_of_funds), { exact: true })).toBeVisible();
    // The amount as the input showed it, with the dirham in the page's language.
    const unit = locale === 'ar' ? 'درهم' : 'MAD';
    await expect(page.getByText(`${groupedNumber(Number(answers.requested_amount), locale)}\u00A0${unit}`, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: fileName })).toBeVisible();
    await expectNoHorizontalScroll(page, 'the review');
    await screenshot(page, testInfo, `apply-${locale}-review`, { fullPage: true });

    await page.getByRole('button', { name: applications.review.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/portal/applications/${applicationId}/submitted$`));
    await expect(page.getByRole('heading', { level: 1, name: applications.submitted.heading })).toBeVisible();
    await expect(page.getByText(format(applications.submitted.body, { call: call.title[locale] }))).toBeVisible();
    // The address is isolated left to right inside the sentence (invisible LRI/PDI marks around it).
    const [beforeEmail, afterEmail] = applications.submitted.email.split('{{email}}') as [string, string];
    await expect(
      page.getByText(new RegExp(`^${escapeRegExp(beforeEmail)}\\p{Cf}?${escapeRegExp(person.email)}\\p{Cf}?${escapeRegExp(afterEmail)}$`, 'u')),
    ).toBeVisible();
    const referenceNumber = page.getByText(REFERENCE);
    await expect(referenceNumber).toBeVisible();
    const reference = (await referenceNumber.textContent())!.trim();
    expect(reference).toMatch(/^FAB-20\d{2}-\d{4}$/);
    await expectNoHorizontalScroll(page, 'the confirmation');
    await screenshot(page, testInfo, `apply-${locale}-submitted`);

    // The receipt was captured, in the applicant's language, with the same reference.
    await signInAsStaff(request);
    const receipt = (await emailsTo(request, person.email)).find((email) => email.template === 'application-received');
    expect(receipt, `no receipt email to ${person.email}`).toBeDefined();
    expect(receipt!.locale).toBe(locale);
    expect(receipt!.subject).toContain(reference);
    expect(receipt!.text).toContain(reference);
    expect(receipt!.text).toContain(call.title[locale]);
    expect(receipt!.text).toContain(String(answers.project_name));
    if (locale === 'ar') {
      expect(receipt!.subject).toMatch(/\p{Script=Arabic}/u);
      expect(receipt!.text).toMatch(/^مرحبا /u);
      expect(receipt!.text).not.toMatch(/Bonjour|Candidature|Référence/);
    } else {
      expect(receipt!.subject).toMatch(/^Candidature reçue/);
      expect(receipt!.text).toMatch(/^Bonjour /);
      expect(receipt!.text).toContain('Référence');
      expect(receipt!.text).not.toMatch(/\p{Script=Arabic}/u);
    }

    /** Picks the pitch deck, watches the progress bar fill up, then finds the file listed. */
    async function uploadPdf(label: string) {
      const pdf = generatedPdf(PDF_BYTES);
      expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
      // A phone's upload speed (about 1 MB/s), so the bar is there long enough to be seen.
      const unthrottle = await throttleUploads(page, 1_000_000);
      const progressSeen = await recordProgressBars(page);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: format(applications.files.chooseFor, { field: label }) }).click();
      await (await chooser).setFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdf });
      const bar = page.getByRole('progressbar', { name: format(applications.files.progressLabel, { name: fileName }) });
      await expect(bar).toBeVisible();
      await expect(page.getByText(format(applications.files.uploading, { name: fileName }))).toBeVisible();
      await expectNoHorizontalScroll(page, 'the upload in progress');
      await screenshot(page, testInfo, `apply-${locale}-uploading`);
      await expectPdfListed(label, 30_000);
      await expect(bar).toBeHidden();
      await unthrottle();
      const seen = await progressSeen();
      expect(seen.some((value) => value > 0 && value < 100), `progress values shown: ${seen.join(', ')}`).toBe(true);
      expect(seen.at(-1), `progress values shown: ${seen.join(', ')}`).toBe(100);
      expect([...seen].sort((a, b) => a - b), 'the bar never goes back').toEqual(seen);
    }

    async function expectPdfListed(label: string, timeout?: number) {
      const list = page.getByRole('list', { name: format(applications.files.listLabel, { field: label }) });
      await expect(list.getByRole('link', { name: fileName, exact: true })).toBeVisible({ timeout });
      await expect(page.getByRole('button', { name: format(applications.files.remove, { name: fileName }) })).toBeVisible();
    }
  });
}
