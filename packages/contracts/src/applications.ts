import { z } from 'zod';
import { ZEligibilitySuggestion } from './eligibility';
import { ZLocalizedText } from './locales';

export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'ELIGIBLE',
  'INELIGIBLE',
  'IN_REVIEW',
  'SHORTLISTED',
  'WINNER',
  'NOT_SELECTED',
  'WITHDRAWN',
] as const;
export const ZApplicationStatus = z.enum(APPLICATION_STATUSES);
export type TApplicationStatus = z.infer<typeof ZApplicationStatus>;

export const ZAttachment = z.object({
  id: z.string(),
  fieldKey: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.iso.datetime(),
});
export type TAttachment = z.infer<typeof ZAttachment>;

/**
 * An application as its owner (and staff) read it. FILE answers are not stored in `answers`: they are
 * the application's attachments for that field, listed in `attachments` and mirrored in `answers`
 * as arrays of attachment ids.
 */
export const ZApplication = z.object({
  id: z.string(),
  callId: z.string(),
  call: z.object({ slug: z.string(), title: ZLocalizedText, opensAt: z.iso.datetime(), closesAt: z.iso.datetime(), acceptingApplications: z.boolean() }),
  status: ZApplicationStatus,
  answers: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  formVersion: z.number().int().nullable(),
  reference: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  attachments: z.array(ZAttachment),
});
export type TApplication = z.infer<typeof ZApplication>;

export const ZApplicationList = z.object({ items: z.array(ZApplication) });

/** An autosave: the answers as the form holds them, and the version they were based on. */
export const ZPatchApplicationRequest = z.strictObject({
  version: z.number().int().min(1),
  answers: z.record(z.string(), z.unknown()),
});
export type TPatchApplicationRequest = z.input<typeof ZPatchApplicationRequest>;

/** `details` of a 409 VERSION_CONFLICT on an application: what is saved now, for the person to choose. */
export const ZApplicationConflictDetails = z.object({ current: ZApplication });

/** Submitting twice (double click, retried request) returns the same submitted application. */
export const ZSubmitApplicationRequest = z.strictObject({ version: z.number().int().min(1).optional() });

/**
 * Marks one submitted application eligible or ineligible. Before the call's deadline the caller must say
 * it knows that applications may still arrive (`acknowledgeEarly`), else 409 CONFLICT
 * `{ reason: SCREENING_BEFORE_DEADLINE }`, as for a bulk screening.
 */
export const ZScreeningRequest = z.strictObject({
  decision: z.enum(['ELIGIBLE', 'INELIGIBLE']),
  note: z.string().trim().max(2000).optional(),
  acknowledgeEarly: z.boolean().optional(),
});
export type TScreeningRequest = z.input<typeof ZScreeningRequest>;

export const APPLICATION_SORTS = ['submittedAt', 'createdAt', 'reference', 'title', 'status'] as const;

/** Staff's table of a call's applications. `choice` filters are `fieldKey:value` pairs. */
export const ZStaffApplicationQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  sort: z.enum(APPLICATION_SORTS).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  status: ZApplicationStatus.optional(),
  region: z.string().max(10).optional(),
  eligibility: ZEligibilitySuggestion.optional(),
  choice: z.union([z.string(), z.array(z.string())]).optional(),
  q: z.string().trim().max(200).optional(),
});
export type TStaffApplicationQuery = z.infer<typeof ZStaffApplicationQuery>;

export const ZStaffApplicationRow = z.object({
  id: z.string(),
  reference: z.string().nullable(),
  title: z.string().nullable(),
  status: ZApplicationStatus,
  applicant: z.object({ id: z.string(), displayName: z.string(), email: z.string() }),
  region: z.string().nullable(),
  eligibilitySuggestion: ZEligibilitySuggestion.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export const ZStaffApplicationPage = z.object({
  items: z.array(ZStaffApplicationRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TStaffApplicationPage = z.infer<typeof ZStaffApplicationPage>;

export const ZStaffApplication = ZApplication.extend({
  applicant: z.object({ id: z.string(), displayName: z.string(), email: z.string(), locale: z.string() }),
  eligibilitySuggestion: ZEligibilitySuggestion.nullable(),
  eligibilityReasons: z.unknown().nullable(),
  screeningNote: z.string().nullable(),
  screenedAt: z.iso.datetime().nullable(),
  screenedBy: z.string().nullable(),
});
export type TStaffApplication = z.infer<typeof ZStaffApplication>;

/** Total size of the files one application may hold, unless the call's settings set `attachmentQuotaBytes`. */
export const DEFAULT_ATTACHMENT_QUOTA_BYTES = 50 * 1024 * 1024;

export const ATTACHMENT_REFUSAL_REASONS = [
  'FILE_TOO_LARGE',
  'APPLICATION_QUOTA_EXCEEDED',
  'TYPE_NOT_ACCEPTED',
  'MAX_FILES_REACHED',
  'APPLICATION_NOT_DRAFT',
  /** A Word, Excel or PowerPoint file that unpacks to far more than it weighs (or too many parts). */
  'ARCHIVE_UNPACKS_TOO_LARGE',
  /** A Word, Excel or PowerPoint file whose archive cannot be read. */
  'ARCHIVE_UNREADABLE',
] as const;

/**
 * `details` of a refused upload or deletion (409 CONFLICT, 413 PAYLOAD_TOO_LARGE, 415
 * UNSUPPORTED_MEDIA_TYPE): why, and the limit that applied, so the page can say it plainly.
 */
export const ZAttachmentRefusal = z.object({
  reason: z.enum(ATTACHMENT_REFUSAL_REASONS),
  fieldKey: z.string().optional(),
  /** FILE_TOO_LARGE: the largest file accepted for this field, in bytes; ARCHIVE_UNPACKS_TOO_LARGE: the most it may unpack to. */
  maxBytes: z.number().int().optional(),
  /** APPLICATION_QUOTA_EXCEEDED: the application's total allowance and what its files already use. */
  quotaBytes: z.number().int().optional(),
  usedBytes: z.number().int().optional(),
  /** MAX_FILES_REACHED */
  maxFiles: z.number().int().optional(),
  /** TYPE_NOT_ACCEPTED: what the bytes turned out to be, and what the field accepts. */
  detectedMediaType: z.string().optional(),
  acceptedMediaTypes: z.array(z.string()).optional(),
  /** APPLICATION_NOT_DRAFT: the application's status. */
  status: z.string().optional(),
});
export type TAttachmentRefusal = z.infer<typeof ZAttachmentRefusal>;
