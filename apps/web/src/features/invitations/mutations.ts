import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody } from '../../lib/api';
import { startSession } from '../auth/mutations';
import { emailKeys } from '../emails/queries';
import { invitationKeys } from './queries';

export function useCreateInvitationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/invitations', 'post'>) => unwrap(api.POST('/api/invitations', { body })),
    onSuccess: async () => {
      // The invitation is listed, and its email now sits in the outbox.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: invitationKeys.list() }),
        queryClient.invalidateQueries({ queryKey: emailKeys.all }),
      ]);
    },
  });
}

export function useAcceptInvitationMutation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/invitations/{token}/accept', 'post'>) =>
      unwrap(api.POST('/api/invitations/{token}/accept', { params: { path: { token } }, body })),
    onSuccess: (user) => startSession(queryClient, user),
  });
}
