import type { TApplication, TAttachment, TPatchApplicationRequest } from '@tahkim/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
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

