import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export const invitationKeys = {
  all: ['invitations'] as const,
  list: () => [...invitationKeys.all, 'list'] as const,
  preview: (token: string) => [...invitationKeys.all, 'preview', token] as const,
};

/** Staff: every invitation sent, with its status fields. */
export const invitationsQuery = () =>
  queryOptions({
    queryKey: invitationKeys.list(),
    queryFn: () => unwrap(api.GET('/api/invitations')),
  });

/** Public: what an invitation link offers, before the person accepts it. */
export const invitationPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: invitationKeys.preview(token),
    queryFn: () => unwrap(api.GET('/api/invitations/{token}', { params: { path: { token } } })),
    retry: false,
    // Accepting signs the person in: the preview on screen must not be refetched (and found used).
    meta: { public: true },
  });
