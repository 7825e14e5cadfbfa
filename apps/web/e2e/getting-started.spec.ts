import type { TCallPublic } from '@tahkim/contracts';
import arCalls from '../src/locales/ar/calls.json' with { type: 'json' };
import { DEMO_CALL_SLUG, PHONE_VIEWPORT, screenshot } from './support/apply';
import { expectLanguage } from './support/app';
import { format, texts } from './support/locales';
import { expect, test } from './support/test';

// A first visit from a phone whose browser speaks Arabic.
test.use({ viewport: PHONE_VIEWPORT, locale: 'ar-MA' });

test('a visitor finds the open call from the home page and reads the documents to prepare before signing up', async ({ page, request }, testInfo) => {
  const call = (await (await request.get(`/api/calls/${DEMO_CALL_SLUG}`)).json()) as TCallPublic;
  expect(call.acceptingApplications).toBe(true);
  const home = texts.ar.public.home;

  await page.goto('/');
  await expectLanguage(page, 'ar');
  const openCalls = page.locator('section', { has: page.getByRole('heading', { level: 2, name: home.openCallsHeading }) });
  const card = openCalls.getByRole('article', { name: call.title.ar });
  await expect(card).toBeVisible();
  await expect(card.getByText(call.summary.ar)).toBeVisible();
  // The deadline as the server reads it: its wall-clock time and offset, in Morocco's time.
  const deadline = card.locator('time');
  await expect(deadline).toHaveAttribute('datetime', call.closesAt);
  await expect(deadline).toContainText(`${call.closesAtLocal.dateTime.slice(11, 16)} (بتوقيت المغرب، UTC${call.closesAtLocal.offset})`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'getting-started-ar-360-home');

  await card.getByRole('link', { name: home.readCall }).click();
  await expect(page).toHaveURL(new RegExp(`/calls/${DEMO_CALL_SLUG}$`, 'u'));
  await expect(page.getByRole('heading', { level: 1, name: call.title.ar })).toBeVisible();

  // What the form asks, after the call's own text, before any account exists.
  const outline = page.getByTestId('call-outline');
  await expect(outline.getByRole('heading', { level: 2, name: arCalls.outline.heading })).toBeVisible();
  const description = page.getByRole('heading', { level: 2, name: arCalls.page.descriptionHeading });
  expect((await description.boundingBox())!.y).toBeLessThan((await outline.boundingBox())!.y);

  const documents = outline.getByTestId('call-documents');
  await expect(documents.getByRole('heading', { name: arCalls.outline.documentsHeading })).toBeVisible();
  const items = documents.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('عرض تقديمي للمشروع (PDF)');
  await expect(items.nth(0)).toContainText('PDF · 10 م.ب كحد أقصى للملف الواحد · ملف واحد');
  await expect(items.nth(1)).toContainText('وثائق أخرى');
  await expect(items.nth(1)).toContainText('PDF, JPEG, PNG · 10 م.ب كحد أقصى للملف الواحد · 3 ملفات كحد أقصى');
  await expect(items.nth(1)).toContainText(arCalls.outline.optional);
  await expect(documents.locator('[dir="auto"]').first()).toHaveText('عرض تقديمي للمشروع (PDF)');

  // Each step opens on its questions, marked required or optional.
  const firstStep = outline.getByRole('button', { name: new RegExp(`^${format(arCalls.outline.step, { number: 1 })}`, 'u') });
  await expect(firstStep).toHaveAttribute('aria-expanded', 'false');
  await firstStep.click();
  await expect(firstStep).toHaveAttribute('aria-expanded', 'true');
  await expect(outline.getByText(arCalls.outline.required).first()).toBeVisible();

  // Still a visitor: the way on is to create an account.
  await expect(page.getByRole('link', { name: arCalls.apply.signUp })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  await documents.scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'getting-started-ar-360-documents');
  await screenshot(page, testInfo, 'getting-started-ar-360-call', { fullPage: true });
});
