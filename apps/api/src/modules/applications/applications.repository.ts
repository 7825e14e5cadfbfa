import { Inject, Injectable } from '@nestjs/common';
import type { TApplicationStatus, TEligibilitySuggestion } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
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
  attachments: {
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

/** The only code that reads and writes applications. */
@Injectable()
export class ApplicationsRepository {
  constructor(@Inject(PRISMA) readonly prisma: PrismaClient) {}

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

  /** Serialises the creations of one person for one call, so the per-applicant limit holds under races. */
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

  /** Optimistic concurrency in the statement itself: 0 when the version moved on or it is no longer a draft. */
  async saveDraft(db: Db, data: { id: string; version: number; answers: Record<string, unknown>; title: string | null }): Promise<number> {
    const result = await db.application.updateMany({
      where: { id: data.id, version: data.version, status: 'DRAFT' },
      data: { answers: data.answers as Prisma.InputJsonObject, title: data.title, version: { increment: 1 } },
    });
    return result.count;
  }

  /** Locks the application's row until the transaction ends (concurrent submits wait here, then see it submitted). */
  async lockForUpdate(tx: Prisma.TransactionClient, id: string): Promise<LockedApplication | undefined> {
    const rows = await tx.$queryRaw<LockedApplication[]>`
      SELECT "id", "callId", "ownerId", "status"::text AS "status", "version", "answers", "submittedAt"
        FROM "Application" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return rows[0];
  }

  /** The database's clock as of this transaction: the same instant `now()` reads in its statements. */
  async transactionNow(tx: Prisma.TransactionClient): Promise<Date> {
    const rows = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS "now"`;
    return rows[0]!.now;
  }

  /**
   * Submits, if and only if the call accepts submissions by the database's clock, in this very
   * statement: nothing after closesAt, whatever the client or the API's clock says.
   */
  async markSubmitted(
    tx: Prisma.TransactionClient,
    data: { id: string; reference: string; formVersion: number; title: string | null; suggestion: TEligibilitySuggestion | null; reasons: unknown },
  ): Promise<boolean> {
    const reasons = data.reasons === null ? null : JSON.stringify(data.reasons);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Application" AS a
         SET "status" = 'SUBMITTED',
             "submittedAt" = now(),
             "reference" = ${data.reference},
             "formVersion" = ${data.formVersion},
             "title" = ${data.title},
             "eligibilitySuggestion" = ${data.suggestion}::"EligibilitySuggestion",
             "eligibilityReasons" = ${reasons}::jsonb,
             "version" = a."version" + 1,
             "updatedAt" = now()
        FROM "Call" AS c
       WHERE a."id" = ${data.id}::uuid
         AND c."id" = a."callId"
         AND a."status" = 'DRAFT'
         AND c."status" = 'PUBLISHED'
         AND now() >= c."opensAt"
         AND now() < c."closesAt"
      RETURNING a."id"`;
    return rows.length === 1;
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
