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
  expertise: string[];
}

/** Set-based reads and writes of a round's jury: no query per juror or per application. */
@Injectable()
export class JuryAdminRepository {
  constructor(@Inject(PRISMA) readonly prisma: PrismaClient) {}

  async round(db: Db, id: string) {
    const round = await db.round.findUnique({
      where: { id },
      select: { id: true, callId: true, number: true, name: true, status: true, closesAt: true, scorecardsRequired: true, expertiseWeight: true, bidWeight: true, assignmentCap: true, call: { select: { title: true, timezone: true } } },
    });
    if (!round) throw new AppError('NOT_FOUND');
    return round;
  }

  /** Every juror of the round with their assigned / draft / submitted counts, in one query. */
  jurorsWithProgress(db: Db, roundId: string): Promise<JurorProgressRow[]> {
    return db.$queryRaw<JurorProgressRow[]>`
      SELECT j."id" AS "jurorId", u."id" AS "userId", u."displayName", u."email", u."locale"::text AS "locale", u."organisation", j."joinedAt", j."expertise",
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

  /** How many applications the round holds (round 1: the screened-in ones), in one query. */
  async applicationCount(db: Db, round: RoundRef): Promise<number> {
    const [row] = await db.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS "count" FROM (${roundApplicationsSql(round)}) q`;
    return row?.count ?? 0;
  }

  /** The rounds a person sits on as a juror, with how many applications are assigned to them in each. */
  async memberships(db: Db, userId: string) {
    const rows = await db.juror.findMany({
      where: { userId },
      select: {
        expertise: true,
        round: { select: { id: true, name: true, type: true, status: true, closesAt: true, biddingOpen: true, call: { select: { id: true, title: true, topics: { select: { key: true } } } } } },
        _count: { select: { assignments: true, bids: true } },
      },
      orderBy: [{ joinedAt: 'desc' }, { id: 'asc' }],
    });
    return rows.map((row) => {
      // Keys of topics removed since do not count as expertise.
      const topics = new Set(row.round.call.topics.map((t) => t.key));
      return { round: row.round, assigned: row._count.assignments, bids: row._count.bids, topics: topics.size, expertise: row.expertise.filter((key) => topics.has(key)).length };
    });
  }

  /** Ids of the round's applications still under evaluation (round 1: the screened-in ones). */
  async applicationIds(db: Db, round: RoundRef): Promise<string[]> {
    const rows = await db.$queryRaw<Array<{ id: string }>>`SELECT q."id" FROM (${roundApplicationsSql(round)}) q ORDER BY q."id"`;
    return rows.map((r) => r.id);
  }

  /**
   * Conflicts that keep the round's jurors from applications of its call, as juror-membership pairs:
   * confirmed ones (never assignable) and pending suggestions (assignable by hand only once confirmed).
   */
  conflictPairs(db: Db, round: RoundRef): Promise<Array<{ jurorId: string; applicationId: string; conflictId: string; status: 'CONFIRMED' | 'PENDING'; reason: string | null }>> {
    return db.$queryRaw`
      SELECT j."id" AS "jurorId", c."applicationId", c."id" AS "conflictId", c."status"::text AS "status", c."reason"
      FROM "ConflictOfInterest" c
      JOIN "Juror" j ON j."userId" = c."userId" AND j."roundId" = ${round.id}::uuid
      JOIN "Application" a ON a."id" = c."applicationId" AND a."callId" = ${round.callId}::uuid
      WHERE c."status" IN ('CONFIRMED', 'PENDING')
      ORDER BY j."id", c."applicationId"`;
  }

  assignments(db: Db, roundId: string): Promise<Array<{ id: string; jurorId: string; applicationId: string; scorecardStatus: 'NONE' | 'DRAFT' | 'SUBMITTED' }>> {
    return db.$queryRaw`
      SELECT a."id", a."jurorId", a."applicationId", COALESCE(s."status"::text, 'NONE') AS "scorecardStatus"
      FROM "Assignment" a LEFT JOIN "Scorecard" s ON s."assignmentId" = a."id"
      WHERE a."roundId" = ${roundId}::uuid
      ORDER BY a."jurorId", a."applicationId"`;
  }
}
