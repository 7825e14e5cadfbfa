import { Prisma } from '@tahkim/db';
import { SCORE_EPSILON } from '@tahkim/scoring';
import { roundApplicationsSql, type RoundRef } from '../rounds/round-applications';

/**
 * The set-based SQL behind a round's ranking (DESIGN.md "Scoring and ranking", rules 2-9). Each
 * statement aggregates in PostgreSQL; nothing is loaded scorecard by scorecard. packages/scoring
 * holds the same rules as pure functions, and a test checks the two agree on random rounds.
 *
 * Numbers: PostgreSQL's avg/var_pop/stddev_* over double precision give the same values as the
 * package up to rounding in the last bits; ties are decided with the same 1e-9 tolerance (rule 4).
 */


/** The round's SUBMITTED scorecards with their weighted score S: the only ones that count (rule 1). */
function submittedCardsSql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT s."id" AS "scorecardId", asg."jurorId", asg."applicationId", s."weightedScore" AS "score"
    FROM "Assignment" asg
    JOIN "Scorecard" s ON s."assignmentId" = asg."id" AND s."status" = 'SUBMITTED'
    WHERE asg."roundId" = ${roundId}::uuid`;
}

/** Rule 3: juror mu and sigma over the round, and each scorecard's z (0 below 2 scorecards or sigma 0). */
function zCardsSql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    cards AS (${submittedCardsSql(roundId)}),
    juror_stats AS (
      SELECT "jurorId", count(*) AS "n", avg("score") AS "mu", stddev_pop("score") AS "sigma"
      FROM cards GROUP BY "jurorId"
    ),
    zcards AS (
      SELECT c."scorecardId", c."jurorId", c."applicationId", c."score",
             CASE WHEN j."n" < 2 OR j."sigma" < ${SCORE_EPSILON} THEN 0::float8 ELSE (c."score" - j."mu") / j."sigma" END AS "z"
      FROM cards c JOIN juror_stats j ON j."jurorId" = c."jurorId"
    )`;
}

/**
 * Competition ranks ("1, 2, 2, 4") of `column` descending among rows where it is not null: a value
 * less than 1e-9 below the previous one shares its rank, so near-ties chain like the package's.
 */
function competitionRankSql(source: string, column: string, alias: string): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const src = Prisma.raw(source);
  const out = Prisma.raw(`"${alias}"`);
  return Prisma.sql`
    ${Prisma.raw(`${alias}_ordered`)} AS (
      SELECT "applicationId", ${col},
             row_number() OVER (ORDER BY ${col} DESC, "applicationId") AS "position",
             lag(${col}) OVER (ORDER BY ${col} DESC, "applicationId") AS "previous"
      FROM ${src} WHERE ${col} IS NOT NULL
    ),
    ${Prisma.raw(`${alias}_grouped`)} AS (
      SELECT "applicationId", "position",
             sum(CASE WHEN "previous" IS NULL OR "previous" - ${col} >= ${SCORE_EPSILON} THEN 1 ELSE 0 END)
               OVER (ORDER BY "position") AS "chain"
      FROM ${Prisma.raw(`${alias}_ordered`)}
    ),
    ${Prisma.raw(`${alias}_ranks`)} AS (
      SELECT "applicationId", min("position") OVER (PARTITION BY "chain") AS ${out}
      FROM ${Prisma.raw(`${alias}_grouped`)}
    )`;
}

export interface ApplicationAggregateRecord {
  applicationId: string;
  reference: string | null;
  title: string | null;
  status: string;
  region: string | null;
  eligibilitySuggestion: string | null;
  submitted: number;
  assigned: number;
  meanScore: number | null;
  normalisedScore: number | null;
  spread: number | null;
  sampleStd: number | null;
  meanRank: number | null;
  normalisedRank: number | null;
  /** Mean raw value per criterion, in the order of the criterion ids given. */
  criterionMeans: (number | null)[];
  advanced: boolean;
}

/**
 * Rules 2-7 for every application of the round in one statement: counts, mean S, mean z, population
 * and sample standard deviation of S, both methods' competition ranks, per-criterion means, and
 * whether the application is already in the next round.
 */
export function applicationAggregatesSql(round: RoundRef, regionKey: string | null, criterionIds: readonly string[]): Prisma.Sql {
  // One aggregate per application (not per application and criterion): the means in criterion order.
  const criterionMeansArray =
    criterionIds.length === 0
      ? Prisma.sql`ARRAY[]::float8[]`
      : Prisma.sql`ARRAY[${Prisma.join(criterionIds.map((id) => Prisma.sql`avg(v."value") FILTER (WHERE v."criterionId" = ${id}::uuid)`))}]::float8[]`;
  const region = regionKey ? Prisma.sql`a."answers" ->> ${regionKey}` : Prisma.sql`NULL::text`;
  return Prisma.sql`
    WITH apps AS (${roundApplicationsSql(round)}),
    ${zCardsSql(round.id)},
    per_app AS (
      SELECT z."applicationId", count(*)::int AS "submitted", avg(z."score") AS "meanScore", avg(z."z") AS "normalisedScore",
             stddev_pop(z."score") AS "spread", stddev_samp(z."score") AS "sampleStd"
      FROM zcards z JOIN apps ON apps."id" = z."applicationId"
      GROUP BY z."applicationId"
    ),
    ${competitionRankSql('per_app', 'meanScore', 'mean')},
    ${competitionRankSql('per_app', 'normalisedScore', 'normalised')},
    criterion_means AS (
      SELECT c."applicationId", ${criterionMeansArray} AS "criterionMeans"
      FROM cards c JOIN "ScoreValue" v ON v."scorecardId" = c."scorecardId"
      GROUP BY c."applicationId"
    ),
    assigned AS (
      SELECT "applicationId", count(*)::int AS "assigned" FROM "Assignment" WHERE "roundId" = ${round.id}::uuid GROUP BY "applicationId"
    ),
    -- A shortlist may go into any later round of the call, not only the next one.
    later_rounds AS (SELECT "id" FROM "Round" WHERE "callId" = ${round.callId}::uuid AND "number" > ${round.number})
    SELECT a."id" AS "applicationId", a."reference", a."title", a."status"::text AS "status", ${region} AS "region",
           a."eligibilitySuggestion"::text AS "eligibilitySuggestion",
           COALESCE(p."submitted", 0) AS "submitted", COALESCE(asg."assigned", 0) AS "assigned",
           p."meanScore", p."normalisedScore", p."spread", p."sampleStd",
           mr."mean"::int AS "meanRank", nr."normalised"::int AS "normalisedRank",
           COALESCE(cm."criterionMeans", array_fill(NULL::float8, ARRAY[${criterionIds.length}::int])) AS "criterionMeans",
           EXISTS (
             SELECT 1 FROM "RoundApplication" ra JOIN later_rounds l ON l."id" = ra."roundId" WHERE ra."applicationId" = a."id"
           ) AS "advanced"
    FROM apps
    JOIN "Application" a ON a."id" = apps."id"
    LEFT JOIN per_app p ON p."applicationId" = a."id"
    LEFT JOIN mean_ranks mr ON mr."applicationId" = a."id"
    LEFT JOIN normalised_ranks nr ON nr."applicationId" = a."id"
    LEFT JOIN assigned asg ON asg."applicationId" = a."id"
    LEFT JOIN criterion_means cm ON cm."applicationId" = a."id"`;
}

export interface JurorAggregateRecord {
  jurorId: string;
  userId: string;
  displayName: string;
  email: string;
  count: number;
  meanScore: number;
  spread: number;
  minScore: number;
  maxScore: number;
  meanZ: number;
  meanDeviationFromPeers: number | null;
}

/** Rule 9 for every juror with a submitted scorecard in the round. */
export function jurorAggregatesSql(round: RoundRef): Prisma.Sql {
  return Prisma.sql`
    WITH ${zCardsSql(round.id)},
    per_app AS (SELECT "applicationId", sum("score") AS "total", count(*) AS "n" FROM cards GROUP BY "applicationId")
    SELECT z."jurorId", j."userId", u."displayName", u."email", count(*)::int AS "count",
           avg(z."score") AS "meanScore", stddev_pop(z."score") AS "spread", min(z."score") AS "minScore", max(z."score") AS "maxScore",
           avg(z."z") AS "meanZ",
           avg(CASE WHEN p."n" > 1 THEN z."score" - (p."total" - z."score") / (p."n" - 1) END) AS "meanDeviationFromPeers"
    FROM zcards z
    JOIN per_app p ON p."applicationId" = z."applicationId"
    JOIN "Juror" j ON j."id" = z."jurorId"
    JOIN "User" u ON u."id" = j."userId"
    GROUP BY z."jurorId", j."userId", u."displayName", u."email"
    ORDER BY avg(z."score"), u."displayName", z."jurorId"`;
}

export interface ReliabilityRecord {
  /** 'overall' for the weighted score, else the criterion id. */
  key: string;
  pairableUnits: number;
  pairableValues: number;
  /** Sum over pairable units of m_u^2 * var_u / (m_u - 1). */
  within: number | null;
  /** Population variance of all pairable values. */
  total: number | null;
}

/**
 * Rule 8 (Krippendorff's alpha, interval metric) for the weighted score and each criterion, from sums:
 * with n pairable values, units u of m_u >= 2 values and population variances,
 *   D_o = 2/n * sum_u m_u^2 var_u / (m_u - 1),  D_e = 2 n var_all / (n - 1),  alpha = 1 - D_o / D_e.
 */
export function reliabilitySql(round: RoundRef): Prisma.Sql {
  // Per unit (and key): count, mean and population variance; the variance of all pairable values then
  // follows from them (law of total variance) without reading the values a second time.
  return Prisma.sql`
    WITH cards AS (${submittedCardsSql(round.id)}),
    units AS (
      SELECT 'overall' AS "key", "applicationId" AS "unit", count(*) AS "m", avg("score") AS "mean", var_pop("score") AS "variance"
      FROM cards GROUP BY "applicationId" HAVING count(*) >= 2
      UNION ALL
      SELECT v."criterionId"::text, c."applicationId", count(*), avg(v."value"), var_pop(v."value")
      FROM cards c JOIN "ScoreValue" v ON v."scorecardId" = c."scorecardId"
      GROUP BY v."criterionId", c."applicationId" HAVING count(*) >= 2
    ),
    grand AS (SELECT "key", sum("m" * "mean") / sum("m") AS "mean" FROM units GROUP BY "key")
    SELECT u."key", count(*)::int AS "pairableUnits", sum(u."m")::int AS "pairableValues",
           sum(u."m" * u."m" * u."variance" / (u."m" - 1)) AS "within",
           sum(u."m" * (u."variance" + (u."mean" - g."mean") ^ 2)) / sum(u."m") AS "total"
    FROM units u JOIN grand g ON g."key" = u."key"
    GROUP BY u."key"`;
}

/** Rule 8 from the sums of `reliabilitySql`; null when undefined (fewer than 2 values, or no variation). */
export function alphaFromSums(record: Pick<ReliabilityRecord, 'pairableValues' | 'within' | 'total'>): number | null {
  const n = record.pairableValues;
  if (n < 2 || record.within === null || record.total === null) return null;
  const observed = (2 * record.within) / n;
  const expected = (2 * n * record.total) / (n - 1);
  if (!(expected > 1e-12)) return null;
  return 1 - observed / expected;
}

/** Every statement the ranking endpoint runs for a round (for benchmarks of the bare SQL). */
export function rankingQueries(round: RoundRef, regionKey: string | null, criterionIds: readonly string[]): Prisma.Sql[] {
  return [applicationAggregatesSql(round, regionKey, criterionIds), jurorAggregatesSql(round), reliabilitySql(round)];
}
