import type { TApplicationTopics, TPutApplicationTopicsRequest } from '@tahkim/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody } from '../../lib/api';
import { callKeys } from '../call-admin/queries';
import { screeningKeys } from './queries';

/** Refreshes what a screening changes: the table, the dossiers, their neighbours and the call's figures. */
async function refreshAfterScreening(queryClient: ReturnType<typeof useQueryClient>) {
  await Promise.all([
    // A file's identity check does not change with screening (and is slow to redo).
    queryClient.invalidateQueries({ queryKey: screeningKeys.all, predicate: (query) => query.queryKey[1] !== 'file-identity' }),
    queryClient.invalidateQueries({ queryKey: callKeys.all }),
  ]);
}

/** Marks many applications of a call eligible or ineligible with one note, all or nothing. */
export function useBulkScreeningMutation(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/calls/{id}/applications/screening', 'post'>) =>
      unwrap(api.POST('/api/calls/{id}/applications/screening', { params: { path: { id: callId } }, body })),
    onSuccess: () => refreshAfterScreening(queryClient),
  });
}

/** Marks an application eligible or ineligible; the table and the call's counts are refreshed. */
export function useScreeningMutation(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/applications/{id}/screening', 'post'>) =>
      unwrap(api.POST('/api/applications/{id}/screening', { params: { path: { id: applicationId } }, body })),
    onSuccess: () => refreshAfterScreening(queryClient),
  });
}

/** Tags an application with topics (`null`: follow the topic question again); the call's counts follow. */
export function useApplicationTopicsMutation(applicationId: string, callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPutApplicationTopicsRequest): Promise<TApplicationTopics> =>
      unwrap(api.PUT('/api/applications/{id}/topics', { params: { path: { id: applicationId } }, body })),
    onSuccess: async (topics) => {
      queryClient.setQueryData(screeningKeys.topics(applicationId), topics);
      await queryClient.invalidateQueries({ queryKey: callKeys.topics(callId) });
    },
    // A topic the call no longer has (UNKNOWN_TOPIC): the list on screen is out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: callKeys.topics(callId) }),
  });
}
