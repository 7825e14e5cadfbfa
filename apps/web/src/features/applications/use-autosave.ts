import type { TAnswers } from '@tahkim/contracts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { AutosaveController, type AutosaveOptions } from './autosave';

/** One autosave per mounted form; it saves what is pending when the page is hidden or closed. */
export function useAutosave(initial: { version: number; answers: TAnswers }, options: AutosaveOptions) {
  const [controller] = useState(() => new AutosaveController(initial, options));
  const state = useSyncExternalStore(controller.subscribe, controller.getState);

  useEffect(() => {
    const onOnline = () => controller.online();
    // A tab put in the background or closed: save now (the local copy covers what this cannot send).
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void controller.flush();
    };
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [controller]);

  useEffect(() => {
    controller.resume();
    return () => controller.dispose();
  }, [controller]);

  return { controller, state };
}
