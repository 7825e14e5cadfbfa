import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TBulkDecisionRequest, TDecisionOutcome, TDecisionTemplateRequest, TPublishDecisionsRequest, TRecordDecisionRequest, TSavePublicProfileRequest } from '@tahkim/contracts';
import { ApiError } from '../../lib/api';
import { callKeys } from '../call-admin/queries';
import { roundKeys } from '../rounds/queries';
import { announcementApi } from './announcement-api';
import { decisionsApi } from './decisions-api';
import { decisionKeys } from './queries';

/** A decision changes the call's list and counts; publishing also changes the call's status, deadline and rounds. */
function useRefreshCall(callId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: decisionKeys.ofCall(callId) }),
      queryClient.invalidateQueries({ queryKey: callKeys.all }),
    ]);
  };
}

export function useRecordDecisionMutation(callId: string) {
  const refresh = useRefreshCall(callId);
  return useMutation({
    mutationFn: ({ applicationId, body }: { applicationId: string; body: TRecordDecisionRequest }) => decisionsApi.record(applicationId, body),
    onSuccess: refresh,
  });
}

export function useBulkDecisionMutation(callId: string) {
  const refresh = useRefreshCall(callId);
  return useMutation({ mutationFn: (body: TBulkDecisionRequest) => decisionsApi.recordMany(callId, body), onSuccess: refresh });
}

export function useFeedbackMutation(callId: string) {
  const refresh = useRefreshCall(callId);
  return useMutation({ mutationFn: (enabled: boolean) => decisionsApi.setFeedback(callId, enabled), onSuccess: refresh });
}

export function usePublishDecisionsMutation(callId: string) {
  const refresh = useRefreshCall(callId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPublishDecisionsRequest) => decisionsApi.publish(callId, body),
    onSuccess: async () => {
      await Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: roundKeys.all })]);
    },
    // A refusal may come from a list read before the call's deadline changed: read it again.
    onError: refresh,
  });
}

export function useSaveTemplateMutation(callId: string, outcome: TDecisionOutcome) {
  const refresh = useRefreshCall(callId);
  return useMutation({ mutationFn: (body: TDecisionTemplateRequest) => decisionsApi.saveTemplate(callId, outcome, body), onSuccess: refresh });
}

/** Staff write a winner's presentation; a stale version or a refusal means the list is out of date: it is read again. */
export function useSavePublicProfileMutation(callId: string) {
  const refresh = useRefreshCall(callId);
  return useMutation({
    mutationFn: ({ applicationId, body }: { applicationId: string; body: TSavePublicProfileRequest }) => announcementApi.save(applicationId, body),
    onSuccess: refresh,
    onError: async (error) => {
      if (error instanceof ApiError && (error.code === 'VERSION_CONFLICT' || error.code === 'CONFLICT')) await refresh();
    },
  });
}

export function usePublishResultsMutation(callId: string) {
  const refresh = useRefreshCall(callId);
  return useMutation({ mutationFn: () => announcementApi.publish(callId), onSuccess: refresh });
}

export function useUnpublishResultsMutation(callId: string) {
  const refresh = useRefreshCall(callId);
  return useMutation({ mutationFn: () => announcementApi.unpublish(callId), onSuccess: refresh });
}
