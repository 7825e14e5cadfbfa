import type { TScorecard } from '@tahkim/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { juryRequests } from './jury-api';
import { juryKeys } from './queries';

/** Keeps the cached scorecard in step with the API's answer; the list and rankings follow. */
export function storeScorecard(queryClient: QueryClient, scorecard: TScorecard): Promise<void> {
  queryClient.setQueryData(juryKeys.scorecard(scorecard.assignmentId), scorecard);
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === 'jury' && (query.queryKey[1] === 'assignments' || query.queryKey[1] === 'ranking'),
  });
}

export function useSubmitScorecardMutation(assignmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => juryRequests.submitScorecard(assignmentId, version),
    onSuccess: (scorecard) => storeScorecard(queryClient, scorecard),
  });
}

/** Declares a conflict of interest: the application leaves the juror's list and can no longer be opened. */
export function useDeclareConflictMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, reason }: { assignmentId: string; reason: string }) => juryRequests.declareConflict(assignmentId, reason),
    onSuccess: async (_result, { assignmentId }) => {
      queryClient.removeQueries({ queryKey: juryKeys.application(assignmentId) });
      queryClient.removeQueries({ queryKey: juryKeys.scorecard(assignmentId) });
      await queryClient.invalidateQueries({ queryKey: juryKeys.all });
    },
  });
}
