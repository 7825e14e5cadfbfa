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
