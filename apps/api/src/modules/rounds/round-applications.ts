import { Prisma } from '@tahkim/db';

type Tx = Prisma.TransactionClient;

export interface RoundRef {
  id: string;
  callId: string;
  number: number;
}

/** Round 1 takes every screened-in application of the call; later rounds only what was advanced into them. */
export const FIRST_ROUND_STATUSES = Prisma.raw(`('SUBMITTED', 'ELIGIBLE', 'IN_REVIEW')`);
/** Never evaluated, whatever round they were taken into. */
export const OUT_OF_EVALUATION = Prisma.raw(`('DRAFT', 'WITHDRAWN', 'INELIGIBLE')`);

/**
 * Writes the RoundApplication rows of round 1 from the call's applications, idempotently and in one
 * statement. Other rounds are filled by advancing a shortlist, so nothing happens for them.
 */
export async function materialiseRoundApplications(tx: Tx, round: RoundRef, actorId: string | null): Promise<number> {
  if (round.number !== 1) return 0;
  return tx.$executeRaw`
    INSERT INTO "RoundApplication" ("id", "roundId", "applicationId", "addedById", "addedAt")
    SELECT gen_random_uuid(), ${round.id}::uuid, a."id", ${actorId}::uuid, now()
    FROM "Application" a
    WHERE a."callId" = ${round.callId}::uuid AND a."status" IN ${FIRST_ROUND_STATUSES}
    ON CONFLICT ("roundId", "applicationId") DO NOTHING`;
}

/**
 * SQL selecting the ids (column "id") of the applications under evaluation in a round: those taken
 * into it, and for round 1 also those not materialised yet. Used as a sub-query by set-based reads.
 * (IN, not EXISTS: beside the OR, PostgreSQL hashes the round's rows once instead of probing per application.)
 */
export function roundApplicationsSql(round: RoundRef): Prisma.Sql {
  return Prisma.sql`
    SELECT a."id" FROM "Application" a
    WHERE ${inRoundSql(round)}`;
}

/**
 * The condition of `roundApplicationsSql` on an application aliased `a`: for reads that select from the
 * applications themselves (one scan of the table, where `a."id" IN (roundApplicationsSql)` scans it twice).
 */
export function inRoundSql(round: RoundRef): Prisma.Sql {
  const firstRound = round.number === 1 ? Prisma.sql`OR a."status" IN ${FIRST_ROUND_STATUSES}` : Prisma.empty;
  return Prisma.sql`a."callId" = ${round.callId}::uuid AND a."status" NOT IN ${OUT_OF_EVALUATION}
      AND (a."id" IN (SELECT ra."applicationId" FROM "RoundApplication" ra WHERE ra."roundId" = ${round.id}::uuid) ${firstRound})`;
}
