import { Prisma } from '@tahkim/db';
import { inRoundSql, type RoundRef } from '../rounds/round-applications';

/**
 * The one rule of what a juror may see while bidding, as a condition on an application aliased `a`: an
 * application of the round they have no conflict with, confirmed or suggested (the same pairs the
 * automatic assignment never uses). The list, a bid and a declared conflict all read through it.
 */
export function biddableSql(round: RoundRef, userId: string): Prisma.Sql {
  return Prisma.sql`${inRoundSql(round)}
    AND NOT EXISTS (SELECT 1 FROM "ConflictOfInterest" c WHERE c."applicationId" = a."id" AND c."userId" = ${userId}::uuid AND c."status" IN ('CONFIRMED', 'PENDING'))`;
}
