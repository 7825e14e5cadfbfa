import { Prisma } from '@tahkim/db';

/**
 * The rule: a transaction that changes anything a ranking shows takes its call's RankingStamp row
 * before any other lock (the call's, a round's, an application's, a scorecard's); the triggers then
 * take it (again) before any sums row.
 *
 * Locks the RankingStamp row of a round's call (made if missing, never bumped here), as the first lock
 * of a transaction that changes scorecards or criteria. Every such change bumps that row anyway (the
 * ranking_sums triggers, at the end of its statements): taking it first makes these transactions queue
 * on it before they hold anything else, so a criteria reset (values, sums, every scorecard of the round)
 * and a submit or reopen (one scorecard, then its sums) can no longer each hold what the other waits for.
 *
 * ON CONFLICT DO UPDATE ... WHERE false locks the existing row without writing it.
 */
export async function lockRankingStamp(tx: Prisma.TransactionClient, roundId: string): Promise<void> {
  await lockStampOf(tx, Prisma.sql`SELECT r."callId" FROM "Round" r WHERE r."id" = ${roundId}::uuid`);
}

/** Locks the RankingStamp row of the call `callOf` selects (one row, or none: nothing is locked). */
async function lockStampOf(tx: Prisma.TransactionClient, callOf: Prisma.Sql): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "RankingStamp" AS t ("callId") ${callOf}
    ON CONFLICT ("callId") DO UPDATE SET "version" = t."version" WHERE false`;
}

/** lockRankingStamp for the call of an application (changes that reach every round of its call). */
export async function lockApplicationRankingStamp(tx: Prisma.TransactionClient, applicationId: string): Promise<void> {
  await lockStampOf(tx, Prisma.sql`SELECT a."callId" FROM "Application" a WHERE a."id" = ${applicationId}::uuid`);
}

/** lockRankingStamp for a call (changes to many of its applications at once). */
export async function lockCallRankingStamp(tx: Prisma.TransactionClient, callId: string): Promise<void> {
  await lockStampOf(tx, Prisma.sql`SELECT c."id" FROM "Call" c WHERE c."id" = ${callId}::uuid`);
}
