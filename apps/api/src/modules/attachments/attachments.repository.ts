import { Injectable } from '@nestjs/common';
import type { TAttachment, TApplicationStatus } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';

type Db = PrismaClient | Prisma.TransactionClient;

const ATTACHMENT_FIELDS = { id: true, fieldKey: true, fileName: true, mediaType: true, size: true, uploadedAt: true } as const;

type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof ATTACHMENT_FIELDS }>;

export function toAttachment(row: AttachmentRow): TAttachment {
  return { id: row.id, fieldKey: row.fieldKey, fileName: row.fileName, mediaType: row.mediaType, size: row.size, uploadedAt: row.uploadedAt.toISOString() };
}

/**
 * Whose files: an application's form (`progressReportId` null) or one of its progress reports. The two never
 * mix: an application's listings, quota and routes see only its form's files, a report only its own.
 */
export interface AttachmentScope {
  applicationId: string;
  progressReportId: string | null;
}

/** The files of a scope, oldest first (the order they were added in), as the API shows them. */
export async function listAttachments(db: Db, scope: AttachmentScope): Promise<TAttachment[]> {
  const rows = await db.attachment.findMany({
    where: { applicationId: scope.applicationId, progressReportId: scope.progressReportId },
    select: ATTACHMENT_FIELDS,
    orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map(toAttachment);
}

export interface ApplicationForFiles {
  id: string;
  callId: string;
  ownerId: string;
  status: TApplicationStatus;
  /** Call.settings, where a call may set `attachmentQuotaBytes`. */
  callSettings: unknown;
}

export interface StoredAttachment extends TAttachment {
  applicationId: string;
  storageKey: string;
  sha256: string;
}

export interface NewAttachment {
  applicationId: string;
  progressReportId: string | null;
  fieldKey: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedById: string;
}

/** The only code that reads and writes Attachment rows. */
@Injectable()
export class AttachmentsRepository {
  async findApplication(db: Db, id: string): Promise<ApplicationForFiles | undefined> {
    const row = await db.application.findUnique({
      where: { id },
      select: { id: true, callId: true, ownerId: true, status: true, call: { select: { settings: true } } },
    });
    return row ? { id: row.id, callId: row.callId, ownerId: row.ownerId, status: row.status as TApplicationStatus, callSettings: row.call.settings } : undefined;
  }

  /** Locks the application's row until the transaction ends, so uploads, deletions and the submission of one application take turns. */
  async lockApplication(tx: Prisma.TransactionClient, id: string): Promise<{ status: TApplicationStatus } | undefined> {
    const rows = await tx.$queryRaw<{ status: TApplicationStatus }[]>`SELECT "status"::text AS "status" FROM "Application" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return rows[0];
  }

  /** How many files of the scope answer this field, and the bytes all the scope's files take. */
  async usage(db: Db, scope: AttachmentScope, fieldKey: string): Promise<{ fieldFiles: number; totalBytes: number }> {
    const rows = await db.$queryRaw<{ fieldFiles: number; totalBytes: number }[]>`
      SELECT count(*) FILTER (WHERE "fieldKey" = ${fieldKey})::int AS "fieldFiles", coalesce(sum("size"), 0)::bigint::float8 AS "totalBytes"
        FROM "Attachment"
       WHERE "applicationId" = ${scope.applicationId}::uuid AND "progressReportId" IS NOT DISTINCT FROM ${scope.progressReportId}::uuid`;
    return rows[0] ?? { fieldFiles: 0, totalBytes: 0 };
  }

  /** A file of the scope (a report's file is not one of the application's, nor the other way round). */
  async find(db: Db, scope: AttachmentScope, attachmentId: string): Promise<StoredAttachment | undefined> {
    const row = await db.attachment.findFirst({
      where: { id: attachmentId, applicationId: scope.applicationId, progressReportId: scope.progressReportId },
      select: { ...ATTACHMENT_FIELDS, applicationId: true, storageKey: true, sha256: true },
    });
    return row ? { ...toAttachment(row), applicationId: row.applicationId, storageKey: row.storageKey, sha256: row.sha256 } : undefined;
  }

  async create(tx: Prisma.TransactionClient, data: NewAttachment): Promise<TAttachment> {
    return toAttachment(await tx.attachment.create({ data, select: ATTACHMENT_FIELDS }));
  }

  async delete(tx: Prisma.TransactionClient, attachmentId: string): Promise<void> {
    await tx.attachment.delete({ where: { id: attachmentId } });
  }
}
