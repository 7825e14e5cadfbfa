import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import { TimeZoneGate } from './time-zone-gate';

/** The app around its router: the same tree in the browser and in the server's rendering. */
export function App({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <Providers queryClient={queryClient}>
      <TimeZoneGate>{children}</TimeZoneGate>
    </Providers>
  );
}
