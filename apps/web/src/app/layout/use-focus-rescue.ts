import { useEffect } from 'react';

/**
 * Keeps keyboard focus from falling to the page's body when the control that held it goes away:
 * a confirmed dialog whose button closed it while the control that opened it disappeared with the
 * change (a submitted scorecard's "submit", a withdrawn application's "withdraw"), a row removed from
 * a list, a menu closed around it. Dialogs return focus to the control that opened them
 * themselves; this takes over when they could not (a dialog rendered only while open is removed before
 * it gives focus back: focus goes to the control that opened it) or when that control is gone too, and
 * then puts focus on the main heading so the next Tab continues inside the page.
 *
 * Focus someone moved on purpose is left alone: a click on the page's background also leaves focus on
 * the body, but the control focused last is still there and usable, so nothing moves.
 *
 * Dialogs give focus back without scrolling, so that the page does not jump as they close. When what
 * the dialog did moved the page meanwhile (a recorded decision grows the publishing panel above the
 * table), the control it returns to may now sit off screen: it is then scrolled back into view.
 */
export function useFocusRescue(mainId: string): void {
  useEffect(() => {
    let last: HTMLElement | null = null;
    let lastOutsideDialog: HTMLElement | null = null;
    let lastInDialog = false;
    let timer = 0;
    let revealTimer = 0;

    // A control disabled while it works is not lost: the browser resumes Tab from where it was.
    const lost = (element: HTMLElement) => !element.isConnected || element.closest('[inert]') !== null;

    // Off screen, or under the page's fixed header.
    const outOfSight = (element: HTMLElement) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return false;
      if (box.top < 0 || box.bottom > window.innerHeight || box.right <= 0 || box.left >= window.innerWidth) return true;
      const x = Math.min(Math.max(box.left + box.width / 2, 1), window.innerWidth - 1);
      const shown = document.elementFromPoint(x, box.top + Math.min(box.height / 2, 12));
      return shown !== null && !element.contains(shown) && !shown.contains(element);
    };
    // Checked once the page has settled (a list read again after the change, a notice shown).
    const revealLater = (element: HTMLElement) => {
      if (revealTimer) window.clearTimeout(revealTimer);
      revealTimer = window.setTimeout(() => {
        revealTimer = 0;
        if (document.activeElement === element && outOfSight(element)) element.scrollIntoView({ block: 'center', inline: 'nearest' });
      }, 120);
    };

    const rescue = () => {
      timer = 0;
      const active = document.activeElement;
      if (active && active !== document.body) return;
      if (!last || !lost(last)) return;
      // A dialog still open (or opening) manages its own focus.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      // A dialog that was removed at once (rendered only while open) cannot give focus back itself.
      if (lastInDialog && lastOutsideDialog && !lost(lastOutsideDialog)) {
        lastOutsideDialog.focus({ preventScroll: true });
        if (document.activeElement === lastOutsideDialog) {
          revealLater(lastOutsideDialog);
          return;
        }
      }
      const main = document.getElementById(mainId);
      if (!main) return;
      const target = main.querySelector<HTMLElement>('h1') ?? main;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      // Scrolled into view: the person sees where they are now.
      target.focus();
    };
    // Dialogs close with a transition and return focus a moment later: check once things settle.
    const schedule = () => {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(rescue, 120);
    };

    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      const cameFromDialog = lastInDialog;
      last = event.target;
      lastInDialog = event.target.closest('[role="dialog"]') !== null;
      if (!lastInDialog) lastOutsideDialog = event.target;
      if (cameFromDialog && !lastInDialog) revealLater(event.target);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget === null) schedule();
    };
    // Removing the focused element fires no event in every browser: watch for it.
    const observer = new MutationObserver(() => {
      if (last && (document.activeElement === document.body || document.activeElement === null) && lost(last)) schedule();
    });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['inert'] });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      observer.disconnect();
      if (timer) window.clearTimeout(timer);
      if (revealTimer) window.clearTimeout(revealTimer);
    };
  }, [mainId]);
}
