import type { TScorecardSave } from './jury-api';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ScorecardAutosave, type ScorecardAutosaveOptions } from './scorecard-autosave';

/** One autosave per mounted scorecard; it saves what is pending when the tab is hidden. */
export function useScorecardAutosave(initial: { version: number; body: Omit<TScorecardSave, 'version'> }, options: ScorecardAutosaveOptions) {
  const [controller] = useState(() => new ScorecardAutosave(initial, options));
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
