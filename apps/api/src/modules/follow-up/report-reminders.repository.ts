import { Injectable } from '@nestjs/common';
import { REPORT_DUE_SOON_DAYS, type TLocale } from '@tahkim/contracts';
import type { Prisma } from '@tahkim/db';

/** A winner whose report for a milestone is not in (no report, a draft, or one sent back for changes). */
export interface ReminderCandidateRow {
  milestoneId: string;
  milestoneKey: string;
  milestoneTitle: unknown;
  dueAt: Date;
  applicationId: string;
  reference: string | null;
  title: string | null;
  ownerId: string;
  email: string;
  displayName: string;
  locale: TLocale;
}

/** The reminder pass's reads, each one statement whatever the number of programmes and projects. */
@Injectable()
export class ReportRemindersRepository {
  /** The database's clock at the start of the transaction. */
  async now(tx: Prisma.TransactionClient): Promise<Date> {
    const [row] = await tx.$queryRaw<Array<{ now: Date }>>`SELECT now() AS "now"`;
    return row!.now;
  }

  async callExists(tx: Prisma.TransactionClient, callId: string): Promise<boolean> {
    const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Call" WHERE "id" = ${callId}::uuid`;
    return rows.length > 0;
  }

  /**
   * Reports that may be owed a reminder by the transaction's clock (the `now` read before): milestones
   * with a report due within the reminder window or already past, of calls not archived (of one call when
   * given), for winners with an active account whose report is neither submitted nor accepted.
   */
  async candidates(tx: Prisma.TransactionClient, callId: string | null): Promise<ReminderCandidateRow[]> {
    return tx.$queryRaw<ReminderCandidateRow[]>`
      SELECT m."id" AS "milestoneId", m."key" AS "milestoneKey", m."title" AS "milestoneTitle", m."dueAt",
             a."id" AS "applicationId", a."reference", a."title",
             u."id" AS "ownerId", u."email", u."displayName", u."locale"::text AS "locale"
      FROM "ProgrammeMilestone" m
      JOIN "Programme" p ON p."id" = m."programmeId"
      JOIN "Call" c ON c."id" = p."callId"
      JOIN "Application" a ON a."callId" = p."callId" AND a."status" = 'WINNER'
      JOIN "User" u ON u."id" = a."ownerId"
      LEFT JOIN "ProgressReport" r ON r."milestoneId" = m."id" AND r."applicationId" = a."id"
      WHERE m."reportDue"
        AND m."dueAt" <= (now() AT TIME ZONE 'UTC') + make_interval(days => ${REPORT_DUE_SOON_DAYS}::int)
        AND c."status" <> 'ARCHIVED'
        AND (${callId}::uuid IS NULL OR p."callId" = ${callId}::uuid)
        AND u."disabledAt" IS NULL
        AND (r."status" IS NULL OR r."status" NOT IN ('SUBMITTED', 'ACCEPTED'))
      ORDER BY m."dueAt", m."id", a."reference", a."id"`;
  }

  /** Which of these reminder keys are already in the outbox. */
  async sentKeys(tx: Prisma.TransactionClient, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await tx.$queryRaw<Array<{ dedupeKey: string }>>`SELECT "dedupeKey" FROM "EmailMessage" WHERE "dedupeKey" = ANY(${[...keys]}::text[])`;
    return new Set(rows.map((row) => row.dedupeKey));
  }
}
