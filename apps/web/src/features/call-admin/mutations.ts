import type { TCallTopics, TPutCallTopicsRequest } from '@tahkim/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody, type ApiData } from '../../lib/api';
import { screeningKeys } from '../screening/queries';
import { callKeys } from './queries';

type StaffCall = ApiData<'/api/admin/calls/{id}', 'get'>;

/** Every change to a call refreshes the list and puts the call the API answered in the cache. */
function useCallMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<StaffCall>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (call) => {
      queryClient.setQueryData(callKeys.detail(call.id), call);
      await queryClient.invalidateQueries({ queryKey: callKeys.adminList() });
    },
  });
}

export function useCreateCallMutation() {
  return useCallMutation((body: ApiBody<'/api/calls', 'post'>) => unwrap(api.POST('/api/calls', { body })));
}

export function useUpdateCallMutation(id: string) {
  return useCallMutation((body: ApiBody<'/api/calls/{id}', 'patch'>) => unwrap(api.PATCH('/api/calls/{id}', { params: { path: { id } }, body })));
}

export function usePublishCallMutation(id: string) {
  return useCallMutation(() => unwrap(api.POST('/api/calls/{id}/publish', { params: { path: { id } } })));
}

export function useCloseCallMutation(id: string) {
  return useCallMutation((body: ApiBody<'/api/calls/{id}/close', 'post'>) =>
    unwrap(api.POST('/api/calls/{id}/close', { params: { path: { id } }, body })),
  );
}

export function useSaveFormMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/calls/{id}/form', 'put'>) => unwrap(api.PUT('/api/calls/{id}/form', { params: { path: { id } }, body })),
    onSuccess: async (form) => {
      queryClient.setQueryData(callKeys.form(id), form);
      // The call carries the form's version.
      await queryClient.invalidateQueries({ queryKey: callKeys.detail(id) });
    },
  });
}

/** Confirms a call's listed dates as they are, or moves them one hour later (audited by the API). */
export function useDeadlineReviewMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, ...body }: { callId: string } & ApiBody<'/api/admin/calls/{id}/deadline-review', 'post'>) =>
      unwrap(api.POST('/api/admin/calls/{id}/deadline-review', { params: { path: { id: callId } }, body })),
    onSuccess: async (list, { callId }) => {
      queryClient.setQueryData(callKeys.deadlineReviews(), list);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: callKeys.adminList() }),
        queryClient.invalidateQueries({ queryKey: callKeys.detail(callId) }),
      ]);
    },
  });
}

/** Replaces a call's topics and its topic question; the API answers them with fresh counts. */
export function useSaveCallTopicsMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPutCallTopicsRequest): Promise<TCallTopics> => unwrap(api.PUT('/api/calls/{id}/topics', { params: { path: { id } }, body })),
    onSuccess: async (topics) => {
      queryClient.setQueryData(callKeys.topics(id), topics);
      // Each application's topics follow the call's (a removed key, another topic question).
      await queryClient.invalidateQueries({ queryKey: screeningKeys.allTopics() });
    },
  });
}
