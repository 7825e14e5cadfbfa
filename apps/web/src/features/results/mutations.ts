import type { TAdvanceRequest } from '@tahkim/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roundKeys } from '../rounds/queries';
import { resultKeys } from './queries';
import { resultsApi } from './results-api';

/** An advance changes this round's ranking (advanced badges) and the rounds themselves (a round may be created, counts move). */
function useRefreshAfterAdvance(roundId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: resultKeys.ofRound(roundId) }),
      queryClient.invalidateQueries({ queryKey: roundKeys.all }),
    ]);
  };
}

export function useAdvanceMutation(roundId: string) {
  const refresh = useRefreshAfterAdvance(roundId);
  return useMutation({
    mutationFn: (body: TAdvanceRequest) => resultsApi.advance(roundId, body),
    onSuccess: refresh,
  });
}

export function useUndoAdvanceMutation(roundId: string) {
  const refresh = useRefreshAfterAdvance(roundId);
  return useMutation({ mutationFn: (advanceId: string) => resultsApi.undoAdvance(roundId, advanceId), onSuccess: refresh });
}
