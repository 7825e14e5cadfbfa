import type { TApplicationReports, TProgressReport, TSaveReportRequest } from '@tahkim/contracts';
import { api, unwrap } from '../../lib/api';
import type { AttachmentRoutes } from '../applications/attachment-routes';

/**
 * The generated OpenAPI types render the contracts' nullable fields loosely: answers are read with
 * the contracts' types, which the API validates its responses against.
 */
const as = async <T>(call: Promise<unknown>): Promise<T> => (await call) as T;

const reportPath = (applicationId: string, milestoneKey: string) =>
  `/api/applications/${encodeURIComponent(applicationId)}/reports/${encodeURIComponent(milestoneKey)}`;

const path = (applicationId: string, milestoneKey: string) => ({ params: { path: { id: applicationId, milestoneKey } } });

/** A supported project's progress reports, for its owner (and staff), through the generated client; errors reach callers as ApiError. */
export const reportsApi = {
  /** The programme's milestones and where each stands (404 when the application is not a winner, or its call has no programme). */
  list: (applicationId: string) =>
    as<TApplicationReports>(unwrap(api.GET('/api/applications/{id}/reports', { params: { path: { id: applicationId } } }))),
  /** One milestone's report (version 0 while nothing is saved). */
  read: (applicationId: string, milestoneKey: string) =>
    as<TProgressReport>(unwrap(api.GET('/api/applications/{id}/reports/{milestoneKey}', path(applicationId, milestoneKey)))),
  /** An autosave; a stale version gets 409 VERSION_CONFLICT { current }, a report no longer editable 409 CONFLICT. */
  save: (applicationId: string, milestoneKey: string, body: TSaveReportRequest) =>
    as<TProgressReport>(unwrap(api.PUT('/api/applications/{id}/reports/{milestoneKey}', { ...path(applicationId, milestoneKey), body }))),
  /** Sends the report to the foundation; 400 VALIDATION_FAILED names the answers still missing. */
  submit: (applicationId: string, milestoneKey: string, version: number) =>
    as<TProgressReport>(unwrap(api.POST('/api/applications/{id}/reports/{milestoneKey}/submit', { ...path(applicationId, milestoneKey), body: { version } }))),
  removeAttachment: async (applicationId: string, milestoneKey: string, attachmentId: string): Promise<void> => {
    await unwrap(
      api.DELETE('/api/applications/{id}/reports/{milestoneKey}/attachments/{attachmentId}', {
        params: { path: { id: applicationId, milestoneKey, attachmentId } },
      }),
    );
  },
};

/** Where a report's FILE questions upload (multipart, with progress), download and remove their files. */
export function reportAttachmentRoutes(applicationId: string, milestoneKey: string): AttachmentRoutes {
  const base = reportPath(applicationId, milestoneKey);
  return {
    uploadPath: (fieldKey) => `${base}/attachments?${new URLSearchParams({ fieldKey }).toString()}`,
    downloadPath: (attachmentId) => `${base}/attachments/${encodeURIComponent(attachmentId)}`,
    remove: (attachmentId) => reportsApi.removeAttachment(applicationId, milestoneKey, attachmentId),
  };
}
