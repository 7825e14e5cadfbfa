import type { TScorecard } from '@tahkim/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { juryRequests, type TBidPreference, type TJuryBidding } from './jury-api';
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

/** A conflict declared from the bidding page: the project leaves the list at once, the home's counts follow. */
export function useBiddingConflictMutation(roundId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => juryRequests.biddingConflict(roundId, applicationId, reason),
    onSuccess: async () => {
      queryClient.setQueryData<TJuryBidding>(juryKeys.bidding(roundId), (old) => (old ? { ...old, items: old.items.filter((item) => item.applicationId !== applicationId) } : old));
      await queryClient.invalidateQueries({ queryKey: juryKeys.all });
    },
    onError: (error) => refreshIfRefused(queryClient, roundId, error),
  });
}

/** Declares the juror's fields in a round; the page and the home's counts follow the API's answer. */
export function useSaveExpertiseMutation(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (topics: string[]) => juryRequests.putExpertise(roundId, topics),
    onSuccess: async (expertise) => {
      queryClient.setQueryData<TJuryBidding>(juryKeys.bidding(roundId), (old) => (old ? { ...old, expertise: expertise.topics } : old));
      await queryClient.invalidateQueries({ queryKey: juryKeys.memberships() });
    },
    onError: (error) => refreshIfClosed(queryClient, roundId, error),
  });
}

function setPreference(queryClient: QueryClient, roundId: string, applicationId: string, preference: TBidPreference) {
  queryClient.setQueryData<TJuryBidding>(juryKeys.bidding(roundId), (old) =>
    old ? { ...old, items: old.items.map((item) => (item.applicationId === applicationId ? { ...item, preference } : item)) } : old,
  );
}

/** A 409 means the round or its bidding closed meanwhile: the page reloads to say so. */
function refreshIfClosed(queryClient: QueryClient, roundId: string, error: Error) {
  if (error instanceof ApiError && error.code === 'CONFLICT') void queryClient.invalidateQueries({ queryKey: juryKeys.bidding(roundId) });
}

/**
 * A wish the API refused (bidding closed, the application left the round, the juror removed…): the
 * page is read again to show how things stand. A server error or a lost connection changes nothing there.
 */
function refreshIfRefused(queryClient: QueryClient, roundId: string, error: Error) {
  if (error instanceof ApiError && error.status < 500) void queryClient.invalidateQueries({ queryKey: juryKeys.bidding(roundId) });
}

/**
 * One wish ("I'd like to read it", neutral, "rather not"), shown at once and saved in the background.
 * On failure it goes back to what it was, unless another click has changed it since. One card's wishes
 * are sent one after another (arrow keys on the control send several), so the last one is what stays.
 */
export function useBidMutation(roundId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `bid-${roundId}-${applicationId}` },
    mutationFn: (preference: TBidPreference) => juryRequests.putBid(roundId, applicationId, preference),
    onMutate: async (preference) => {
      await queryClient.cancelQueries({ queryKey: juryKeys.bidding(roundId) });
      const previous = queryClient.getQueryData<TJuryBidding>(juryKeys.bidding(roundId))?.items.find((item) => item.applicationId === applicationId)?.preference;
      setPreference(queryClient, roundId, applicationId, preference);
      return { previous };
    },
    onError: (error, preference, context) => {
      const current = queryClient.getQueryData<TJuryBidding>(juryKeys.bidding(roundId))?.items.find((item) => item.applicationId === applicationId)?.preference;
      if (context?.previous && current === preference) setPreference(queryClient, roundId, applicationId, context.previous);
      refreshIfRefused(queryClient, roundId, error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: juryKeys.memberships() }),
  });
}
