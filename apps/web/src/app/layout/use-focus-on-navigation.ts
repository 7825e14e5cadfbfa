import { useEffect, useRef } from 'react';

/** How long a page may take to show its heading (its data loading) before focus goes to the main region. */
const WAIT_FOR_HEADING_MS = 3000;

/**
 * After a navigation inside the app, focus moves to the new page's main heading (or the main region),
 * so that keyboard and screen-reader users start reading the new page instead of being left on the body
 * or on a link of the previous page. Focus is never taken from a control the person already moved to
 * inside the page (a field the page focuses itself, a click into a form).
 */
export function useFocusOnNavigation(pathname: string, mainId: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false; // a first load keeps the browser's own focus
      return;
    }
    const main = document.getElementById(mainId);
    if (!main) return;
    const focusable = (element: HTMLElement) => {
      if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      element.focus({ preventScroll: true });
    };
    const stillFree = () => {
      const active = document.activeElement;
      return !active || active === document.body || !main.contains(active) || active === main;
    };
    const tryHeading = (): boolean => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      if (stillFree()) focusable(heading);
      return true;
    };
    if (tryHeading()) return;
    const observer = new MutationObserver(() => {
      if (tryHeading()) stop();
    });
    const timer = window.setTimeout(() => {
      stop();
      if (stillFree()) focusable(main);
    }, WAIT_FOR_HEADING_MS);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [pathname, mainId]);
}
