import { Prisma } from '@tahkim/db';
import { SCORE_EPSILON } from '@tahkim/scoring';
import { inRoundSql, type RoundRef } from '../rounds/round-applications';

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

/**
 * Rules 2, 3 and 5 for every application of the round, what its order, flags and the page's filters
 * need: the reference (ties), the eligibility suggestion, the count of submitted scorecards, the mean and
 * the spread of S (from the sums), and the mean z (one pass over the round's scorecards, joined to the
 * jurors' mu and sigma). Ranks are left to the caller (packages/scoring's competitionRanks). What a row
 * only shows is read apart, for the rows shown (`rowDetailsSql`). Rows as arrays, in the order of
 * `ApplicationRow`.
 */
export function applicationAggregatesSql(round: RoundRef): Prisma.Sql {
  return Prisma.sql`
    WITH jurors AS MATERIALIZED (${jurorStatsSql(round.id)}),
    z AS (
      SELECT c."applicationId", avg(${Z}) AS "meanZ"
      FROM "RankingScorecard" c JOIN jurors j ON j."jurorId" = c."jurorId"
      WHERE c."roundId" = ${round.id}::uuid
      GROUP BY c."applicationId"
    )
    SELECT a."id", a."reference", a."eligibilitySuggestion"::text, COALESCE(p."submitted", 0), p."mean", p."spread", z."meanZ"
    FROM "Application" a
    LEFT JOIN "RankingApplicationSums" p ON p."roundId" = ${round.id}::uuid AND p."applicationId" = a."id"
    LEFT JOIN z ON z."applicationId" = a."id"
    WHERE ${inRoundSql(round)}`;
}

/** A row of `applicationAggregatesSql`. */
export type ApplicationRow = [
  applicationId: string,
  reference: string | null,
  eligibilitySuggestion: string | null,
  submitted: number,
  meanScore: number | null,
  spread: number | null,
  normalisedScore: number | null,
];

/** The answer to the form's region field of every application of the round (the page's region filter). Rows [applicationId, region]. */
export function applicationRegionsSql(round: RoundRef, regionKey: string): Prisma.Sql {
  return Prisma.sql`SELECT a."id", a."answers" ->> ${regionKey} FROM "Application" a WHERE ${inRoundSql(round)}`;
}

/**
 * Rule 9 in one pass over the round's scorecards, joined to the jurors' mu and sigma and to the
 * applications' sums (both read once and hashed, not probed per scorecard): per juror the mean z, the
 * lowest and highest S and the mean deviation from the other jurors of the same applications.
 */
export function jurorPassSql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    WITH jurors AS MATERIALIZED (${jurorStatsSql(roundId)}),
    per_app AS MATERIALIZED (
      SELECT "applicationId", "submitted" AS "n", "scoreSum"::float8 AS "total"
      FROM "RankingApplicationSums" WHERE "roundId" = ${roundId}::uuid AND "submitted" > 1
    )
    SELECT c."jurorId", avg(${Z}), min(c."score"), max(c."score"), avg(c."score" - (p."total" - c."score") / (p."n" - 1))
    FROM "RankingScorecard" c JOIN jurors j ON j."jurorId" = c."jurorId"
    LEFT JOIN per_app p ON p."applicationId" = c."applicationId"
    WHERE c."roundId" = ${roundId}::uuid
    GROUP BY c."jurorId"`;
}

/** A row of `jurorPassSql`. */
export type JurorPassRow = [jurorId: string, meanZ: number, minScore: number, maxScore: number, meanDeviationFromPeers: number | null];

export interface JurorRecord {
  jurorId: string;
  userId: string;
  displayName: string;
  email: string;
  count: number;
  meanScore: number;
  spread: number;
}

/** Every juror with a submitted scorecard in the round, mu and sigma from the sums, by mu then name. */
export function jurorListSql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT s."jurorId", ju."userId", u."displayName", u."email", s."submitted" AS "count", s."mean" AS "meanScore", s."sigma" AS "spread"
    FROM "RankingJurorSums" s
    JOIN "Juror" ju ON ju."id" = s."jurorId"
    JOIN "User" u ON u."id" = ju."userId"
    WHERE s."roundId" = ${roundId}::uuid AND s."submitted" > 0
    ORDER BY s."mean", u."displayName", s."jurorId"`;
}

export interface ReliabilityRecord {
  pairableUnits: number;
  pairableValues: number;
  /** Sum over pairable units of m_u^2 * var_u / (m_u - 1). */
  within: number | null;
  /** Population variance of all pairable values. */
  total: number | null;
}

/**
 * Rule 8 (Krippendorff's alpha, interval metric) from sums: with n pairable values, units u of m_u >= 2
 * values and population variances,
 *   D_o = 2/n * sum_u m_u^2 var_u / (m_u - 1),  D_e = 2 n var_all / (n - 1),  alpha = 1 - D_o / D_e.
 * The units' m, mean, variance and m^2 var / (m - 1) are kept exact by the sums; the variance of all
 * pairable values follows from them in the same pass (law of total variance: the mean of the units'
 * m (var + mean^2), less the square of the grand mean), without reading any value. These columns
 * (units, values, within, total) come with the statements that read the sums.
 */
const PAIRABLE = Prisma.sql`FILTER (WHERE "submitted" >= 2)`;
const RELIABILITY_COLUMNS = Prisma.sql`
  (count(*) ${PAIRABLE})::int, COALESCE(sum("submitted") ${PAIRABLE}, 0)::int, sum("within") ${PAIRABLE},
  sum("submitted" * ("variance" + "mean" * "mean")) ${PAIRABLE} / sum("submitted") ${PAIRABLE}
    - (sum("submitted" * "mean") ${PAIRABLE} / sum("submitted") ${PAIRABLE}) ^ 2`;

/**
 * Rule 8 per criterion: the reliability sums of each criterion of the round, from the totals the database
 * keeps per round and criterion (6 rows for 6 criteria, however many applications). The variance of all
 * pairable values from their exact sums. Rows [criterionId, units, values, within, total].
 */
export function criterionReliabilitySql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT "criterionId"::text, "units", "values", "within"::float8, ("valueSquares" / "values" - ("valueSum" / "values") ^ 2)::float8
    FROM "RankingCriterionTotals" WHERE "roundId" = ${roundId}::uuid AND "units" > 0`;
}

/** A row of `criterionReliabilitySql`. */
export type CriterionReliabilityRow = [criterionId: string, units: number, values: number, within: number | null, total: number | null];

/**
 * What a ranking row shows besides its order and scores, for the applications given or for every
 * application of the round: the title, the status, the region (the answer to the form's region field),
 * the jurors assigned, the sample standard deviation of S (rule 7), and whether it is already in a later
 * round of the call (a shortlist may go into any later round, not only the next one). Rows in the order
 * of `RowDetailsRow`; the criterion means come from `criterionMeansSql`.
 */
export function rowDetailsSql(round: RoundRef, regionKey: string | null, applications: readonly string[] | 'all'): Prisma.Sql {
  const region = regionKey ? Prisma.sql`a."answers" ->> ${regionKey}` : Prisma.sql`NULL::text`;
  const where = applications === 'all' ? inRoundSql(round) : Prisma.sql`a."id" = ANY(${applications as string[]}::uuid[])`;
  return Prisma.sql`
    WITH later_rounds AS (SELECT "id" FROM "Round" WHERE "callId" = ${round.callId}::uuid AND "number" > ${round.number})
    SELECT a."id", a."title", a."status"::text, ${region}, COALESCE(p."assigned", 0), p."sampleStd",
           a."id" IN (SELECT ra."applicationId" FROM "RoundApplication" ra JOIN later_rounds l ON l."id" = ra."roundId")
    FROM "Application" a
    LEFT JOIN "RankingApplicationSums" p ON p."roundId" = ${round.id}::uuid AND p."applicationId" = a."id"
    WHERE ${where}`;
}

/** A row of `rowDetailsSql`. */
export type RowDetailsRow = [applicationId: string, title: string | null, status: string, region: string | null, assigned: number, sampleStd: number | null, advanced: boolean];

/**
 * Rule 6 for the applications given (or every one of the round) with a submitted scorecard: the mean raw
 * value per criterion, in the order of the ids given. Rows [applicationId, mean1, mean2...].
 */
export function criterionMeansSql(roundId: string, criterionIds: readonly string[], applications: readonly string[] | 'all'): Prisma.Sql {
  const which = applications === 'all' ? Prisma.empty : Prisma.sql`AND "applicationId" = ANY(${applications as string[]}::uuid[])`;
  return Prisma.sql`
    SELECT "applicationId", ${Prisma.join(criterionIds.map((id) => Prisma.sql`max("mean") FILTER (WHERE "criterionId" = ${id}::uuid)`))}
    FROM "RankingCriterionSums" WHERE "roundId" = ${roundId}::uuid AND "submitted" > 0 ${which}
    GROUP BY "applicationId"`;
}

/** A row of `criterionMeansSql`. */
export type CriterionMeansRow = [applicationId: string, ...means: (number | null)[]];

/** The weighted score's reliability sums, and the round's submitted and draft scorecards: one pass over the application sums. */
export function roundSumsSql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT ${RELIABILITY_COLUMNS}, COALESCE(sum("submitted"), 0)::int, COALESCE(sum("drafts"), 0)::int
    FROM "RankingApplicationSums" WHERE "roundId" = ${roundId}::uuid`;
}

/** A row of `roundSumsSql`. */
export type RoundSumsRow = [units: number, values: number, within: number | null, total: number | null, submitted: number, drafts: number];

/** Rule 8 from the reliability sums; null when undefined (fewer than 2 values, or no variation). */
export function alphaFromSums(record: Pick<ReliabilityRecord, 'pairableValues' | 'within' | 'total'>): number | null {
  const n = record.pairableValues;
  if (n < 2 || record.within === null || record.total === null) return null;
  const observed = (2 * record.within) / n;
  const expected = (2 * n * record.total) / (n - 1);
  if (!(expected > 1e-12)) return null;
  return 1 - observed / expected;
}

/**
 * Every statement a first computation of the ranking runs for a round (for benchmarks of the bare SQL);
 * the rows' details (`rowDetailsSql`) follow for the rows shown.
 */
export function rankingQueries(round: RoundRef): Prisma.Sql[] {
  return [applicationAggregatesSql(round), jurorPassSql(round.id), criterionReliabilitySql(round.id), jurorListSql(round.id), roundSumsSql(round.id)];
}

/**
 * The round's submitted scorecards as the ranking counts them, (applicationId, jurorId, score), kept by
 * the ranking triggers: what the bootstraps resample (shortlist confidence, second look). In a fixed
 * order, so that the same scorecards always give the same probabilities.
 */
export function roundScoresSql(roundId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT "applicationId"::text, "jurorId"::text, "score" FROM "RankingScorecard" WHERE "roundId" = ${roundId}::uuid
    ORDER BY "applicationId", "jurorId"`;
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
