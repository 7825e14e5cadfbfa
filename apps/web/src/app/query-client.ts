import { dehydrate, hydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import type { TLocale } from '@tahkim/contracts';
import { ApiError } from '../lib/api';

/** Retry only what may pass on a second try: network failures and server errors, never a 4xx. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** An API error as it travels in a server-rendered page's state (an ApiError's class does not survive JSON). */
interface SerializedApiError {
  status: number;
  code: ApiError['code'];
  message: string;
  details?: unknown;
  requestId?: string;
}

/**
 * The server's answers for a rendered page, to start the browser's cache with: its data, and its
 * refusals (an unknown call's 404), so the browser's first render is the server's.
 */
export function dehydrateForPage(queryClient: QueryClient): DehydratedState {
  const state = dehydrate(queryClient, { shouldDehydrateQuery: (query) => query.state.status !== 'pending' });
  for (const query of state.queries) {
    const error = query.state.error;
    if (error instanceof ApiError) {
      const serialized: SerializedApiError = { status: error.status, code: error.code, message: error.message, details: error.details, requestId: error.requestId };
      (query.state as { error: unknown }).error = serialized;
    }
  }
  return state;
}

/**
 * A refusal the server met (an unknown call) is shown as it is, not asked again when the page mounts
 * (which would first show it as loading, unlike the server's HTML).
 */
export function keepRefusal(queryClient: QueryClient, queryKey: readonly unknown[]): void {
  queryClient.setQueryDefaults(queryKey, { retryOnMount: false });
}

export function hydrateFromServer(queryClient: QueryClient, state: DehydratedState): void {
  for (const query of state.queries) {
    const error = query.state.error as Partial<SerializedApiError> | null | undefined;
    if (error && typeof error.status === 'number' && typeof error.code === 'string') {
      (query.state as { error: unknown }).error = new ApiError({ status: error.status, code: error.code, message: error.message ?? '', details: error.details, requestId: error.requestId });
      keepRefusal(queryClient, query.queryKey);
    }
  }
  hydrate(queryClient, state);
}

/** The state a server-rendered page carries (`<script type="application/json" id="tahkim-state">`). */
export const SERVER_STATE_ID = 'tahkim-state';

export interface ServerState {
  locale: TLocale;
  /** The server's clock when it rendered the page (ms since the epoch): what time-dependent texts showed. */
  renderedAt: number;
  queries: DehydratedState;
}
