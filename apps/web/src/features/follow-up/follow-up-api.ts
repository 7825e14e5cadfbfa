import type { TFollowUpDashboard, TProgressReport, TReminderRun, TReportForm, TReviewReportRequest, ZPutReportFormRequest } from '@tahkim/contracts';
import type { z } from 'zod';
import { api, unwrap } from '../../lib/api';

/**
 * The generated OpenAPI types render the contracts' nullable fields loosely: answers are read with
 * the contracts' types, which the API validates its responses against.
 */
const as = async <T>(call: Promise<unknown>): Promise<T> => (await call) as T;

/** What a save of the report form sends: the request once parsed. */
export type ReportFormBody = z.output<typeof ZPutReportFormRequest>;

/** What staff decide about a submitted report. */
export type ReviewBody = TReviewReportRequest & { comment: string };

export type FollowUpExportFormat = 'csv' | 'xlsx';

const reportPath = (applicationId: string, milestoneKey: string) =>
  `/api/applications/${encodeURIComponent(applicationId)}/reports/${encodeURIComponent(milestoneKey)}`;

/** The staff routes of a call's follow-up (report form, reports, dashboard, reminders); errors reach callers as ApiError. */
export const followUpApi = {
  reportForm: (callId: string) => as<TReportForm>(unwrap(api.GET('/api/calls/{id}/programme/report-form', { params: { path: { id: callId } } }))),
  saveReportForm: (callId: string, body: ReportFormBody) =>
    as<TReportForm>(unwrap(api.PUT('/api/calls/{id}/programme/report-form', { params: { path: { id: callId } }, body }))),
  report: (applicationId: string, milestoneKey: string) =>
    as<TProgressReport>(unwrap(api.GET('/api/applications/{id}/reports/{milestoneKey}', { params: { path: { id: applicationId, milestoneKey } } }))),
  review: (applicationId: string, milestoneKey: string, body: ReviewBody) =>
    as<TProgressReport>(unwrap(api.POST('/api/applications/{id}/reports/{milestoneKey}/review', { params: { path: { id: applicationId, milestoneKey } }, body }))),
  dashboard: (callId: string) => as<TFollowUpDashboard>(unwrap(api.GET('/api/calls/{id}/follow-up', { params: { path: { id: callId } } }))),
  runReminders: (callId: string) => as<TReminderRun>(unwrap(api.POST('/api/calls/{id}/programme/reminders', { params: { path: { id: callId } } }))),
  /** A file attached to a report, as a link (the browser downloads it with the staff session). */
  attachmentPath: (applicationId: string, milestoneKey: string, attachmentId: string) => `${reportPath(applicationId, milestoneKey)}/attachments/${encodeURIComponent(attachmentId)}`,
  /** The dashboard as a file (every project, milestone and indicator). */
  exportPath: (callId: string) => `/api/calls/${encodeURIComponent(callId)}/follow-up/export`,
};
