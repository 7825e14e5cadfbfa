import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { LOCALES, type TLocale } from '@tahkim/contracts';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { createTeamMember, expectLanguage, pageLocale, signIn, switchLanguage } from './support/app';
import { containing, format, startingWith, texts } from './support/locales';
import { expect, test } from './support/test';

/** Horizontal middle of an element, as a share of the viewport's width (0 = left edge, 1 = right edge). */
async function horizontalPosition(page: Page, element: Locator): Promise<number> {
  const box = await element.boundingBox();
  if (!box) throw new Error('The element is not visible');
  return (box.x + box.width / 2) / page.viewportSize()!.width;
}

test('the language switcher turns the interface to Arabic, right to left, and back to English and French', async ({ page }) => {
  await page.goto('/login');
  await expectLanguage(page, 'fr');

  const banner = page.getByRole('banner');
  const checkSignInPage = async (locale: TLocale) => {
    const { auth, common } = texts[locale];
    await expectLanguage(page, locale);
    await expect(page).toHaveTitle(format(common.documentTitle, { page: auth.login.title }));
    await expect(page.getByRole('heading', { level: 1, name: auth.login.heading })).toBeVisible();
    await expect(page.getByLabel(startingWith(auth.fields.email))).toBeVisible();
    await expect(page.getByLabel(startingWith(auth.fields.password))).toBeVisible();
    await expect(page.getByRole('button', { name: auth.login.submit, exact: true })).toBeVisible();
    await expect(banner.getByRole('link', { name: common.account.login, exact: true })).toBeVisible();
    await expect(banner.getByRole('link', { name: common.account.register, exact: true })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toHaveText(common.footer.text);

    // The product name starts the line: on the left in French and English, on the right in Arabic;
    // the language switcher sits at the other end.
    const brand = banner.getByRole('link', { name: common.app.name, exact: true });
    const switcher = banner.getByRole('button', {
      name: format(common.language.switcherLabel, { language: common.language.nativeName }),
    });
    const rtl = locale === 'ar';
    const brandAt = await horizontalPosition(page, brand);
    const switcherAt = await horizontalPosition(page, switcher);
    if (rtl) {
      expect(brandAt, 'product name on the right').toBeGreaterThan(0.75);
      expect(switcherAt, 'language switcher on the left half').toBeLessThan(0.5);
    } else {
      expect(brandAt, 'product name on the left').toBeLessThan(0.25);
      expect(switcherAt, 'language switcher on the right half').toBeGreaterThan(0.5);
    }
    // Labels sit above their fields, aligned with the start of the line.
    const emailField = page.getByLabel(startingWith(auth.fields.email));
    const emailLabel = page.locator('label', { hasText: auth.fields.email });
    const fieldBox = (await emailField.boundingBox())!;
    const labelBox = (await emailLabel.boundingBox())!;
    if (rtl) expect(Math.abs(labelBox.x + labelBox.width - (fieldBox.x + fieldBox.width))).toBeLessThan(2);
    else expect(Math.abs(labelBox.x - fieldBox.x)).toBeLessThan(2);
  };

  await checkSignInPage('fr');

  await switchLanguage(page, 'ar');
  await checkSignInPage('ar');

  await page.reload();
  await checkSignInPage('ar');

  await switchLanguage(page, 'en');
  await checkSignInPage('en');

  await switchLanguage(page, 'fr');
  await checkSignInPage('fr');
});

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const;

async function expectNoHorizontalScrolling(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect.soft(scrollWidth, `${what}: the page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
}

/** A full-page screenshot in test-results/screenshots/, attached to the report. */
async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // From the top: the header is fixed, so a scrolled page would show it over the middle of the capture.
  await page.evaluate(async () => {
    window.scrollTo(0, 0);
    await document.fonts.ready;
  });
  const dir = path.join(testInfo.project.outputDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

async function showIn(page: Page, locale: TLocale): Promise<void> {
  if ((await pageLocale(page)) !== locale) await switchLanguage(page, locale);
}

for (const viewport of viewports) {
  test.describe(`${viewport.name}, ${viewport.width}px wide`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('public pages in French, Arabic and English', async ({ page }, testInfo) => {
      for (const locale of LOCALES) {
        const { auth, public: site } = texts[locale];
        await page.goto('/');
        await showIn(page, locale);
        await expect(page.getByRole('heading', { level: 1, name: site.home.heroTitle })).toBeVisible();
        await expectNoHorizontalScrolling(page, `home (${locale})`);
        await capture(page, testInfo, `home-${locale}-${viewport.name}`);

        if (viewport.name === 'phone') {
          const { nav, account } = texts[locale].common;
          await page.getByRole('button', { name: nav.openMenu }).click();
          const menu = page.getByRole('navigation', { name: nav.mainLabel });
          await expect(menu.getByRole('link', { name: account.login })).toBeVisible();
          await expect(menu.getByRole('link', { name: account.register })).toBeVisible();
          await capture(page, testInfo, `menu-${locale}-${viewport.name}`);
          await page.getByRole('button', { name: nav.closeMenu }).click();
          await expect(page.getByRole('button', { name: nav.openMenu })).toHaveAttribute('aria-expanded', 'false');
        }

        await page.goto('/register');
        await expect(page.getByRole('heading', { level: 1, name: auth.register.heading })).toBeVisible();
        await expectNoHorizontalScrolling(page, `register (${locale})`);
        await capture(page, testInfo, `register-${locale}-${viewport.name}`);
      }
    });

    test('back-office pages in French, Arabic and English', async ({ page, request }, testInfo) => {
      // A team member of its own: changing the language while signed in saves it to the account.
      const member = await createTeamMember(request);
      await signIn(page, 'fr', member);
      await expect(page).toHaveURL(/\/admin$/);

      for (const locale of LOCALES) {
        const { admin, common } = texts[locale];
        await showIn(page, locale);
        await page.goto('/admin/invitations');
        await expect(page.getByRole('heading', { level: 1, name: admin.invitations.heading })).toBeVisible();
        const backOffice = page.getByRole('navigation', { name: admin.nav.label });
        for (const label of [admin.nav.dashboard, admin.nav.invitations, admin.nav.emails]) {
          await expect(backOffice.getByRole('link', { name: label })).toBeVisible();
        }
        // On a phone the main navigation is behind the menu button.
        if (viewport.name === 'desktop') {
          await expect(page.getByRole('banner').getByRole('link', { name: common.nav.admin })).toBeVisible();
        }
        await expect(page.getByRole('region', { name: admin.invitations.list.caption })).toBeVisible();
        await expectNoHorizontalScrolling(page, `invitations (${locale})`);
        await capture(page, testInfo, `admin-invitations-${locale}-${viewport.name}`);

        // The emails page filtered on this member, with the email that invited them opened: a team member
        // who is not an admin reads it without its one-time link.
        await page.goto(`/admin/emails?${new URLSearchParams({ to: member.email })}`);
        await expect(page.getByRole('heading', { level: 1, name: admin.emails.heading })).toBeVisible();
        await page.getByRole('button', { name: containing(format(admin.emails.to, { to: `\u2066${member.email}\u2069` })) }).click();
        await expect(page.getByText(admin.emails.linkHidden, { exact: true })).toBeVisible();
        await expect(page.getByRole('link', { name: /\/invitations\// })).toHaveCount(0);
        await expectNoHorizontalScrolling(page, `emails (${locale})`);
        await capture(page, testInfo, `admin-emails-${locale}-${viewport.name}`);
      }
    });
  });
}
