import { useMutation, useQueryClient } from '@tanstack/react-query';
import { followUpApi, type ReportFormBody, type ReviewBody } from './follow-up-api';
import { followUpKeys } from './queries';

/** Staff save the report form; the answer is the form now stored. */
export function useSaveReportFormMutation(callId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportFormBody) => followUpApi.saveReportForm(callId, body),
    onSuccess: (saved) => queryClient.setQueryData(followUpKeys.reportForm(callId), saved),
  });
}

/** Staff accept a submitted report or ask for changes; the dashboard of its call is read again. */
export function useReviewReportMutation(applicationId: string, milestoneKey: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewBody) => followUpApi.review(applicationId, milestoneKey, body),
    onSuccess: async (report) => {
      queryClient.setQueryData(followUpKeys.report(applicationId, milestoneKey), report);
      await queryClient.invalidateQueries({ queryKey: followUpKeys.ofCall(report.callId) });
    },
  });
}

/** Staff send the reminders due now (the API skips those already sent). */
export function useRunRemindersMutation(callId: string) {
  return useMutation({ mutationFn: () => followUpApi.runReminders(callId) });
}
