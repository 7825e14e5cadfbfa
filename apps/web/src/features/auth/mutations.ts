import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody } from '../../lib/api';
import { authKeys, type Me } from './queries';

/**
 * A new session starts: whatever was cached for the previous person (or for nobody) is dropped,
 * and the person returned by the API becomes `me`. Queries marked `meta: { public: true }` read
 * the same for everyone and are kept.
 */
export function startSession(queryClient: QueryClient, user: Me): void {
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== authKeys.all[0] && query.meta?.public !== true,
  });
  queryClient.setQueryData(authKeys.me(), user);
}

export function useLoginMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/auth/login', 'post'>) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: (user) => startSession(queryClient, user),
  });
}

export function useRegisterMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/auth/register', 'post'>) => unwrap(api.POST('/api/auth/register', { body })),
    onSuccess: (user) => startSession(queryClient, user),
  });
}

export function useLogoutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}

export function useUpdateMeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/auth/me', 'patch'>) => unwrap(api.PATCH('/api/auth/me', { body })),
    onSuccess: (user) => queryClient.setQueryData(authKeys.me(), user),
  });
}

export function usePasswordResetRequestMutation() {
  return useMutation({
    mutationFn: (body: ApiBody<'/api/auth/password-reset', 'post'>) => unwrap(api.POST('/api/auth/password-reset', { body })),
  });
}

export function usePasswordResetConfirmMutation() {
  return useMutation({
    mutationFn: (body: ApiBody<'/api/auth/password-reset/confirm', 'post'>) =>
      unwrap(api.POST('/api/auth/password-reset/confirm', { body })),
  });
}
