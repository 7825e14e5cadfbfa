import { Inject, Injectable } from '@nestjs/common';
import type { TApplicationStatus, TRoundStatus, TRoundType } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
import { roundApplicationsSql } from '../rounds/round-applications';

export interface SummaryCallRow {
  id: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'DECIDED' | 'ARCHIVED';
  opensAt: Date;
  closesAt: Date;
  beforeOpening: boolean;
  deadlinePassed: boolean;
  visibleQuestions: number;
}

export interface SummaryRoundRow {
  id: string;
  number: number;
  name: unknown;
  type: TRoundType;
  status: TRoundStatus;
  closesAt: Date | null;
  scorecardsRequired: number;
  applications: number;
  jurors: number;
  assignments: number;
  scorecardsSubmitted: number;
  applicationsScored: number;
  ballotsSubmitted: number;
}

/** The few set-based reads behind a call's home page (a fixed number of queries, whatever the call's size). */
@Injectable()
export class CallSummaryRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async call(id: string): Promise<SummaryCallRow | undefined> {
    const rows = await this.prisma.$queryRaw<SummaryCallRow[]>`
      SELECT c."id", c."status"::text AS "status", c."opensAt", c."closesAt",
             now() < c."opensAt" AS "beforeOpening", now() >= c."closesAt" AS "deadlinePassed",
             (SELECT count(*)::int FROM "FormField" f JOIN "FormSection" s ON s."id" = f."sectionId"
               WHERE f."callId" = c."id" AND NOT f."hidden" AND NOT s."hidden") AS "visibleQuestions"
        FROM "Call" c WHERE c."id" = ${id}::uuid`;
    return rows[0];
  }

  async statusCounts(callId: string): Promise<{ byStatus: Map<TApplicationStatus, number>; submitted: number; decided: number; decisionsPublished: number }> {
    const [statuses, totals] = await Promise.all([
      this.prisma.$queryRaw<Array<{ status: TApplicationStatus; total: number }>>`
        SELECT "status"::text AS "status", count(*)::int AS "total" FROM "Application" WHERE "callId" = ${callId}::uuid GROUP BY "status"`,
      this.prisma.$queryRaw<Array<{ submitted: number; decided: number; published: number }>>`
        SELECT (SELECT count(*)::int FROM "Application" a WHERE a."callId" = ${callId}::uuid AND a."submittedAt" IS NOT NULL) AS "submitted",
               count(d."id")::int AS "decided", count(d."publishedAt")::int AS "published"
          FROM "Decision" d JOIN "Application" a ON a."id" = d."applicationId" WHERE a."callId" = ${callId}::uuid`,
    ]);
    return {
      byStatus: new Map(statuses.map((row) => [row.status, row.total])),
      submitted: totals[0]?.submitted ?? 0,
      decided: totals[0]?.decided ?? 0,
      decisionsPublished: totals[0]?.published ?? 0,
    };
  }

  /** Each round with its work in figures: one statement per round (a call has a handful). */
  async rounds(callId: string): Promise<SummaryRoundRow[]> {
    const rounds = await this.prisma.round.findMany({
      where: { callId },
      orderBy: { number: 'asc' },
      select: { id: true, callId: true, number: true, name: true, type: true, status: true, closesAt: true, scorecardsRequired: true },
    });
    return Promise.all(
      rounds.map(async (round) => {
        const [row] = await this.prisma.$queryRaw<Array<Omit<SummaryRoundRow, 'id' | 'number' | 'name' | 'type' | 'status' | 'closesAt' | 'scorecardsRequired'>>>`
          WITH evaluated AS (${roundApplicationsSql(round)}),
               cards AS (
                 SELECT asg."applicationId", count(sc."id") FILTER (WHERE sc."status" = 'SUBMITTED')::int AS "submitted"
                   FROM "Assignment" asg LEFT JOIN "Scorecard" sc ON sc."assignmentId" = asg."id"
                  WHERE asg."roundId" = ${round.id}::uuid AND asg."applicationId" IN (SELECT "id" FROM evaluated)
                  GROUP BY asg."applicationId")
          SELECT (SELECT count(*)::int FROM evaluated) AS "applications",
                 (SELECT count(*)::int FROM "Juror" j WHERE j."roundId" = ${round.id}::uuid) AS "jurors",
                 (SELECT count(*)::int FROM "Assignment" asg WHERE asg."roundId" = ${round.id}::uuid AND asg."applicationId" IN (SELECT "id" FROM evaluated)) AS "assignments",
                 (SELECT coalesce(sum("submitted"), 0)::int FROM cards) AS "scorecardsSubmitted",
                 (SELECT count(*)::int FROM cards WHERE "submitted" >= ${round.scorecardsRequired}) AS "applicationsScored",
                 (SELECT count(*)::int FROM "Ballot" b WHERE b."roundId" = ${round.id}::uuid AND b."status" = 'SUBMITTED') AS "ballotsSubmitted"`;
        return { ...round, ...row! } as SummaryRoundRow;
      }),
    );
  }
}

