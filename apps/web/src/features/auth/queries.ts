import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type ApiData } from '../../lib/api';

export type Me = ApiData<'/api/auth/me', 'get'>;

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

/** The signed-in person, or null when nobody is signed in (asked of the session route, which answers a visitor with 200). */
export const meQuery = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: async (): Promise<Me | null> => (await unwrap(api.GET('/api/auth/session'))).user,
    staleTime: 5 * 60_000,
  });
