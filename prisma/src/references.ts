import { toWallClock } from '@tahkim/contracts';
import { CASABLANCA } from '@tahkim/contracts/time-zone-data';
import type { PrismaClient } from '../generated/client/client';

/**
 * The year part of a reference: the year of submission in Casablanca, read with the time-zone data
 * the app carries (not the runtime's, which may still put Morocco on UTC+1 at New Year).
 */
export function referenceYear(submittedAt: Date): number {
  return Number(toWallClock(CASABLANCA, submittedAt).dateTime.slice(0, 4));
}

/** "FAB", 2026, 42 -> "FAB-2026-0042" */
export function formatApplicationReference(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Takes the next reference number of a call for a year, atomically: the upsert locks the counter
 * row until the surrounding transaction ends, so concurrent submissions get distinct numbers and
 * a rolled-back submission gives its number back. Call it inside the submit transaction.
 */
export async function allocateApplicationReference(
  db: Pick<PrismaClient, '$queryRaw'>,
  call: { id: string; referencePrefix: string },
  year: number,
): Promise<string> {
  const rows = await db.$queryRaw<{ lastValue: number }[]>`
    INSERT INTO "ReferenceCounter" ("callId", "year", "lastValue") VALUES (${call.id}::uuid, ${year}, 1)
    ON CONFLICT ("callId", "year") DO UPDATE SET "lastValue" = "ReferenceCounter"."lastValue" + 1
    RETURNING "lastValue"`;
  const sequence = rows[0]?.lastValue;
  if (sequence === undefined) throw new Error('ReferenceCounter upsert returned no row');
  return formatApplicationReference(call.referencePrefix, year, sequence);
}
