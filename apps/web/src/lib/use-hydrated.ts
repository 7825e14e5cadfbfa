import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * False in the HTML the server sends and while React takes that HTML over, true once the page runs in
 * the browser (at once for a page rendered here). A button that needs the app is disabled until then:
 * a tap on a slow phone is never silently lost, and a test waits for it to work.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
