import { Prisma } from '@tahkim/db';
import { SCORE_EPSILON } from '@tahkim/scoring';
import { roundApplicationsSql, type RoundRef } from '../rounds/round-applications';

/**
 * The set-based SQL behind a round's ranking (DESIGN.md "Scoring and ranking", rules 2-9), read from the
 * aggregates the database keeps (migration ranking_sums): per application and per juror the count, sum
 * and sum of squares of the weighted scores S, per application and criterion the same of raw values, and
 * each submitted scorecard's S in a table indexed by round. Means, spreads, standard errors, the jurors'
 * mu and sigma and the reliability sums follow from the sums (exact decimals, so a flat juror's sigma is
 * exactly 0); one pass over the round's scorecards computes the z-scores. The competition ranks are
 * given by packages/scoring (`competitionRanks`) on these scores, and a test checks the whole against
 * `rankRound` on random rounds.
 */

/** Rule 3: mu and sigma of every juror of the round with a submitted scorecard, from the juror sums. */
function jurorStatsSql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT "jurorId", "submitted" AS "n", "mean" AS "mu", "sigma"
    FROM "RankingJurorSums" WHERE "roundId" = ${roundId}::uuid AND "submitted" > 0`;
}

/** Rule 3: z of one scorecard (alias c) of a juror (alias j); 0 below 2 scorecards or for sigma 0. */
const Z = Prisma.sql`CASE WHEN j."n" < 2 OR j."sigma" < ${SCORE_EPSILON} THEN 0::float8 ELSE (c."score" - j."mu") / j."sigma" END`;

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
  /** Mean raw value per criterion, in the order of the criterion ids given. */
  criterionMeans: (number | null)[];
  advanced: boolean;
}

/**
 * Rules 2-7 for every application of the round in one statement: counts, mean S, mean z, population
 * and sample standard deviation of S, per-criterion means, and whether the application is already in a
 * later round. Ranks are left to the caller (packages/scoring's competitionRanks). The rows come as one
 * JSON text of arrays (`applicationRecords` reads it): 10,000 rows decode in a few milliseconds so.
 */
export function applicationAggregatesSql(round: RoundRef, regionKey: string | null, criterionIds: readonly string[]): Prisma.Sql {
  const criterionMeansArray =
    criterionIds.length === 0
      ? Prisma.sql`ARRAY[]::float8[]`
      : Prisma.sql`ARRAY[${Prisma.join(criterionIds.map((id) => Prisma.sql`max("mean") FILTER (WHERE "criterionId" = ${id}::uuid)`))}]::float8[]`;
  const region = regionKey ? Prisma.sql`a."answers" ->> ${regionKey}` : Prisma.sql`NULL::text`;
  return Prisma.sql`
    WITH apps AS (${roundApplicationsSql(round)}),
    jurors AS (${jurorStatsSql(round.id)}),
    z AS (
      SELECT c."applicationId", sum(${Z}) AS "zSum", count(*) AS "n"
      FROM "RankingScorecard" c JOIN jurors j ON j."jurorId" = c."jurorId"
      WHERE c."roundId" = ${round.id}::uuid
      GROUP BY c."applicationId"
    ),
    criterion_means AS (
      SELECT "applicationId", ${criterionMeansArray} AS "criterionMeans"
      FROM "RankingCriterionSums" WHERE "roundId" = ${round.id}::uuid AND "submitted" > 0
      GROUP BY "applicationId"
    ),
    -- A shortlist may go into any later round of the call, not only the next one.
    later_rounds AS (SELECT "id" FROM "Round" WHERE "callId" = ${round.callId}::uuid AND "number" > ${round.number})
    SELECT COALESCE(json_agg(json_build_array(
             a."id", a."reference", a."title", a."status", ${region}, a."eligibilitySuggestion",
             COALESCE(p."submitted", 0), COALESCE(p."assigned", 0), p."mean", z."zSum" / z."n", p."spread", p."sampleStd",
             COALESCE(cm."criterionMeans", array_fill(NULL::float8, ARRAY[${criterionIds.length}::int])),
             a."id" IN (SELECT ra."applicationId" FROM "RoundApplication" ra JOIN later_rounds l ON l."id" = ra."roundId")
           )), '[]')::text AS "rows"
    FROM apps
    JOIN "Application" a ON a."id" = apps."id"
    LEFT JOIN "RankingApplicationSums" p ON p."roundId" = ${round.id}::uuid AND p."applicationId" = a."id"
    LEFT JOIN z ON z."applicationId" = a."id"
    LEFT JOIN criterion_means cm ON cm."applicationId" = a."id"`;
}

type ApplicationTuple = [string, string | null, string | null, string, string | null, string | null, number, number, number | null, number | null, number | null, number | null, (number | null)[], boolean];

/** The records of `applicationAggregatesSql`'s JSON text. */
export function applicationRecords(json: string): ApplicationAggregateRecord[] {
  return (JSON.parse(json) as ApplicationTuple[]).map(
    ([applicationId, reference, title, status, region, eligibilitySuggestion, submitted, assigned, meanScore, normalisedScore, spread, sampleStd, criterionMeans, advanced]) => ({
      applicationId, reference, title, status, region, eligibilitySuggestion, submitted, assigned, meanScore, normalisedScore, spread, sampleStd, criterionMeans, advanced,
    }),
  );
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

/** Rule 9 for every juror with a submitted scorecard in the round: mu and sigma from the sums, the rest in one pass. */
export function jurorAggregatesSql(round: RoundRef): Prisma.Sql {
  return Prisma.sql`
    WITH jurors AS (${jurorStatsSql(round.id)}),
    per_app AS (
      SELECT "applicationId", "submitted" AS "n", "scoreSum"::float8 AS "total"
      FROM "RankingApplicationSums" WHERE "roundId" = ${round.id}::uuid AND "submitted" > 1
    ),
    per_juror AS (
      SELECT c."jurorId", min(c."score") AS "minScore", max(c."score") AS "maxScore", avg(${Z}) AS "meanZ",
             avg(c."score" - (p."total" - c."score") / (p."n" - 1)) AS "meanDeviationFromPeers"
      FROM "RankingScorecard" c JOIN jurors j ON j."jurorId" = c."jurorId"
      LEFT JOIN per_app p ON p."applicationId" = c."applicationId"
      WHERE c."roundId" = ${round.id}::uuid
      GROUP BY c."jurorId"
    )
    SELECT j."jurorId", ju."userId", u."displayName", u."email", j."n" AS "count",
           j."mu" AS "meanScore", j."sigma" AS "spread", pj."minScore", pj."maxScore", pj."meanZ", pj."meanDeviationFromPeers"
    FROM jurors j
    JOIN per_juror pj ON pj."jurorId" = j."jurorId"
    JOIN "Juror" ju ON ju."id" = j."jurorId"
    JOIN "User" u ON u."id" = ju."userId"
    ORDER BY j."mu", u."displayName", j."jurorId"`;
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
  // Per unit: m, mean, population variance and m^2 var / (m - 1), kept exact by the sums; the variance of
  // all pairable values follows from them (law of total variance) without reading any value. The units are
  // read twice rather than kept (70,000 rows would spill to disk at the default work_mem).
  return Prisma.sql`
    WITH units AS NOT MATERIALIZED (
      SELECT 'overall' AS "key", "submitted" AS "m", "mean", "variance", "within"
      FROM "RankingApplicationSums" WHERE "roundId" = ${round.id}::uuid AND "submitted" >= 2
      UNION ALL
      SELECT "criterionId"::text, "submitted", "mean", "variance", "within"
      FROM "RankingCriterionSums" WHERE "roundId" = ${round.id}::uuid AND "submitted" >= 2
    ),
    grand AS (SELECT "key", sum("m" * "mean") / sum("m") AS "mean" FROM units GROUP BY "key")
    SELECT u."key", count(*)::int AS "pairableUnits", sum(u."m")::int AS "pairableValues", sum(u."within") AS "within",
           sum(u."m" * (u."variance" + (u."mean" - g."mean") ^ 2)) / sum(u."m") AS "total"
    FROM units u JOIN grand g ON g."key" = u."key"
    GROUP BY u."key"`;
}

export interface RoundTotalsRecord {
  submitted: number;
  drafts: number;
}

/** Submitted and draft scorecards of a round, from the sums. */
export function roundTotalsSql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT COALESCE(sum("submitted"), 0)::int AS "submitted", COALESCE(sum("drafts"), 0)::int AS "drafts"
    FROM "RankingApplicationSums" WHERE "roundId" = ${roundId}::uuid`;
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
  return [applicationAggregatesSql(round, regionKey, criterionIds), jurorAggregatesSql(round), reliabilitySql(round), roundTotalsSql(round.id)];
}

/**
 * The floor the ranking is measured against: the plain aggregate of a round's submitted scorecards
 * (application, count, mean weighted score), read from the scorecards themselves.
 */
export function plainAggregateSql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT asg."applicationId", count(*)::int AS "submitted", avg(s."weightedScore") AS "meanScore"
    FROM "Assignment" asg JOIN "Scorecard" s ON s."assignmentId" = asg."id" AND s."status" = 'SUBMITTED'
    WHERE asg."roundId" = ${roundId}::uuid
    GROUP BY asg."applicationId"`;
}
