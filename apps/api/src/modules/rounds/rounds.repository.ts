import { Inject, Injectable } from '@nestjs/common';
import type { TCriterion, TLocalizedText, TRound } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
import { casablancaTime } from '../../common/time/casablanca-time';

type Db = PrismaClient | Prisma.TransactionClient;
type RoundRow = Prisma.RoundGetPayload<object>;
type CriterionRow = Prisma.CriterionGetPayload<object>;
export type RoundCounts = TRound['counts'];

/** The only code that reads and writes rounds and their criteria. */
@Injectable()
export class RoundsRepository {
  constructor(@Inject(PRISMA) readonly prisma: PrismaClient) {}

  findCall(db: Db, callId: string) {
    return db.call.findUnique({ where: { id: callId }, select: { id: true, status: true } });
  }

  findById(db: Db, id: string): Promise<RoundRow | null> {
    return db.round.findUnique({ where: { id } });
  }

  /** Locks the round row: criteria changes and scorecard submissions of a round are serialised on it. */
  async lock(tx: Prisma.TransactionClient, id: string): Promise<void> {
    await tx.$queryRaw`SELECT "id" FROM "Round" WHERE "id" = ${id}::uuid FOR UPDATE`;
  }

  listForCall(db: Db, callId: string): Promise<RoundRow[]> {
    return db.round.findMany({ where: { callId }, orderBy: { number: 'asc' } });
  }

  async nextNumber(db: Db, callId: string): Promise<number> {
    const last = await db.round.aggregate({ where: { callId }, _max: { number: true } });
    return (last._max.number ?? 0) + 1;
  }

  /** Counts of several rounds in one query per table. */
  async counts(db: Db, roundIds: string[]): Promise<Map<string, RoundCounts>> {
    const result = new Map<string, RoundCounts>(roundIds.map((id) => [id, { applications: 0, jurors: 0, assignments: 0, submitted: 0 }]));
    if (roundIds.length === 0) return result;
    const rows = await db.$queryRaw<Array<{ roundId: string; applications: number; jurors: number; assignments: number; submitted: number }>>`
      SELECT r."id" AS "roundId",
        (SELECT count(*)::int FROM "RoundApplication" ra WHERE ra."roundId" = r."id") AS "applications",
        (SELECT count(*)::int FROM "Juror" j WHERE j."roundId" = r."id") AS "jurors",
        (SELECT count(*)::int FROM "Assignment" a WHERE a."roundId" = r."id") AS "assignments",
        (SELECT count(*)::int FROM "Assignment" a JOIN "Scorecard" s ON s."assignmentId" = a."id"
          WHERE a."roundId" = r."id" AND s."status" = 'SUBMITTED') AS "submitted"
      FROM "Round" r WHERE r."id" IN (${Prisma.join(roundIds.map((id) => Prisma.sql`${id}::uuid`))})`;
    for (const row of rows) result.set(row.roundId, { applications: row.applications, jurors: row.jurors, assignments: row.assignments, submitted: row.submitted });
    return result;
  }

  async submittedCount(db: Db, roundId: string): Promise<number> {
    return db.scorecard.count({ where: { status: 'SUBMITTED', assignment: { roundId } } });
  }

  criteria(db: Db, roundId: string): Promise<CriterionRow[]> {
    return db.criterion.findMany({ where: { roundId }, orderBy: { position: 'asc' } });
  }
}

export function toRound(row: RoundRow, counts: RoundCounts): TRound {
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
    counts,
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
