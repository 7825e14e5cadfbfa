import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MantineArea } from '../app/mantine-area';
import { Providers } from '../app/providers';

/** The app's providers with Mantine loaded and in test mode (no transitions, no portals' delays). */
export function TestProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <Providers queryClient={queryClient}>
      <MantineArea env="test">{children}</MantineArea>
    </Providers>
  );
}
