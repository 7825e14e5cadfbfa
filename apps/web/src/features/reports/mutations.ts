import type { TProgressReport } from '@tahkim/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { applicationReportsQuery, reportKeys } from './queries';

/**
 * Keeps the cached report in step with what the API answered, and the milestones' list (whose states
 * follow the report's status) fresh for the next visit of the application's page.
 */
export function storeReport(queryClient: QueryClient, report: TProgressReport): Promise<void> {
  queryClient.setQueryData(reportKeys.detail(report.applicationId, report.milestone.key), report);
  return queryClient.invalidateQueries({ queryKey: applicationReportsQuery(report.applicationId).queryKey });
}
