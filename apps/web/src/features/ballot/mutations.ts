import type { TDeclareBallotConflictRequest, TJuryBallot } from '@tahkim/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ballotRequests } from './ballot-api';
import { ballotKeys } from './queries';

/** Submits the saved ballot; the page and the juror's list follow the API's answer. */
export function useSubmitBallotMutation(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => ballotRequests.submit(roundId, version),
    onSuccess: async (ballot: TJuryBallot) => {
      queryClient.setQueryData(ballotKeys.ballot(roundId), ballot);
      await queryClient.invalidateQueries({ queryKey: ballotKeys.mine() });
    },
  });
}

/** Staff: sends a juror's submitted ballot back to draft, with a reason. */
export function useReopenBallotMutation(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jurorId, reason }: { jurorId: string; reason: string }) => ballotRequests.reopen(roundId, jurorId, reason),
    onSuccess: (result) => queryClient.setQueryData(ballotKeys.result(roundId), result),
  });
}

/** The juror declares a conflict of interest with a finalist: the answer is their ballot without it. */
export function useDeclareBallotConflictMutation(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TDeclareBallotConflictRequest) => ballotRequests.declareConflict(roundId, body),
    onSuccess: (ballot: TJuryBallot) => queryClient.setQueryData(ballotKeys.ballot(roundId), ballot),
  });
}
