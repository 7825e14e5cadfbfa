import { queryOptions } from '@tanstack/react-query';
import { reportsApi } from './reports-api';

export const reportKeys = {
  all: ['reports'] as const,
  /** A project's milestones and where each stands. */
  ofApplication: (applicationId: string) => [...reportKeys.all, 'application', applicationId] as const,
  /** One milestone's report. */
  detail: (applicationId: string, milestoneKey: string) => [...reportKeys.ofApplication(applicationId), 'milestone', milestoneKey] as const,
};

/** A winner's programme: its milestones in order, each with its state (404 when there is none). */
export const applicationReportsQuery = (applicationId: string) =>
  queryOptions({ queryKey: [...reportKeys.ofApplication(applicationId), 'list'] as const, queryFn: () => reportsApi.list(applicationId) });

/** One milestone's report, as its owner writes it. */
export const progressReportQuery = (applicationId: string, milestoneKey: string) =>
  queryOptions({
    queryKey: reportKeys.detail(applicationId, milestoneKey),
    queryFn: () => reportsApi.read(applicationId, milestoneKey),
    // The form owns the draft once loaded: a background refetch must not replace what is being typed.
    staleTime: Infinity,
  });
