import { Injectable } from '@nestjs/common';
import type { TReportStatus } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';

type Db = PrismaClient | Prisma.TransactionClient;

/** A supported project: the application, its owner, and its call with the programme and its report form. */
const PROJECT_SELECT = {
  id: true,
  callId: true,
  ownerId: true,
  status: true,
  title: true,
  reference: true,
  owner: { select: { id: true, displayName: true, email: true, locale: true } },
  call: {
    select: {
      status: true,
      settings: true,
      programme: {
        select: {
          id: true,
          version: true,
          reportForm: true,
          reportFormVersion: true,
          milestones: { orderBy: [{ position: 'asc' }, { key: 'asc' }] },
          indicators: { orderBy: [{ position: 'asc' }, { key: 'asc' }] },
        },
      },
    },
  },
} satisfies Prisma.ApplicationSelect;

export type ProjectRow = Prisma.ApplicationGetPayload<{ select: typeof PROJECT_SELECT }>;
export type ProgrammeRow = NonNullable<ProjectRow['call']['programme']>;
export type MilestoneRow = ProgrammeRow['milestones'][number];

const REPORT_SELECT = {
  id: true,
  milestoneId: true,
  status: true,
  answers: true,
  indicatorValues: true,
  version: true,
  formVersion: true,
  submittedAt: true,
  reviewComment: true,
  reviewedAt: true,
  attachments: {
    select: { id: true, fieldKey: true, fileName: true, mediaType: true, size: true, uploadedAt: true },
    orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
  },
} as const satisfies Prisma.ProgressReportSelect;

export type ReportRow = Prisma.ProgressReportGetPayload<{ select: typeof REPORT_SELECT }>;

/** Where each of a project's reports stands (the list of its milestones). */
export interface ReportStanding {
  milestoneId: string;
  status: TReportStatus;
  submittedAt: Date | null;
  reviewComment: string | null;
}

/** One step of a report, from the audit trail. */
export interface ReportStep {
  action: string;
  at: Date;
  after: unknown;
}

/** The actions a report's history is told from (written with entityType Application, `after.milestoneKey`). */
export const REPORT_STEP_ACTIONS = ['progress_report.submitted', 'progress_report.changes_requested', 'progress_report.accepted'] as const;

/** The only code that reads and writes progress reports. */
@Injectable()
export class ReportsRepository {
  /** The application with its call's programme; undefined when there is no such application. */
  async project(db: Db, applicationId: string): Promise<ProjectRow | undefined> {
    return (await db.application.findUnique({ where: { id: applicationId }, select: PROJECT_SELECT })) ?? undefined;
  }

  async report(db: Db, milestoneId: string, applicationId: string): Promise<ReportRow | undefined> {
    return (await db.progressReport.findUnique({ where: { milestoneId_applicationId: { milestoneId, applicationId } }, select: REPORT_SELECT })) ?? undefined;
  }

  /** The report, its row locked until the transaction ends: saves, submissions, reviews and files take turns. */
  async lockedReport(tx: Prisma.TransactionClient, milestoneId: string, applicationId: string): Promise<ReportRow | undefined> {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "ProgressReport" WHERE "milestoneId" = ${milestoneId}::uuid AND "applicationId" = ${applicationId}::uuid FOR UPDATE`;
    return rows.length === 0 ? undefined : this.report(tx, milestoneId, applicationId);
  }

  /** Locks a report's row by id; its status, or undefined when it is gone. */
  async lockStatus(tx: Prisma.TransactionClient, reportId: string): Promise<TReportStatus | undefined> {
    const rows = await tx.$queryRaw<Array<{ status: TReportStatus }>>`SELECT "status"::text AS "status" FROM "ProgressReport" WHERE "id" = ${reportId}::uuid FOR UPDATE`;
    return rows[0]?.status;
  }

  async standings(db: Db, applicationId: string): Promise<ReportStanding[]> {
    return db.progressReport.findMany({ where: { applicationId }, select: { milestoneId: true, status: true, submittedAt: true, reviewComment: true } });
  }

  /**
   * Writes an empty draft unless the project already has a report for the milestone. Version 0: nothing
   * saved yet (a report created to hold a file before the first save is still version 0).
   */
  async ensureDraft(db: Db, milestoneId: string, applicationId: string): Promise<void> {
    await db.progressReport.createMany({ data: [{ milestoneId, applicationId, version: 0 }], skipDuplicates: true });
  }

  /** The draft's new answers if `version` is still the stored one and the report takes changes; false otherwise. */
  async saveDraft(
    db: Db,
    data: { id: string; version: number; answers: Prisma.InputJsonObject; indicatorValues: Prisma.InputJsonObject; formVersion: number },
  ): Promise<boolean> {
    const { count } = await db.progressReport.updateMany({
      where: { id: data.id, version: data.version, status: { in: ['DRAFT', 'CHANGES_REQUESTED'] } },
      data: { answers: data.answers, indicatorValues: data.indicatorValues, formVersion: data.formVersion, version: { increment: 1 } },
    });
    return count === 1;
  }

  /** Marks the (locked) report SUBMITTED at the database's clock. */
  async submit(tx: Prisma.TransactionClient, id: string, formVersion: number): Promise<{ submittedAt: Date; version: number }> {
    const rows = await tx.$queryRaw<Array<{ submittedAt: Date; version: number }>>`
      UPDATE "ProgressReport"
         SET "status" = 'SUBMITTED', "submittedAt" = now(), "formVersion" = ${formVersion}::int, "version" = "version" + 1, "updatedAt" = now()
       WHERE "id" = ${id}::uuid
      RETURNING "submittedAt", "version"`;
    return rows[0]!;
  }

  /** Records staff's review of the (locked) report at the database's clock. */
  async review(tx: Prisma.TransactionClient, id: string, data: { status: 'ACCEPTED' | 'CHANGES_REQUESTED'; comment: string | null; reviewerId: string | null }): Promise<{ version: number }> {
    const rows = await tx.$queryRaw<Array<{ version: number }>>`
      UPDATE "ProgressReport"
         SET "status" = ${data.status}::"ProgressReportStatus", "reviewComment" = ${data.comment}, "reviewedAt" = now(),
             "reviewedById" = ${data.reviewerId}::uuid, "version" = "version" + 1, "updatedAt" = now()
       WHERE "id" = ${id}::uuid
      RETURNING "version"`;
    return rows[0]!;
  }

  /** The database's clock: due dates are judged by it, never by the server's. */
  async now(db: Db): Promise<Date> {
    const rows = await db.$queryRaw<Array<{ now: Date }>>`SELECT now() AS "now"`;
    return rows[0]!.now;
  }

  /** A report's steps, oldest first, from the audit trail (one query). */
  async steps(db: Db, applicationId: string, milestoneKey: string): Promise<ReportStep[]> {
    const rows = await db.auditEvent.findMany({
      where: { entityType: 'Application', entityId: applicationId, action: { in: [...REPORT_STEP_ACTIONS] }, after: { path: ['milestoneKey'], equals: milestoneKey } },
      select: { action: true, createdAt: true, after: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => ({ action: row.action, at: row.createdAt, after: row.after }));
  }

  /** Whether any report of the programme was ever sent (its form then only grows). */
  async formLocked(db: Db, programmeId: string): Promise<boolean> {
    return (await db.progressReport.count({ where: { milestone: { programmeId }, status: { not: 'DRAFT' } }, take: 1 })) > 0;
  }

  /**
   * The programme's report form, its row held (FOR SHARE) until the transaction ends: a submission is
   * checked against the form as it is, and a change of the form waits for it.
   */
  async lockedReportForm(tx: Prisma.TransactionClient, programmeId: string): Promise<{ reportForm: Prisma.JsonValue; reportFormVersion: number } | undefined> {
    const rows = await tx.$queryRaw<Array<{ reportForm: Prisma.JsonValue; reportFormVersion: number }>>`
      SELECT "reportForm", "reportFormVersion" FROM "Programme" WHERE "id" = ${programmeId}::uuid FOR SHARE`;
    return rows[0];
  }

  // ---- the report form (staff) --------------------------------------------------------------------

  /** Locks the call's row (the programme's writers all take it first); false when there is no such call. */
  async lockCall(tx: Prisma.TransactionClient, callId: string): Promise<boolean> {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Call" WHERE "id" = ${callId}::uuid FOR UPDATE`;
    return rows.length > 0;
  }

  async callExists(db: Db, callId: string): Promise<boolean> {
    return (await db.call.count({ where: { id: callId } })) > 0;
  }

  async programmeForm(db: Db, callId: string): Promise<{ id: string; reportForm: Prisma.JsonValue; reportFormVersion: number } | undefined> {
    return (await db.programme.findUnique({ where: { callId }, select: { id: true, reportForm: true, reportFormVersion: true } })) ?? undefined;
  }

  /**
   * Saves the report form as its next version. A call without a programme gets one holding only the form:
   * its own version stays 0, so staff setting up milestones afterwards are not told it changed under them.
   */
  async saveReportForm(tx: Prisma.TransactionClient, callId: string, definition: Prisma.InputJsonObject, version: number): Promise<void> {
    await tx.programme.upsert({
      where: { callId },
      create: { callId, version: 0, reportForm: definition, reportFormVersion: version },
      update: { reportForm: definition, reportFormVersion: version },
    });
  }
}
