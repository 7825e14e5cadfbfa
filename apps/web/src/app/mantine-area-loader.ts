import { useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

type Area = ComponentType<{ children: ReactNode }>;

let area: Area | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/** Loads Mantine (see mantine-area.tsx) once; the pages built with it wait for it before they show. */
export function loadMantineArea(): Promise<void> {
  loading ??= import('./mantine-area').then(
    (module) => {
      area = module.MantineArea;
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Mantine's provider once loaded, else undefined (a public page before any Mantine page was visited). */
export function useMantineArea(): Area | undefined {
  return useSyncExternalStore(
    subscribe,
    () => area,
    () => undefined,
  );
}
