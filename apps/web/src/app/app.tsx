import { createBrowserRouter, RouterProvider } from 'react-router';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { routes } from './routes';
import { TimeZoneGate } from './time-zone-gate';

const queryClient = createQueryClient();
const router = createBrowserRouter(routes);

export function App() {
  return (
    <Providers queryClient={queryClient}>
      <TimeZoneGate>
        <RouterProvider router={router} />
      </TimeZoneGate>
    </Providers>
  );
}
