import { ZPublicProfile, type TApplication, type TAttachment, type TGiveConsentRequest, type TPatchApplicationRequest, type TPublicProfile } from '@tahkim/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../lib/api';
import { publicProfileApi } from './public-profile-api';
import { applicationKeys, asApplication } from './queries';

const base = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export const applicationRequests = {
  create: async (callId: string): Promise<TApplication> =>
    asApplication(unwrap(api.POST('/api/calls/{id}/applications', { params: { path: { id: callId } } }))),
  save: async (id: string, body: TPatchApplicationRequest): Promise<TApplication> =>
    asApplication(unwrap(api.PATCH('/api/applications/{id}', { params: { path: { id } }, body }))),
  submit: async (id: string, version: number): Promise<TApplication> =>
    asApplication(unwrap(api.POST('/api/applications/{id}/submit', { params: { path: { id } }, body: { version } }))),
  withdraw: async (id: string): Promise<TApplication> =>
    asApplication(unwrap(api.POST('/api/applications/{id}/withdraw', { params: { path: { id } } }))),
  removeAttachment: async (id: string, attachmentId: string): Promise<void> => {
    await unwrap(api.DELETE('/api/applications/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } }));
  },
  attachmentUploadPath: (id: string, fieldKey: string) => `${base(id)}/attachments?${new URLSearchParams({ fieldKey }).toString()}`,
  attachmentDownloadPath: (id: string, attachmentId: string) => `${base(id)}/attachments/${encodeURIComponent(attachmentId)}`,
};

/** Keeps the cached application and the "My applications" list in step with what the API answered. */
export function storeApplication(queryClient: QueryClient, application: TApplication): Promise<void> {
  queryClient.setQueryData(applicationKeys.detail(application.id), application);
  return queryClient.invalidateQueries({ queryKey: applicationKeys.mine() });
}

export function useCreateApplicationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (callId: string) => applicationRequests.create(callId),
    onSuccess: (application) => storeApplication(queryClient, application),
  });
}

export function useSubmitApplicationMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => applicationRequests.submit(id, version),
    onSuccess: (application) => storeApplication(queryClient, application),
  });
}

export function useWithdrawApplicationMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => applicationRequests.withdraw(id),
    onSuccess: (application) => storeApplication(queryClient, application),
  });
}

export function useRemoveAttachmentMutation(id: string) {
  return useMutation({
    mutationFn: (attachment: TAttachment) => applicationRequests.removeAttachment(id, attachment.id),
  });
}

/** The presentation staff saved meanwhile, carried by a 409 VERSION_CONFLICT; null for any other failure. */
export function conflictingProfile(error: unknown): TPublicProfile | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const parsed = ZPublicProfile.safeParse((error.details as { current?: unknown } | undefined)?.current);
  return parsed.success ? parsed.data : null;
}

/**
 * The winner's answers replace the cached presentation with the API's; a refusal because staff changed it
 * meanwhile brings the new text too, which the card shows at once (and the next answer is about it).
 */
function usePublicProfileCache(applicationId: string) {
  const queryClient = useQueryClient();
  const store = (profile: TPublicProfile) => queryClient.setQueryData(applicationKeys.publicProfile(applicationId), profile);
  return {
    onSuccess: store,
    onError: (error: Error) => {
      const current = conflictingProfile(error);
      if (current) store(current);
    },
  };
}

/** Agrees to the presentation as read (`version`), or as the winner rewrote it (`texts`). */
export function useGiveConsentMutation(applicationId: string) {
  const cache = usePublicProfileCache(applicationId);
  return useMutation({ mutationFn: (body: TGiveConsentRequest) => publicProfileApi.consent(applicationId, body), ...cache });
}

/** Refuses the publication, or stops it: the presentation leaves the public page at once. */
export function useWithdrawConsentMutation(applicationId: string) {
  const cache = usePublicProfileCache(applicationId);
  return useMutation({ mutationFn: (version: number) => publicProfileApi.withdraw(applicationId, { version }), ...cache });
}
