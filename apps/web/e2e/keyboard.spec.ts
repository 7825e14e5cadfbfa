import { texts } from './support/locales';
import { expect, test } from './support/test';

/** What has keyboard focus: its tag, its text and whether it sits inside the page's main region. */
async function focused(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      tag: active?.tagName.toLowerCase() ?? null,
      text: active?.textContent?.trim() ?? '',
      inMain: Boolean(active?.closest('#main-content')),
      inMobileMenu: Boolean(active?.closest('#mobile-navigation')),
    };
  });
}

test('after a navigation, focus lands on the new page’s main heading, not on the body', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('link', { name: texts.fr.common.account.login, exact: true }).press('Enter');
  const heading = page.getByRole('main').getByRole('heading', { level: 1, name: texts.fr.auth.login.heading });
  await expect(heading).toBeFocused();
  // Tab from there continues inside the page, not back at the top of the document.
  await page.keyboard.press('Tab');
  expect((await focused(page)).inMain).toBe(true);
});

test('fields show a focus ring of at least 2 px', async ({ page }) => {
  await page.goto('/login');
  const email = page.getByRole('main').locator('input').first();
  await email.focus();
  const ring = await email.evaluate((element) => {
    const style = getComputedStyle(element);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the closed menu’s links are out of the tab order, and open it puts them back', async ({ page }) => {
    await page.goto('/');
    for (let i = 0; i < 12; i += 1) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inMobileMenu).toBe(false);
    }
    // The skip link, focused on the way round, sits over the menu button: leave it first.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.getByRole('button', { name: texts.fr.common.nav.openMenu }).click();
    await expect(page.locator('#mobile-navigation').getByRole('link').first()).toBeVisible();
    await page.locator('#mobile-navigation').getByRole('link').first().focus();
    expect((await focused(page)).inMobileMenu).toBe(true);
  });
});
