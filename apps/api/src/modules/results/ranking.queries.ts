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
    SELECT "jurorId", "submitted" AS "n", ("scoreSum" / "submitted")::float8 AS "mu",
           sqrt((("submitted" * "scoreSquares" - "scoreSum" * "scoreSum") / ("submitted"::numeric * "submitted"))::float8) AS "sigma"
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
 * later round. Ranks are left to the caller (packages/scoring's competitionRanks).
 */
export function applicationAggregatesSql(round: RoundRef, regionKey: string | null, criterionIds: readonly string[]): Prisma.Sql {
  const criterionMeansArray =
    criterionIds.length === 0
      ? Prisma.sql`ARRAY[]::float8[]`
      : Prisma.sql`ARRAY[${Prisma.join(criterionIds.map((id) => Prisma.sql`max(("valueSum" / "submitted")::float8) FILTER (WHERE "criterionId" = ${id}::uuid)`))}]::float8[]`;
  const region = regionKey ? Prisma.sql`a."answers" ->> ${regionKey}` : Prisma.sql`NULL::text`;
  // Population variance of S from the sums, exact: (n * sum of squares - sum^2) / n^2.
  const squares = Prisma.sql`(p."submitted" * p."scoreSquares" - p."scoreSum" * p."scoreSum")`;
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
    SELECT a."id" AS "applicationId", a."reference", a."title", a."status"::text AS "status", ${region} AS "region",
           a."eligibilitySuggestion"::text AS "eligibilitySuggestion",
           COALESCE(p."submitted", 0) AS "submitted", COALESCE(p."assigned", 0) AS "assigned",
           CASE WHEN p."submitted" > 0 THEN (p."scoreSum" / p."submitted")::float8 END AS "meanScore",
           CASE WHEN z."n" > 0 THEN z."zSum" / z."n" END AS "normalisedScore",
           CASE WHEN p."submitted" > 0 THEN sqrt((${squares} / (p."submitted"::numeric * p."submitted"))::float8) END AS "spread",
           CASE WHEN p."submitted" > 1 THEN sqrt((${squares} / (p."submitted"::numeric * (p."submitted" - 1)))::float8) END AS "sampleStd",
           COALESCE(cm."criterionMeans", array_fill(NULL::float8, ARRAY[${criterionIds.length}::int])) AS "criterionMeans",
           EXISTS (
             SELECT 1 FROM "RoundApplication" ra JOIN later_rounds l ON l."id" = ra."roundId" WHERE ra."applicationId" = a."id"
           ) AS "advanced"
    FROM apps
    JOIN "Application" a ON a."id" = apps."id"
    LEFT JOIN "RankingApplicationSums" p ON p."roundId" = ${round.id}::uuid AND p."applicationId" = a."id"
    LEFT JOIN z ON z."applicationId" = a."id"
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
 * with n pairable values, units u of m_u >= 2 values (sum s_u, sum of squares q_u) and population variances,
 *   D_o = 2/n * sum_u m_u^2 var_u / (m_u - 1) = 2/n * sum_u (m_u q_u - s_u^2) / (m_u - 1),
 *   D_e = 2 n var_all / (n - 1),  var_all = (n * sum q - (sum s)^2) / n^2,  alpha = 1 - D_o / D_e.
 */
export function reliabilitySql(round: RoundRef): Prisma.Sql {
  return Prisma.sql`
    WITH units AS (
      SELECT 'overall' AS "key", "submitted" AS "m", "scoreSum" AS "s", "scoreSquares" AS "q"
      FROM "RankingApplicationSums" WHERE "roundId" = ${round.id}::uuid AND "submitted" >= 2
      UNION ALL
      SELECT "criterionId"::text, "submitted", "valueSum", "valueSquares"
      FROM "RankingCriterionSums" WHERE "roundId" = ${round.id}::uuid AND "submitted" >= 2
    )
    SELECT "key", count(*)::int AS "pairableUnits", sum("m")::int AS "pairableValues",
           sum(("m" * "q" - "s" * "s") / ("m" - 1))::float8 AS "within",
           ((sum("m") * sum("q") - sum("s") * sum("s")) / (sum("m") * sum("m")))::float8 AS "total"
    FROM units GROUP BY "key"`;
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
