import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { Suspense } from 'react';
import { MemoryRouter, useLocation, useRoutes, type Location, type RouteObject } from 'react-router';
import { TestProviders } from './providers';
import { createQueryClient } from '../app/query-client';
import { routes as appRoutes } from '../app/routes';

/** Renders the app (or the given routes) at a URL, with fresh server state and Mantine in test mode. */
export function renderApp(url: string, routes: RouteObject[] = appRoutes) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  // Where the app is now, as the router sees it (tests check redirects and query strings).
  const router = { state: { location: undefined as unknown as Location } };
  function Routes() {
    router.state.location = useLocation();
    return useRoutes(routes);
  }
  const view = render(
    <TestProviders queryClient={queryClient}>
      <MemoryRouter initialEntries={[url]}>
        <Suspense>
          <Routes />
        </Suspense>
      </MemoryRouter>
    </TestProviders>,
  );
  return { ...view, router, queryClient };
}

type Handler = (request: Request) => Response | Promise<Response>;

/** Replaces fetch with a table of `METHOD /path` handlers; anything else answers 404 NOT_FOUND. */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: Request[] = [];
  const fetchMock = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    calls.push(request);
    const url = new URL(request.url);
    const handler = handlers[`${request.method} ${url.pathname}`];
    if (handler) return handler(request);
    return json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found', requestId: 'test' });
  };
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
