import { useState, useSyncExternalStore } from 'react';

/**
 * "Now" for a page's first render. A page the server rendered is hydrated with the server's clock (the
 * instant it rendered, from the page's state), so countdowns and open/closed badges render exactly the
 * server's text, and then move on with the browser's clock. Any other render uses the browser's clock.
 */
let serverNow: number | undefined;

/** The server's instant of rendering: set by the server around its render, and by the browser before hydrating. */
export function startHydrationClock(renderedAt: number): void {
  serverNow = renderedAt;
}

export function endHydrationClock(): void {
  serverNow = undefined;
}

const subscribe = () => () => undefined;

/**
 * The instant a component first rendered: the server's while rendering on the server or hydrating its
 * page (React reads the "server snapshot" then), the browser's for anything rendered in the browser.
 */
export function useInitialNow(): number {
  const hydrating = useSyncExternalStore(
    subscribe,
    () => false,
    () => true,
  );
  const [now] = useState(() => (hydrating && serverNow !== undefined ? serverNow : Date.now()));
  return now;
}
