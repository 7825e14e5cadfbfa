import { Inject, Injectable } from '@nestjs/common';
import type { TCriterion, TLocalizedText, TRound } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
import { casablancaTime } from '../../common/time/casablanca-time';
import { roundApplicationsSql, type RoundRef } from './round-applications';

type Db = PrismaClient | Prisma.TransactionClient;
type RoundRow = Prisma.RoundGetPayload<object>;
type CriterionRow = Prisma.CriterionGetPayload<object>;
export type RoundCounts = TRound['counts'];
/** The counts shown with a round, and what fixes its kind: scorecards and ballots of any status. */
export type RoundUsage = RoundCounts & { scorecards: number; ballots: number };

/** The only code that reads and writes rounds and their criteria. */
@Injectable()
export class RoundsRepository {
  constructor(@Inject(PRISMA) readonly prisma: PrismaClient) {}

  findCall(db: Db, callId: string) {
    return db.call.findUnique({ where: { id: callId }, select: { id: true, status: true, closesAt: true } });
  }

  findById(db: Db, id: string): Promise<RoundRow | null> {
    return db.round.findUnique({ where: { id } });
  }

  /** Locks the round row: criteria changes and scorecard submissions of a round are serialised on it. */
  /** Locks the round's row: FOR UPDATE, or FOR NO KEY UPDATE where rows referring to it may still be added meanwhile. */
  async lock(tx: Prisma.TransactionClient, id: string, strength: 'UPDATE' | 'NO KEY UPDATE' = 'UPDATE'): Promise<void> {
    if (strength === 'UPDATE') await tx.$queryRaw`SELECT "id" FROM "Round" WHERE "id" = ${id}::uuid FOR UPDATE`;
    else await tx.$queryRaw`SELECT "id" FROM "Round" WHERE "id" = ${id}::uuid FOR NO KEY UPDATE`;
  }

  listForCall(db: Db, callId: string): Promise<RoundRow[]> {
    return db.round.findMany({ where: { callId }, orderBy: { number: 'asc' } });
  }

  async nextNumber(db: Db, callId: string): Promise<number> {
    const last = await db.round.aggregate({ where: { callId }, _max: { number: true } });
    return (last._max.number ?? 0) + 1;
  }

  /** Counts of several rounds, with the scorecards and ballots of any status that fix a round's kind, in one query. */
  async counts(db: Db, roundIds: string[]): Promise<Map<string, RoundUsage>> {
    const empty = { applications: 0, jurors: 0, assignments: 0, submitted: 0, scorecards: 0, ballots: 0 };
    const result = new Map<string, RoundUsage>(roundIds.map((id) => [id, { ...empty }]));
    if (roundIds.length === 0) return result;
    const rows = await db.$queryRaw<Array<RoundUsage & { roundId: string }>>`
      SELECT r."id" AS "roundId",
        (SELECT count(*)::int FROM "RoundApplication" ra WHERE ra."roundId" = r."id") AS "applications",
        (SELECT count(*)::int FROM "Juror" j WHERE j."roundId" = r."id") AS "jurors",
        (SELECT count(*)::int FROM "Assignment" a WHERE a."roundId" = r."id") AS "assignments",
        (SELECT count(*)::int FROM "Assignment" a JOIN "Scorecard" s ON s."assignmentId" = a."id"
          WHERE a."roundId" = r."id" AND s."status" = 'SUBMITTED') AS "submitted",
        (SELECT count(*)::int FROM "Assignment" a JOIN "Scorecard" s ON s."assignmentId" = a."id" WHERE a."roundId" = r."id") AS "scorecards",
        (SELECT count(*)::int FROM "Ballot" b WHERE b."roundId" = r."id") AS "ballots"
      FROM "Round" r WHERE r."id" IN (${Prisma.join(roundIds.map((id) => Prisma.sql`${id}::uuid`))})`;
    for (const { roundId, ...usage } of rows) result.set(roundId, usage);
    return result;
  }

  /** Applications under evaluation in the round (for round 1, also those not taken into it yet). */
  async applicationCount(db: Db, round: RoundRef): Promise<number> {
    const rows = await db.$queryRaw<Array<{ count: number }>>`SELECT count(*)::int AS "count" FROM (${roundApplicationsSql(round)}) x`;
    return rows[0]?.count ?? 0;
  }

  /** Deletes the round; its criteria, jurors and undone advances go with it (the caller checked it is empty). */
  async delete(tx: Prisma.TransactionClient, id: string): Promise<void> {
    await tx.round.delete({ where: { id } });
  }

  async submittedCount(db: Db, roundId: string): Promise<number> {
    return db.scorecard.count({ where: { status: 'SUBMITTED', assignment: { roundId } } });
  }

  criteria(db: Db, roundId: string): Promise<CriterionRow[]> {
    return db.criterion.findMany({ where: { roundId }, orderBy: { position: 'asc' } });
  }
}

/** Nothing rests on the round: no application taken into it, no assignment, scorecard or ballot. Round 1 always stays. */
export function isEmptyRound(row: { number: number }, usage: RoundUsage): boolean {
  return row.number !== 1 && usage.applications === 0 && usage.assignments === 0 && usage.scorecards === 0 && usage.ballots === 0;
}

export function toRound(row: RoundRow, usage: RoundUsage): TRound {
  const { scorecards, ballots, ...counts } = usage;
  return {
    id: row.id,
    callId: row.callId,
    number: row.number,
    name: row.name as TLocalizedText,
    type: row.type,
    status: row.status,
    blind: row.blind,
    scorecardsRequired: row.scorecardsRequired,
    disagreementThreshold: row.disagreementThreshold,
    method: row.method,
    instructions: (row.instructions as TLocalizedText | null) ?? null,
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    opensAtLocal: row.opensAt ? casablancaTime.toWallClock(row.opensAt) : null,
    closesAtLocal: row.closesAt ? casablancaTime.toWallClock(row.closesAt) : null,
    criteriaLocked: counts.submitted > 0,
    biddingOpen: row.biddingOpen,
    expertiseWeight: row.expertiseWeight,
    bidWeight: row.bidWeight,
    assignmentCap: row.assignmentCap,
    counts,
    deletable: isEmptyRound(row, usage),
    typeLocked: scorecards > 0 || ballots > 0,
  };
}

export function toCriterion(row: CriterionRow): TCriterion {
  return {
    id: row.id,
    key: row.key,
    label: row.label as TLocalizedText,
    guidance: (row.guidance as TLocalizedText | null) ?? null,
    weight: row.weight,
    scaleMin: row.scaleMin,
    scaleMax: row.scaleMax,
    position: row.position,
  };
}
