import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { programmeApi, type ProgrammeBody } from './programme-api';
import { programmeKeys } from './queries';

/** Staff save the whole programme; the answer is the programme now stored. A stale version means the cached one is out of date: it is read again. */
export function useSaveProgrammeMutation(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgrammeBody) => programmeApi.save(callId, body),
    onSuccess: (saved) => queryClient.setQueryData(programmeKeys.ofCall(callId), saved),
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') await queryClient.invalidateQueries({ queryKey: programmeKeys.ofCall(callId) });
    },
  });
}
