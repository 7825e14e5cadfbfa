import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ApiBody } from '../../lib/api';
import { callKeys } from '../call-admin/queries';
import { screeningKeys } from './queries';

/** Marks an application eligible or ineligible; the table and the call's counts are refreshed. */
export function useScreeningMutation(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiBody<'/api/applications/{id}/screening', 'post'>) =>
      unwrap(api.POST('/api/applications/{id}/screening', { params: { path: { id: applicationId } }, body })),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: screeningKeys.detail(applicationId) }),
        queryClient.invalidateQueries({ queryKey: [...screeningKeys.all, 'list'] }),
        queryClient.invalidateQueries({ queryKey: callKeys.all }),
      ]);
    },
  });
}
