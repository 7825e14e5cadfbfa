import type { ClientBase } from 'pg';

/**
 * The ranking aggregates (RankingApplicationSums, RankingJurorSums, RankingCriterionSums,
 * RankingScorecard, RankingCriterionTotals) recomputed from the scorecards, to compare with what the triggers kept, or to
 * rewrite them. Sums are exact decimals, so "equal" means equal to the last digit.
 */
const EXPECTED = {
  applications: `
    SELECT a."roundId", a."applicationId",
           count(s."id") FILTER (WHERE s."status" = 'SUBMITTED')::int AS "submitted",
           coalesce(sum("ranking_exact"(s."weightedScore")) FILTER (WHERE s."status" = 'SUBMITTED'), 0) AS "scoreSum",
           coalesce(sum("ranking_square"(s."weightedScore")) FILTER (WHERE s."status" = 'SUBMITTED'), 0) AS "scoreSquares",
           count(s."id") FILTER (WHERE s."status" = 'DRAFT')::int AS "drafts",
           count(*)::int AS "assigned"
    FROM "Assignment" a LEFT JOIN "Scorecard" s ON s."assignmentId" = a."id"
    GROUP BY a."roundId", a."applicationId"`,
  jurors: `
    SELECT a."roundId", a."jurorId", count(*)::int AS "submitted",
           sum("ranking_exact"(s."weightedScore")) AS "scoreSum", sum("ranking_square"(s."weightedScore")) AS "scoreSquares"
    FROM "Assignment" a JOIN "Scorecard" s ON s."assignmentId" = a."id" AND s."status" = 'SUBMITTED'
    GROUP BY a."roundId", a."jurorId"`,
  criteria: `
    SELECT a."roundId", a."applicationId", v."criterionId", count(*)::int AS "submitted",
           sum("ranking_exact"(v."value")) AS "valueSum", sum("ranking_square"(v."value")) AS "valueSquares"
    FROM "Assignment" a JOIN "Scorecard" s ON s."assignmentId" = a."id" AND s."status" = 'SUBMITTED'
    JOIN "ScoreValue" v ON v."scorecardId" = s."id"
    GROUP BY a."roundId", a."applicationId", v."criterionId"`,
  scorecards: `
    SELECT s."id" AS "scorecardId", a."roundId", a."jurorId", a."applicationId", s."weightedScore" AS "score"
    FROM "Assignment" a JOIN "Scorecard" s ON s."assignmentId" = a."id" AND s."status" = 'SUBMITTED'`,
  criterionTotals: `
    SELECT c."roundId", c."criterionId", count(*)::int AS "units", sum(c."submitted")::int AS "values",
           sum(c."valueSum") AS "valueSum", sum(c."valueSquares") AS "valueSquares",
           sum("ranking_within"(c."submitted", c."valueSum", c."valueSquares")) AS "within"
    FROM (
      SELECT a."roundId", a."applicationId", v."criterionId", count(*)::int AS "submitted",
             sum("ranking_exact"(v."value")) AS "valueSum", sum("ranking_square"(v."value")) AS "valueSquares"
      FROM "Assignment" a JOIN "Scorecard" s ON s."assignmentId" = a."id" AND s."status" = 'SUBMITTED'
      JOIN "ScoreValue" v ON v."scorecardId" = s."id"
      GROUP BY a."roundId", a."applicationId", v."criterionId"
    ) c
    WHERE c."submitted" >= 2
    GROUP BY c."roundId", c."criterionId"`,
} as const;

type Table = keyof typeof EXPECTED;

const TABLES: Record<Table, { name: string; keys: string[]; values: string[] }> = {
  applications: { name: 'RankingApplicationSums', keys: ['roundId', 'applicationId'], values: ['submitted', 'scoreSum', 'scoreSquares', 'drafts', 'assigned'] },
  jurors: { name: 'RankingJurorSums', keys: ['roundId', 'jurorId'], values: ['submitted', 'scoreSum', 'scoreSquares'] },
  criteria: { name: 'RankingCriterionSums', keys: ['roundId', 'applicationId', 'criterionId'], values: ['submitted', 'valueSum', 'valueSquares'] },
  scorecards: { name: 'RankingScorecard', keys: ['scorecardId'], values: ['roundId', 'jurorId', 'applicationId', 'score'] },
  // Rebuilt after the per-criterion sums, whose rewrite its trigger follows.
  criterionTotals: { name: 'RankingCriterionTotals', keys: ['roundId', 'criterionId'], values: ['units', 'values', 'valueSum', 'valueSquares', 'within'] },
};

const q = (name: string) => `"${name}"`;

/** Rows that differ between the stored table and the recomputation (a missing row counts as zeros). */
function differencesSql(table: Table): string {
  const { name, keys, values } = TABLES[table];
  const zero = (column: string) => (['roundId', 'jurorId', 'applicationId', 'criterionId'].includes(column) ? 'NULL' : '0');
  const key = keys.map((k) => `coalesce(s.${q(k)}, e.${q(k)})::text`).join(` || '/' || `);
  const differs = values.map((v) => `coalesce(s.${q(v)}, ${zero(v)}) IS DISTINCT FROM coalesce(e.${q(v)}, ${zero(v)})`).join(' OR ');
  const show = (alias: string) => `json_build_object(${values.map((v) => `'${v}', ${alias}.${q(v)}`).join(', ')})`;
  return `
    WITH e AS (${EXPECTED[table]})
    SELECT ${key} AS "key", ${show('s')}::text AS "stored", ${show('e')}::text AS "expected"
    FROM ${q(name)} s FULL JOIN e ON ${keys.map((k) => `e.${q(k)} = s.${q(k)}`).join(' AND ')}
    WHERE ${differs}
    ORDER BY 1`;
}

export interface RankingSumsDifference {
  table: string;
  key: string;
  stored: string;
  expected: string;
}

export interface RankingSumsReport {
  /** Rows compared per table (stored ones). */
  rows: Record<string, number>;
  differences: RankingSumsDifference[];
  /** True when the aggregates were rewritten from the recomputation (and the stamps bumped). */
  rebuilt: boolean;
}

/**
 * Compares the ranking aggregates with a full recomputation; with `rebuild`, rewrites them from it in one
 * transaction (writes to scorecards, values and assignments wait meanwhile) and bumps every call's
 * ranking stamp, so cached rankings are computed again.
 */
export async function checkRankingSums(client: ClientBase, options: { rebuild?: boolean } = {}): Promise<RankingSumsReport> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    if (options.rebuild) await client.query('LOCK TABLE "Assignment", "Scorecard", "ScoreValue" IN SHARE MODE');
    const differences: RankingSumsDifference[] = [];
    const rows: Record<string, number> = {};
    for (const table of Object.keys(TABLES) as Table[]) {
      const { name } = TABLES[table];
      rows[name] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(name)}`)).rows[0]!.n);
      const result = await client.query<{ key: string; stored: string; expected: string }>(differencesSql(table));
      differences.push(...result.rows.map((row) => ({ table: name, ...row })));
    }
    if (options.rebuild) {
      for (const table of Object.keys(TABLES) as Table[]) {
        const { name, keys, values } = TABLES[table];
        const columns = [...keys, ...values].map(q).join(', ');
        await client.query(`DELETE FROM ${q(name)}`);
        await client.query(`INSERT INTO ${q(name)} (${columns}) SELECT ${columns} FROM (${EXPECTED[table]}) e`);
      }
      await client.query(`SELECT "ranking_touch_calls"(array(SELECT "id" FROM "Call"))`);
    }
    await client.query('COMMIT');
    return { rows, differences, rebuilt: options.rebuild === true };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
