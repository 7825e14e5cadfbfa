import { useEffect, useState, useSyncExternalStore } from 'react';

/** What the hook needs of an autosave (`Autosave` in this folder). */
interface AutosaveEngine {
  subscribe: (listener: () => void) => () => void;
  getState: () => unknown;
  online(): void;
  flush(): Promise<boolean>;
  resume(): void;
  dispose(): void;
}

/**
 * One autosave per mounted page part: it tries again at once when the browser is back online, and
 * saves what is pending when the tab is hidden or closed.
 */
export function useAutosaveEngine<Engine extends AutosaveEngine>(create: () => Engine): { controller: Engine; state: ReturnType<Engine['getState']> } {
  const [controller] = useState(create);
  const state = useSyncExternalStore(controller.subscribe, controller.getState) as ReturnType<Engine['getState']>;

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
