import type { TCreateRoundRequest, TExpertise, TPutCriteriaRequest, TRound, TUpdateRoundRequest } from '@tahkim/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { roundKeys } from './queries';
import { roundsApi, type TRoundJurorList } from './rounds-api';

/** After any change inside a round, its parts and its counts are read again. */
function useRefreshRound(roundId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: roundKeys.parts(roundId) }),
      queryClient.invalidateQueries({ queryKey: roundKeys.detail(roundId) }),
    ]);
  };
}

export function useCreateRoundMutation(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateRoundRequest) => roundsApi.createRound(callId, body),
    onSuccess: async (round: TRound) => {
      queryClient.setQueryData(roundKeys.detail(round.id), round);
      await queryClient.invalidateQueries({ queryKey: roundKeys.ofCall(callId) });
    },
  });
}

export function useUpdateRoundMutation(round: Pick<TRound, 'id' | 'callId'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateRoundRequest) => roundsApi.updateRound(round.id, body),
    onSuccess: async (updated: TRound) => {
      queryClient.setQueryData(roundKeys.detail(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: roundKeys.ofCall(round.callId) });
    },
  });
}

/**
 * Deletes an empty round. The call's rounds drop it at once (the list shown next never flashes it) and
 * are read again; the deleted round's page is left by the caller.
 */
export function useDeleteRoundMutation(round: Pick<TRound, 'id' | 'callId'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => roundsApi.deleteRound(round.id),
    onSuccess: async () => {
      queryClient.setQueryData(roundKeys.ofCall(round.callId), (list: { items: TRound[] } | undefined) =>
        list ? { ...list, items: list.items.filter((item) => item.id !== round.id) } : list,
      );
      await queryClient.invalidateQueries({ queryKey: roundKeys.ofCall(round.callId) });
    },
  });
}

export function useSaveCriteriaMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({ mutationFn: (body: TPutCriteriaRequest) => roundsApi.putCriteria(roundId, body), onSuccess: refresh });
}

export function useAddJurorsMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({ mutationFn: (body: { emails: string[]; locale?: 'ar' | 'fr' | 'en' }) => roundsApi.addJurors(roundId, body), onSuccess: refresh });
}

export function useRemoveJurorMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({ mutationFn: (jurorId: string) => roundsApi.removeJuror(roundId, jurorId), onSuccess: refresh });
}

export function useRecordConflictMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({
    mutationFn: (body: { jurorUserId: string; applicationId: string; reason?: string }) => roundsApi.recordConflict(roundId, body),
    onSuccess: refresh,
  });
}

export function useReviewConflictMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({
    mutationFn: ({ conflictId, status }: { conflictId: string; status: 'CONFIRMED' | 'DISMISSED' }) => roundsApi.reviewConflict(conflictId, { status }),
    onSuccess: refresh,
  });
}

export function useSaveAssignmentsMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({
    mutationFn: (body: Parameters<typeof roundsApi.putAssignments>[1]) => roundsApi.putAssignments(roundId, body),
    onSuccess: refresh,
  });
}

/**
 * What the automatic assignment would add now. It assigns nothing, but may record new suggested
 * conflicts of interest: the round's parts are read again, without holding the plan back meanwhile.
 */
export function usePreviewAutoAssignMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({
    mutationFn: () => roundsApi.previewAutoAssign(roundId),
    onSuccess: () => {
      void refresh();
    },
  });
}

/** Runs the automatic assignment, bound to a preview's plan when given its fingerprint. */
export function useAutoAssignMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({ mutationFn: (fingerprint?: string) => roundsApi.autoAssign(roundId, fingerprint), onSuccess: refresh });
}

export function useSetJurorExpertiseMutation(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jurorId, topics }: { jurorId: string; topics: string[] }) => roundsApi.setJurorExpertise(roundId, jurorId, topics),
    onSuccess: async (saved: TExpertise) => {
      queryClient.setQueryData(roundKeys.jurors(roundId), (list: TRoundJurorList | undefined) =>
        list ? { ...list, items: list.items.map((juror) => (juror.id === saved.jurorId ? { ...juror, expertise: saved.topics } : juror)) } : list,
      );
      await queryClient.invalidateQueries({ queryKey: roundKeys.jurors(roundId) });
    },
  });
}

export function useSendRemindersMutation(roundId: string) {
  return useMutation({ mutationFn: (jurorIds?: string[]) => roundsApi.sendReminders(roundId, jurorIds ? { jurorIds } : {}) });
}

export function useReopenScorecardMutation(roundId: string) {
  const refresh = useRefreshRound(roundId);
  return useMutation({
    mutationFn: ({ assignmentId, reason }: { assignmentId: string; reason: string }) => roundsApi.reopenScorecard(assignmentId, { reason }),
    onSuccess: refresh,
  });
}
