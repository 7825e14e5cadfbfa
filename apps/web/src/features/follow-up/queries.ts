import { queryOptions } from '@tanstack/react-query';
import { followUpApi } from './follow-up-api';

export const followUpKeys = {
  all: ['follow-up'] as const,
  /** The form a call's supported projects fill at each milestone. */
  reportForm: (callId: string) => [...followUpKeys.all, 'report-form', callId] as const,
  /** Every report of a call's projects (the dashboard and each report read from it). */
  ofCall: (callId: string) => [...followUpKeys.all, 'call', callId] as const,
  dashboard: (callId: string) => [...followUpKeys.ofCall(callId), 'dashboard'] as const,
  reports: () => [...followUpKeys.all, 'report'] as const,
  report: (applicationId: string, milestoneKey: string) => [...followUpKeys.reports(), applicationId, milestoneKey] as const,
};

/** Staff: the report form (version 0 while the default one was never saved). */
export const reportFormQuery = (callId: string) =>
  queryOptions({ queryKey: followUpKeys.reportForm(callId), queryFn: () => followUpApi.reportForm(callId) });

/** Staff: one project's report for one milestone, with its form, indicators and history. */
export const progressReportQuery = (applicationId: string, milestoneKey: string) =>
  queryOptions({ queryKey: followUpKeys.report(applicationId, milestoneKey), queryFn: () => followUpApi.report(applicationId, milestoneKey) });

/** Staff: where every supported project stands, milestone by milestone, and its indicators. */
export const followUpDashboardQuery = (callId: string) =>
  queryOptions({ queryKey: followUpKeys.dashboard(callId), queryFn: () => followUpApi.dashboard(callId) });
