import { Inject, Injectable } from '@nestjs/common';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
import { AppError } from '../../common/errors/app-error';
import { roundApplicationsSql, type RoundRef } from '../rounds/round-applications';

type Db = PrismaClient | Prisma.TransactionClient;

export interface JurorProgressRow {
  jurorId: string;
  userId: string;
  displayName: string;
  email: string;
  locale: 'ar' | 'fr' | 'en';
  organisation: string | null;
  joinedAt: Date;
  assigned: number;
  draft: number;
  submitted: number;
}

/** Set-based reads and writes of a round's jury: no query per juror or per application. */
@Injectable()
export class JuryAdminRepository {
  constructor(@Inject(PRISMA) readonly prisma: PrismaClient) {}

  async round(db: Db, id: string) {
    const round = await db.round.findUnique({
      where: { id },
      select: { id: true, callId: true, number: true, name: true, status: true, closesAt: true, scorecardsRequired: true, call: { select: { title: true, timezone: true } } },
    });
    if (!round) throw new AppError('NOT_FOUND');
    return round;
  }

  /** Every juror of the round with their assigned / draft / submitted counts, in one query. */
  jurorsWithProgress(db: Db, roundId: string): Promise<JurorProgressRow[]> {
    return db.$queryRaw<JurorProgressRow[]>`
      SELECT j."id" AS "jurorId", u."id" AS "userId", u."displayName", u."email", u."locale"::text AS "locale", u."organisation", j."joinedAt",
        count(a."id")::int AS "assigned",
        count(s."id") FILTER (WHERE s."status" = 'DRAFT')::int AS "draft",
        count(s."id") FILTER (WHERE s."status" = 'SUBMITTED')::int AS "submitted"
      FROM "Juror" j
      JOIN "User" u ON u."id" = j."userId"
      LEFT JOIN "Assignment" a ON a."jurorId" = j."id" AND a."roundId" = j."roundId"
      LEFT JOIN "Scorecard" s ON s."assignmentId" = a."id"
      WHERE j."roundId" = ${roundId}::uuid
      GROUP BY j."id", u."id"
      ORDER BY lower(u."displayName"), j."id"`;
  }

  /** The round's applications with how many scorecards each has submitted, in one query. */
  applicationsWithProgress(db: Db, round: RoundRef): Promise<Array<{ applicationId: string; reference: string | null; title: string | null; submitted: number; assigned: number }>> {
    return db.$queryRaw`
      SELECT a."id" AS "applicationId", a."reference", a."title",
        count(s."id") FILTER (WHERE s."status" = 'SUBMITTED')::int AS "submitted",
        count(asg."id")::int AS "assigned"
      FROM "Application" a
      LEFT JOIN "Assignment" asg ON asg."applicationId" = a."id" AND asg."roundId" = ${round.id}::uuid
      LEFT JOIN "Scorecard" s ON s."assignmentId" = asg."id"
      WHERE a."id" IN (${roundApplicationsSql(round)})
      GROUP BY a."id"
      ORDER BY a."reference" NULLS LAST, a."id"`;
  }

  /** Ids of the round's applications still under evaluation (round 1: the screened-in ones). */
  async applicationIds(db: Db, round: RoundRef): Promise<string[]> {
    const rows = await db.$queryRaw<Array<{ id: string }>>`SELECT q."id" FROM (${roundApplicationsSql(round)}) q ORDER BY q."id"`;
    return rows.map((r) => r.id);
  }

  /** Confirmed conflicts between the round's jurors and applications of its call, as juror-membership pairs. */
  confirmedConflicts(db: Db, round: RoundRef): Promise<Array<{ jurorId: string; applicationId: string }>> {
    return db.$queryRaw`
      SELECT j."id" AS "jurorId", c."applicationId"
      FROM "ConflictOfInterest" c
      JOIN "Juror" j ON j."userId" = c."userId" AND j."roundId" = ${round.id}::uuid
      JOIN "Application" a ON a."id" = c."applicationId" AND a."callId" = ${round.callId}::uuid
      WHERE c."status" = 'CONFIRMED'`;
  }

  assignments(db: Db, roundId: string): Promise<Array<{ id: string; jurorId: string; applicationId: string; scorecardStatus: 'NONE' | 'DRAFT' | 'SUBMITTED' }>> {
    return db.$queryRaw`
      SELECT a."id", a."jurorId", a."applicationId", COALESCE(s."status"::text, 'NONE') AS "scorecardStatus"
      FROM "Assignment" a LEFT JOIN "Scorecard" s ON s."assignmentId" = a."id"
      WHERE a."roundId" = ${roundId}::uuid
      ORDER BY a."jurorId", a."applicationId"`;
  }

  /**
   * Suggests conflicts: a juror whose declared organisation equals (ignoring case and spaces) an
   * application's answer to an organisation field. Stored as SUGGESTED / PENDING for staff, once per
   * pair: a pair that already has a conflict, in any state, is left alone.
   */
  suggestConflicts(db: Db, round: RoundRef): Promise<number> {
    return db.$executeRaw`
      INSERT INTO "ConflictOfInterest" ("id", "userId", "applicationId", "reason", "source", "status", "createdAt", "updatedAt")
      SELECT DISTINCT ON (j."userId", a."id") gen_random_uuid(), j."userId", a."id", u."organisation", 'SUGGESTED', 'PENDING', now(), now()
      FROM "Juror" j
      JOIN "User" u ON u."id" = j."userId"
      JOIN "Application" a ON a."id" IN (${roundApplicationsSql(round)})
      JOIN "FormField" f ON f."callId" = a."callId" AND (f."key" ILIKE '%organisation%' OR f."key" ILIKE '%organization%')
      WHERE j."roundId" = ${round.id}::uuid
        AND u."organisation" IS NOT NULL AND btrim(u."organisation") <> ''
        AND jsonb_typeof(a."answers" -> f."key") = 'string'
        AND lower(regexp_replace(a."answers" ->> f."key", '[[:space:]]+', '', 'g')) = lower(regexp_replace(u."organisation", '[[:space:]]+', '', 'g'))
      ON CONFLICT ("userId", "applicationId") DO NOTHING`;
  }
}
