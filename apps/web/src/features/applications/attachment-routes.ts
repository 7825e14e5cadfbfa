import { applicationRequests } from './mutations';

/**
 * Where a form's files go: an application's uploads, or those of anything else answered with a form
 * (a progress report). The file question uploads, lists and removes through these.
 */
export interface AttachmentRoutes {
  /** The multipart upload's path (`file`) for a FILE question. */
  uploadPath: (fieldKey: string) => string;
  downloadPath: (attachmentId: string) => string;
  remove: (attachmentId: string) => Promise<void>;
}

export function applicationAttachmentRoutes(applicationId: string): AttachmentRoutes {
  return {
    uploadPath: (fieldKey) => applicationRequests.attachmentUploadPath(applicationId, fieldKey),
    downloadPath: (attachmentId) => applicationRequests.attachmentDownloadPath(applicationId, attachmentId),
    remove: (attachmentId) => applicationRequests.removeAttachment(applicationId, attachmentId),
  };
}
