import { useEffect, useState, useSyncExternalStore } from 'react';
import type { BallotDraft } from './ballot-api';
import { BallotAutosave, type BallotAutosaveOptions } from './ballot-autosave';

/** One autosave per mounted ballot; it saves what is pending when the tab is hidden or the network returns. */
export function useBallotAutosave(initial: { version: number; draft: BallotDraft; locked: boolean }, options: BallotAutosaveOptions) {
  const [controller] = useState(() => new BallotAutosave(initial, options));
  const state = useSyncExternalStore(controller.subscribe, controller.getState);

  useEffect(() => {
    const onOnline = () => controller.online();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void controller.flush();
    };
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onHidden);
    controller.resume();
    return () => {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onHidden);
      controller.dispose();
    };
  }, [controller]);

  return { controller, state };
}
