import { Inject, Injectable } from '@nestjs/common';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';

/** How one counter counts: `limit` attempts per fixed window, then refusal, or backoff where one is set. */
export interface CounterRule {
  limit: number;
  windowMs: number;
  /** Past `limit`, an attempt waits base * 2^(n - limit) ms after the previous one (capped at max), instead of the window. */
  backoff?: { baseMs: number; maxMs: number };
}

export interface CounterSlot {
  /** Attempts counted in the window, this one included when granted. */
  count: number;
  windowStart: Date;
  granted: boolean;
  /** How long until a caller without exemption could take an attempt again (0: now). */
  waitMs: number;
}

/** Beyond this exponent the delay is at its cap anyway; keeps power() far from float overflow. */
const MAX_BACKOFF_EXPONENT = 30;

/** The only code that reads or writes the throttle counters. */
@Injectable()
export class ThrottleRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /**
   * Takes one attempt on a counter, or learns that none is left, in a single statement: concurrent
   * callers queue on the row's lock and each sees the count the previous one left, so no more than
   * `limit` attempts are ever granted per window. `exempt` skips the backoff (not the window's reset).
   */
  async take(kind: string, key: string, rule: CounterRule, attemptId: string, exempt = false): Promise<CounterSlot> {
    const windowMs = rule.windowMs;
    const backoffOn = Boolean(rule.backoff);
    const baseMs = rule.backoff?.baseMs ?? 0;
    const maxMs = rule.backoff?.maxMs ?? 0;
    const delay = (n: Prisma.Sql) =>
      Prisma.sql`make_interval(secs => least(${baseMs}::float8 * power(2::float8, least(${n} - ${rule.limit}::int, ${MAX_BACKOFF_EXPONENT}::int)::float8), ${maxMs}::float8) / 1000.0)`;
    // A window ends after windowMs, but never while a backoff delay is still running.
    const expired = Prisma.sql`(c."windowStart" <= now() - ${windowMs}::float8 * interval '1 millisecond' AND (c."nextAllowedAt" IS NULL OR c."nextAllowedAt" <= now()))`;
    const granted = Prisma.sql`(${expired} OR c."count" < ${rule.limit}::int OR (${backoffOn}::boolean AND (${exempt}::boolean OR c."nextAllowedAt" IS NULL OR c."nextAllowedAt" <= now())))`;
    const firstNext = Prisma.sql`CASE WHEN ${backoffOn}::boolean AND 1 >= ${rule.limit}::int THEN now() + ${delay(Prisma.sql`1`)} END`;
    const wait = Prisma.sql`CASE
      WHEN c."count" < ${rule.limit}::int THEN 0
      WHEN ${backoffOn}::boolean THEN greatest(0, extract(epoch FROM (c."nextAllowedAt" - now())) * 1000)
      ELSE greatest(0, extract(epoch FROM (c."windowStart" + ${windowMs}::float8 * interval '1 millisecond' - now())) * 1000) END`;
    const rows = await this.prisma.$queryRaw<Array<{ count: number; windowStart: Date; granted: boolean; waitMs: number }>>`
      INSERT INTO "ThrottleCounter" AS c ("kind", "key", "windowStart", "count", "nextAllowedAt", "lastAttempt")
      VALUES (${kind}, ${key}, now(), 1, ${firstNext}, ${attemptId})
      ON CONFLICT ("kind", "key") DO UPDATE SET
        "windowStart" = CASE WHEN ${expired} THEN now() ELSE c."windowStart" END,
        "count" = CASE WHEN ${expired} THEN 1 WHEN ${granted} THEN c."count" + 1 ELSE c."count" END,
        "nextAllowedAt" = CASE
          WHEN ${expired} THEN ${firstNext}
          WHEN ${granted} AND ${backoffOn}::boolean AND c."count" + 1 >= ${rule.limit}::int THEN now() + ${delay(Prisma.sql`(c."count" + 1)`)}
          ELSE c."nextAllowedAt" END,
        "lastAttempt" = CASE WHEN ${granted} THEN ${attemptId} ELSE c."lastAttempt" END
      RETURNING c."count", c."windowStart", (c."lastAttempt" = ${attemptId}) AS "granted", (${wait})::float8 AS "waitMs"`;
    const row = rows[0]!;
    return { count: Number(row.count), windowStart: row.windowStart, granted: row.granted, waitMs: Number(row.waitMs) };
  }

  /** Gives back an attempt that turned out not to be a failure (only within the window it was taken in). */
  async giveBack(kind: string, key: string, windowStart: Date): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE "ThrottleCounter" SET "count" = greatest("count" - 1, 0)
      WHERE "kind" = ${kind} AND "key" = ${key} AND "windowStart" = ${windowStart}`;
  }

  async clear(kind: string, key: string): Promise<void> {
    await this.prisma.$executeRaw`DELETE FROM "ThrottleCounter" WHERE "kind" = ${kind} AND "key" = ${key}`;
  }

  /** Clears every counter of a kind whose key starts with `prefix` (e.g. an account from every address). */
  async clearPrefix(kind: string, prefix: string): Promise<void> {
    await this.prisma.$executeRaw`DELETE FROM "ThrottleCounter" WHERE "kind" = ${kind} AND starts_with("key", ${prefix})`;
  }

  /** Counters whose window and backoff ended long ago carry no information. */
  async purgeOlderThan(age: number): Promise<void> {
    await this.prisma.$executeRaw`
      DELETE FROM "ThrottleCounter"
      WHERE "windowStart" < now() - ${age}::float8 * interval '1 millisecond' AND ("nextAllowedAt" IS NULL OR "nextAllowedAt" < now())`;
  }
}
