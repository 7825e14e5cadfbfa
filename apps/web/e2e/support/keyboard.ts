import type { Locator, Page } from '@playwright/test';
import { expect } from './test';

/**
 * What is wrong with where keyboard focus is now, or null: focus lost to the body, a focused control
 * off screen or under a fixed or sticky bar (WCAG 2.4.11), or without a visible focus indicator of at
 * least 2 px (an outline, or a ring drawn with box-shadow).
 */
export async function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body || active === document.documentElement) return 'focus fell to the page body';
    const describe = (element: Element) =>
      `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.getAttribute('role') ? ` role=${element.getAttribute('role')}` : ''}> "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 60)}"`;
    // Visually hidden inputs (switches, segmented controls) show their state and focus on their label.
    let shown: HTMLElement = active;
    const own = active.getBoundingClientRect();
    if (own.width < 4 || own.height < 4) shown = (active.closest('label') as HTMLElement | null) ?? active.parentElement ?? active;
    const box = shown.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= window.innerHeight || box.right <= 0 || box.left >= window.innerWidth) {
      return `${describe(active)} has focus off screen`;
    }
    // Under a bar? Look at the visible middle of the control's first line.
    const x = Math.min(Math.max(box.left + box.width / 2, 1), window.innerWidth - 1);
    const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 12), 1), window.innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    if (top && !shown.contains(top) && !top.contains(shown)) {
      for (let element: Element | null = top; element; element = element.parentElement) {
        const position = getComputedStyle(element).position;
        if ((position === 'fixed' || position === 'sticky') && !element.contains(active)) {
          return `${describe(active)} is hidden under ${describe(element)}`;
        }
      }
    }
    const ring = (element: Element) => {
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const shadow = style.boxShadow !== 'none' && /\b[2-9](\.\d+)?px\b|\b\d{2,}px\b/.test(style.boxShadow);
      return outline || shadow;
    };
    // A heading or the main region focused after a navigation marks where reading resumes: it is not a
    // control, and needs no indicator.
    if (active.getAttribute('tabindex') === '-1' && /^(h1|h2|main)$/.test(active.tagName.toLowerCase())) return null;
    // The ring may be drawn by the control's own parts: its label, or the track drawn next to a hidden input.
    const siblings = [active.nextElementSibling, active.nextElementSibling?.nextElementSibling].filter((element): element is Element => Boolean(element));
    const candidates = [active, shown, ...siblings, ...Array.from(shown.querySelectorAll('*')).slice(0, 6)];
    if (!candidates.some(ring)) return `${describe(active)} shows no focus indicator of 2 px`;
    return null;
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, as someone without a mouse would,
 * checking every stop on the way with `focusProblem`. Fails with the problems met or when `target`
 * is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, what: string, { max = 80, backwards = false } = {}): Promise<void> {
  // Someone waits for the page to show what they are after before they start pressing Tab.
  await expect(target).toBeVisible({ timeout: 15_000 });
  const problems: string[] = [];
  const path: string[] = [];
  for (let presses = 0; presses <= max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) {
      if (problems.length > 0) throw new Error(`On the way to ${what}: ${problems.join('; ')}`);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const problem = await focusProblem(page);
    if (problem) problems.push(`${problem} (Tab ${presses + 1}, after ${path.slice(-3).join(' → ') || 'the start'})`);
    path.push(await page.evaluate(() => {
      const active = document.activeElement as HTMLElement | null;
      return `${active?.tagName.toLowerCase() ?? 'none'} "${(active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim().slice(0, 30)}"`;
    }));
  }
  throw new Error(`${what} was not reached with ${max} presses of Tab${problems.length ? `; on the way: ${problems.join('; ')}` : ''}`);
}
