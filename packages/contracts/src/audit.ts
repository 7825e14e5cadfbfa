import { z } from 'zod';
import { ZLocalizedText } from './locales';

/** Staff's view of the audit trail: newest first, filterable, paged. Rows are append-only. */
export const ZAuditQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** An action ("scorecard.submitted") or a family of actions ending with a dot ("scorecard."). */
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  actorId: z.uuid().optional(),
  /** Part of the actor's email or name. */
  actor: z.string().trim().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ id: z.string(), displayName: z.string(), email: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

/** The kinds of record an id in the trail can point to. */
export const AUDIT_REFERENCE_KINDS = [
  'call',
  'round',
  'application',
  'user',
  'juror',
  'assignment',
  'scorecard',
  'conflict',
  'attachment',
  'ballot',
  'invitation',
  'advance',
  'email',
] as const;
export const ZAuditReferenceKind = z.enum(AUDIT_REFERENCE_KINDS);
export type TAuditReferenceKind = z.infer<typeof ZAuditReferenceKind>;

/**
 * What an id found in a page of the trail (an entity id, or an id inside before/after) names today, so the
 * trail can read "round 1 of 'Call 2026'" instead of an id. Ids of records deleted since are left out.
 */
export const ZAuditReference = z.object({
  kind: ZAuditReferenceKind,
  /** The record's own name: a person's display name, an application's reference (else its title), a file name, an email address. */
  name: z.string().nullable(),
  /** The juror or person the record belongs to (a scorecard's, a ballot's, a conflict's juror). */
  person: z.string().nullable(),
  /** The application the record belongs to: its reference, else its title. */
  application: z.string().nullable(),
  /** The round's number (of the record, or the one it belongs to; an advance's target round). */
  roundNumber: z.number().int().nullable(),
  /** The title of the call the record is or belongs to. */
  callTitle: ZLocalizedText.nullable(),
});
export type TAuditReference = z.infer<typeof ZAuditReference>;

export const ZAuditPage = z.object({
  items: z.array(ZAuditEvent),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Every action and entity type present in the trail, for the filters. */
  actions: z.array(z.string()),
  entityTypes: z.array(z.string()),
  /** Every id of this page's entries that still names a record, by id. */
  references: z.record(z.string(), ZAuditReference),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
