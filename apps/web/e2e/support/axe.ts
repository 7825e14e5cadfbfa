import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect } from './test';

/** The WCAG 2.2 A and AA rules axe-core knows. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The widths every page and dialog is checked at: a phone and a laptop. */
export const CHECKED_WIDTHS = [360, 1280] as const;

/** axe-core's WCAG findings on the page (or inside `include`), one line each: rule, impact, first elements. */
export async function axeFindings(page: Page, include?: string): Promise<string[]> {
  // An email preview is a sandboxed frame where no script runs: axe-core cannot enter it and would wait
  // for it until the test times out, so it is left out (the emails' markup is tested by the API's
  // template tests; the frame's title by the decisions page's).
  // Legacy mode runs axe-core once in the page instead of in every frame and then in a page of its own to
  // merge the frames' results (the only other frames are the excluded previews); only violations are
  // detailed. Both save seconds a page on a busy machine and find the same violations.
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude('iframe[sandbox]').setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map(
    (violation) => `${violation.id} (${violation.impact}) on ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`,
  );
}

/** The whole page checked with axe-core at each of CHECKED_WIDTHS (the window resized, then put back). */
export async function checkPageAtWidths(page: Page, label: string, findings: string[]): Promise<void> {
  const size = page.viewportSize();
  for (const width of CHECKED_WIDTHS) {
    await page.setViewportSize({ width, height: size?.height ?? 800 });
    await expect(page.getByRole('main').getByRole('heading', { level: 1 }).first()).toBeVisible();
    for (const finding of await axeFindings(page)) findings.push(`${label} at ${width} px: ${finding}`);
  }
  if (size) await page.setViewportSize(size);
}

/**
 * The open dialog named `name`: checked with axe-core at each of CHECKED_WIDTHS (the window is resized
 * with the dialog open, then put back), every finding recorded in `findings` with `label`.
 */
export async function checkOpenDialog(page: Page, name: string | RegExp, label: string, findings: string[]): Promise<Locator> {
  // One dialog at a time: found by its role, then its name checked (names with quotes do not fit a role selector).
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName(name);
  const size = page.viewportSize();
  for (const width of CHECKED_WIDTHS) {
    await page.setViewportSize({ width, height: size?.height ?? 800 });
    await expect(dialog).toBeVisible();
    for (const finding of await axeFindings(page, '[role="dialog"]')) findings.push(`${label} at ${width} px: ${finding}`);
  }
  if (size) await page.setViewportSize(size);
  return dialog;
}

export interface DialogCase {
  /** What the test log calls it. */
  label: string;
  /** The control that opens the dialog. */
  opener: Locator;
  /** The dialog's accessible name (its title). */
  name: string | RegExp;
  /** The control the dialog must open on. */
  first: (dialog: Locator) => Locator;
}

/** Opens the dialog from the keyboard and checks focus in, axe-core findings, Escape and focus back. */
export async function checkDialog(page: Page, dialogCase: DialogCase, checked: string[], findings: string[]): Promise<void> {
  const { label, opener, name, first } = dialogCase;
  await expect(opener).toBeVisible({ timeout: 15_000 });
  await opener.focus();
  await page.keyboard.press('Enter');
  // One dialog at a time: found by its role, then its name checked (names with quotes do not fit a role selector).
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleName(name);
  await expect(first(dialog), `${label}: focus on its first meaningful control`).toBeFocused();
  await checkOpenDialog(page, name, label, findings);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener, `${label}: focus back on the control that opened it`).toBeFocused();
  checked.push(label);
}
