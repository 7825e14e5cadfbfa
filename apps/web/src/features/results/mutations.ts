import type { TAdvanceRequest, TSecondLookCommitRequest, TSecondLookRequest } from '@tahkim/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roundKeys } from '../rounds/queries';
import { resultKeys } from './queries';
import { resultsApi } from './results-api';

/** An advance or a second look changes this round's ranking (advanced badges, assigned counts) and the rounds themselves (a round may be created, counts move). */
function useRefreshRound(roundId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: resultKeys.ofRound(roundId) }),
      queryClient.invalidateQueries({ queryKey: roundKeys.all }),
    ]);
  };
}

export function useAdvanceMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({
    mutationFn: (body: TAdvanceRequest) => resultsApi.advance(roundId, body),
    onSuccess: refresh,
  });
}

export function useUndoAdvanceMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({ mutationFn: (advanceId: string) => resultsApi.undoAdvance(roundId, advanceId), onSuccess: refresh });
}

/** Nothing is written: the plan for a budget and a shortlist. */
export function usePreviewSecondLookMutation(roundId: string) {
  return useMutation({ mutationFn: (body: TSecondLookRequest) => resultsApi.previewSecondLook(roundId, body) });
}

/** A second look adds assignments: the ranking (assigned counts), the second looks and the round's assignments change. */
export function useCommitSecondLookMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({ mutationFn: (body: TSecondLookCommitRequest) => resultsApi.commitSecondLook(roundId, body), onSuccess: refresh });
}

export function useUndoSecondLookMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({ mutationFn: (secondLookId: string) => resultsApi.undoSecondLook(roundId, secondLookId), onSuccess: refresh });
}
