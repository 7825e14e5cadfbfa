import { Inject, Injectable } from '@nestjs/common';
import type { TApplicationStatus, TEligibilitySuggestion } from '@tahkim/contracts';
import { PREPARED, type Prisma, type PrismaClient, type Sql, type SqlQueryable } from '@tahkim/db';
import { PRISMA, SQL } from '../../config/config.module';
import { AppError } from '../../common/errors/app-error';
import type { ApplicationRecord } from './application-view';

export type Db = PrismaClient | Prisma.TransactionClient;

const RECORD_FIELDS = {
  id: true,
  callId: true,
  status: true,
  answers: true,
  version: true,
  formVersion: true,
  reference: true,
  submittedAt: true,
  withdrawnAt: true,
  createdAt: true,
  updatedAt: true,
  eligibilitySuggestion: true,
  eligibilityReasons: true,
  screeningNote: true,
  screenedAt: true,
  screenedById: true,
  owner: { select: { id: true, displayName: true, email: true, locale: true } },
  call: { select: { slug: true, title: true, opensAt: true, closesAt: true, status: true } },
  // The form's files only: a progress report's files are the report's.
  attachments: {
    where: { progressReportId: null },
    select: { id: true, fieldKey: true, fileName: true, mediaType: true, size: true, uploadedAt: true },
    orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
  },
} satisfies Prisma.ApplicationSelect;

export interface CallFacts {
  id: string;
  status: string;
  opensAt: Date;
  closesAt: Date;
  referencePrefix: string;
  maxApplicationsPerApplicant: number;
  timezone: string;
  settings: unknown;
  title: unknown;
  slug: string;
}

export interface LockedApplication {
  id: string;
  callId: string;
  ownerId: string;
  status: TApplicationStatus;
  version: number;
  answers: unknown;
  submittedAt: Date | null;
}

/** What a change by its owner needs to know of an application, read in one statement. */
export interface ApplicationTarget {
  callId: string;
  /** Whether the caller owns it (only the owner changes it). */
  owned: boolean;
  status: TApplicationStatus;
  version: number;
  answers: unknown;
  /** The call's current form version (the form cache's key). */
  callFormVersion: number;
}

/** What a submission checks and writes, read in one statement with the database's clock. */
export interface SubmissionFacts {
  owned: boolean;
  record: ApplicationRecord;
  call: { formVersion: number; referencePrefix: string; settings: unknown; title: unknown; status: string; beforeOpening: boolean; afterClosing: boolean };
}

/**
 * The columns of an ApplicationRecord, selected from an application row `a` joined to its call `c` and
 * owner `o`, attachments aggregated: one statement instead of Prisma's one per relation. Timestamps in
 * JSON are written as ISO instants (the columns are UTC without a zone).
 */
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const RECORD_COLUMNS_TEXT = `
  a."id", a."callId", a."status"::text AS "status", a."answers", a."version", a."formVersion", a."reference",
  a."submittedAt", a."withdrawnAt", a."createdAt", a."updatedAt", a."eligibilitySuggestion"::text AS "eligibilitySuggestion",
  a."eligibilityReasons", a."screeningNote", a."screenedAt", a."screenedById",
  json_build_object('id', o."id", 'displayName', o."displayName", 'email', o."email", 'locale', o."locale") AS "owner",
  json_build_object('slug', c."slug", 'title', c."title", 'opensAt', ${iso('c."opensAt"')}, 'closesAt', ${iso('c."closesAt"')}, 'status', c."status") AS "call",
  coalesce((
    SELECT json_agg(json_build_object('id', t."id", 'fieldKey', t."fieldKey", 'fileName', t."fileName", 'mediaType', t."mediaType",
                                      'size', t."size", 'uploadedAt', ${iso('t."uploadedAt"')}) ORDER BY t."uploadedAt", t."id")
      FROM "Attachment" t WHERE t."applicationId" = a."id" AND t."progressReportId" IS NULL), '[]') AS "attachments"`;

const FIND_TARGET = `${PREPARED}
  SELECT a."callId", a."ownerId" = $2::uuid AS "owned", a."status"::text AS "status", a."version", a."answers",
         c."formVersion" AS "callFormVersion"
    FROM "Application" a JOIN "Call" c ON c."id" = a."callId"
   WHERE a."id" = $1::uuid`;

const SAVE_DRAFT = `${PREPARED}
  WITH a AS (
    UPDATE "Application"
       SET "answers" = $3::jsonb, "title" = $4, "version" = "version" + 1, "updatedAt" = now()
     WHERE "id" = $1::uuid AND "version" = $2 AND "status" = 'DRAFT'
    RETURNING *)
  SELECT ${RECORD_COLUMNS_TEXT}
    FROM a JOIN "Call" c ON c."id" = a."callId" JOIN "User" o ON o."id" = a."ownerId"`;

const FIND_SUBMISSION = `${PREPARED}
  SELECT ${RECORD_COLUMNS_TEXT}, a."ownerId" = $2::uuid AS "owned",
         json_build_object('formVersion', c."formVersion", 'referencePrefix', c."referencePrefix", 'settings', c."settings", 'title', c."title",
                           'status', c."status", 'beforeOpening', now() < c."opensAt", 'afterClosing', now() >= c."closesAt") AS "callFacts"
    FROM "Application" a JOIN "Call" c ON c."id" = a."callId" JOIN "User" o ON o."id" = a."ownerId"
   WHERE a."id" = $1::uuid`;

const LOCK_SUBMITTABLE = `${PREPARED}
  SELECT now() AS "submittedAt"
    FROM "Application" a JOIN "Call" c ON c."id" = a."callId"
   WHERE a."id" = $1::uuid
     AND a."version" = $2
     AND a."status" = 'DRAFT'
     AND c."status" = 'PUBLISHED'
     AND now() >= c."opensAt"
     AND now() < c."closesAt"
     FOR UPDATE OF a`;

/** Parameters: see completeSubmission. References are PREFIX-YEAR-0001, the number on four digits at least. */
const COMPLETE_SUBMISSION = `${PREPARED}
  WITH counter AS (
    INSERT INTO "ReferenceCounter" ("callId", "year", "lastValue") VALUES ($1::uuid, $2::int, 1)
    ON CONFLICT ("callId", "year") DO UPDATE SET "lastValue" = "ReferenceCounter"."lastValue" + 1
    RETURNING "lastValue"),
  ref AS (
    SELECT $3::text || '-' || $2::int || '-' ||
           CASE WHEN length("lastValue"::text) >= 4 THEN "lastValue"::text ELSE lpad("lastValue"::text, 4, '0') END AS "reference"
      FROM counter),
  a AS (
    UPDATE "Application"
       SET "status" = 'SUBMITTED',
           "submittedAt" = now(),
           "reference" = ref."reference",
           "formVersion" = $5::int,
           "title" = $6::text,
           "eligibilitySuggestion" = $7::"EligibilitySuggestion",
           "eligibilityReasons" = $8::jsonb,
           "version" = "Application"."version" + 1,
           "updatedAt" = now()
      FROM ref
     WHERE "id" = $4::uuid AND "status" = 'DRAFT'
    RETURNING "Application".*),
  email AS (
    INSERT INTO "EmailMessage" ("id", "toAddress", "locale", "template", "subject", "text", "html", "secrets", "userId", "dedupeKey")
    SELECT $9::uuid, $10::text, $11::"Locale", $12::text, replace($13::text, $16::text, ref."reference"), replace($14::text, $16::text, ref."reference"),
           replace($15::text, $16::text, ref."reference"), $17::text[], $18::uuid, $19::text
      FROM ref
    ON CONFLICT ("dedupeKey") DO NOTHING),
  audit AS (
    INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "before", "after", "requestId", "ip")
    SELECT $20::uuid, 'application.submitted', 'Application', $4::text, $21::jsonb, $22::jsonb || jsonb_build_object('reference', ref."reference"), $23::text, $24::text
      FROM ref)
  SELECT ${RECORD_COLUMNS_TEXT},
         (SELECT coalesce(array_agg(t."id"::text ORDER BY t."id"), '{}') FROM "Attachment" t WHERE t."applicationId" = a."id" AND t."progressReportId" IS NULL) = $25::text[] AS "filesUnchanged"
    FROM a JOIN "Call" c ON c."id" = a."callId" JOIN "User" o ON o."id" = a."ownerId"`;

export interface SubmissionCompletion {
  id: string;
  callId: string;
  referencePrefix: string;
  year: number;
  formVersion: number;
  title: string | null;
  suggestion: TEligibilitySuggestion | null;
  reasons: unknown;
  /** The files the answers were checked with. */
  attachmentIds: readonly string[];
  email: { id: string; to: string; locale: string; template: string; subject: string; text: string; html: string; secrets: readonly string[]; userId: string; dedupeKey: string; marker: string };
  audit: { actorId: string | null; requestId: string | null; ip: string | null; before: unknown; after: Record<string, unknown> };
}

interface RecordRow extends Omit<ApplicationRecord, 'call' | 'attachments'> {
  call: Omit<ApplicationRecord['call'], 'opensAt' | 'closesAt'> & { opensAt: string; closesAt: string };
  attachments: Array<Omit<ApplicationRecord['attachments'][number], 'uploadedAt'> & { uploadedAt: string }>;
}

function toRecord(row: RecordRow): ApplicationRecord {
  return {
    ...row,
    call: { ...row.call, opensAt: new Date(row.call.opensAt), closesAt: new Date(row.call.closesAt) },
    attachments: row.attachments.map((attachment) => ({ ...attachment, uploadedAt: new Date(attachment.uploadedAt) })),
  };
}

/** The only code that reads and writes applications. */
@Injectable()
export class ApplicationsRepository {
  constructor(
    @Inject(PRISMA) readonly prisma: PrismaClient,
    @Inject(SQL) private readonly sql: Sql,
  ) {}

  async findRecord(db: Db, id: string): Promise<ApplicationRecord | undefined> {
    return (await db.application.findUnique({ where: { id }, select: RECORD_FIELDS })) ?? undefined;
  }

  async findRecordsOfOwner(db: Db, ownerId: string): Promise<ApplicationRecord[]> {
    return db.application.findMany({ where: { ownerId }, select: RECORD_FIELDS, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 200 });
  }

  async findCall(db: Db, callId: string): Promise<CallFacts | undefined> {
    const call = await db.call.findUnique({
      where: { id: callId },
      select: {
        id: true, status: true, opensAt: true, closesAt: true, referencePrefix: true, maxApplicationsPerApplicant: true,
        timezone: true, settings: true, title: true, slug: true,
      },
    });
    return call ?? undefined;
  }

  /**
   * Serialises one applicant's starts on one call (the per-applicant limit), and holds the call row
   * against a concurrent form edit, which decides under FOR UPDATE whether the form is locked by
   * existing applications.
   */
  async lockApplicantCall(tx: Prisma.TransactionClient, ownerId: string, callId: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`application:${ownerId}:${callId}`}, 0))`;
    await tx.$executeRaw`SELECT 1 FROM "Call" WHERE "id" = ${callId}::uuid FOR SHARE`;
  }

  async countActiveOfOwner(db: Db, ownerId: string, callId: string): Promise<number> {
    return db.application.count({ where: { ownerId, callId, status: { not: 'WITHDRAWN' } } });
  }

  async createDraft(db: Db, data: { callId: string; ownerId: string }): Promise<string> {
    const row = await db.application.create({ data: { callId: data.callId, ownerId: data.ownerId, status: 'DRAFT', answers: {} }, select: { id: true } });
    return row.id;
  }

  /** The application, whether `userId` owns it, and its call's form version: undefined when there is no such id. */
  async findTarget(id: string, userId: string): Promise<ApplicationTarget | undefined> {
    return (await this.sql.rows<ApplicationTarget>(FIND_TARGET, [id, userId]))[0];
  }

  /**
   * Saves a draft's answers with optimistic concurrency in the statement itself, and returns the saved
   * record; undefined when the version moved on or it is no longer a draft.
   */
  async saveDraft(data: { id: string; version: number; answers: Record<string, unknown>; title: string | null }): Promise<ApplicationRecord | undefined> {
    const rows = await this.sql.rows<RecordRow>(SAVE_DRAFT, [data.id, data.version, JSON.stringify(data.answers), data.title]);
    return rows[0] && toRecord(rows[0]);
  }

  /** The application with what its submission needs of the call, and where the call stands by the database's clock. */
  async findSubmission(id: string, userId: string): Promise<SubmissionFacts | undefined> {
    const row = (await this.sql.rows<RecordRow & { owned: boolean; callFacts: SubmissionFacts['call'] }>(FIND_SUBMISSION, [id, userId]))[0];
    if (!row) return undefined;
    const { owned, callFacts, ...record } = row;
    return { owned, record: toRecord(record), call: callFacts };
  }

  /**
   * Locks a draft that is still at `version` if its call accepts submissions by the database's clock,
   * and returns the instant of submission (the transaction's `now()`); undefined when the draft moved
   * on, was submitted or withdrawn meanwhile (a concurrent submit waits here, then finds nothing), or
   * the call does not accept submissions. completeSubmission then writes the submission.
   */
  async lockSubmittable(tx: SqlQueryable, id: string, version: number): Promise<Date | undefined> {
    return (await tx.rows<{ submittedAt: Date }>(LOCK_SUBMITTABLE, [id, version]))[0]?.submittedAt;
  }

  /**
   * The end of a submission, in one statement: takes the call's next reference number for the year
   * (the counter row is locked from here to the commit only), marks the application submitted with it
   * (at the transaction's `now()`, the instant lockSubmittable returned), stores the receipt email
   * (rendered with `marker` where the reference goes) and the audit row. Returns the saved record, and
   * whether the application's files are still those the answers were checked with.
   */
  async completeSubmission(tx: SqlQueryable, data: SubmissionCompletion): Promise<{ record: ApplicationRecord; filesUnchanged: boolean }> {
    const { email, audit } = data;
    const rows = await tx.rows<RecordRow & { filesUnchanged: boolean }>(COMPLETE_SUBMISSION, [
      data.callId, data.year, data.referencePrefix, data.id, data.formVersion, data.title, data.suggestion,
      data.reasons === null ? null : JSON.stringify(data.reasons),
      email.id, email.to, email.locale, email.template, email.subject, email.text, email.html, email.marker, [...email.secrets], email.userId, email.dedupeKey,
      audit.actorId, JSON.stringify(audit.before), JSON.stringify(audit.after), audit.requestId, audit.ip,
      [...data.attachmentIds].sort(),
    ]);
    const row = rows[0];
    if (!row) throw new Error('The submitted application was not found to complete it');
    const { filesUnchanged, ...record } = row;
    return { record: toRecord(record), filesUnchanged };
  }

  /** Locks the application's row until the transaction ends (concurrent submits wait here, then see it submitted). */
  async lockForUpdate(tx: Prisma.TransactionClient, id: string): Promise<LockedApplication | undefined> {
    const rows = await tx.$queryRaw<LockedApplication[]>`
      SELECT "id", "callId", "ownerId", "status"::text AS "status", "version", "answers", "submittedAt"
        FROM "Application" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return rows[0];
  }

  /** Where the call stands right now, by the database's clock (the same instant as `now()` in this transaction). */
  async callWindow(tx: Prisma.TransactionClient, callId: string): Promise<{ status: string; beforeOpening: boolean; afterClosing: boolean }> {
    const rows = await tx.$queryRaw<{ status: string; beforeOpening: boolean; afterClosing: boolean }[]>`
      SELECT "status"::text AS "status", now() < "opensAt" AS "beforeOpening", now() >= "closesAt" AS "afterClosing"
        FROM "Call" WHERE "id" = ${callId}::uuid`;
    const window = rows[0];
    if (!window) throw new AppError('NOT_FOUND');
    return window;
  }

  async withdraw(db: Db, id: string, from: readonly TApplicationStatus[]): Promise<number> {
    const result = await db.application.updateMany({
      where: { id, status: { in: [...from] } },
      data: { status: 'WITHDRAWN', withdrawnAt: new Date(), version: { increment: 1 } },
    });
    return result.count;
  }

  async screen(
    db: Db,
    data: { id: string; from: readonly TApplicationStatus[]; decision: 'ELIGIBLE' | 'INELIGIBLE'; note: string | null; screenedById: string },
  ): Promise<number> {
    const result = await db.application.updateMany({
      where: { id: data.id, status: { in: [...data.from] } },
      data: { status: data.decision, screeningNote: data.note, screenedById: data.screenedById, screenedAt: new Date(), version: { increment: 1 } },
    });
    return result.count;
  }
}
