import type { TJurorSeverity, TRanking, TRankingRow } from '@tahkim/contracts';
import { histogramBins, reachingThreshold, topWithTies } from '@tahkim/scoring';

/** A ranking row with sensible defaults; tests override what they look at. */
export function rankingRow(overrides: Partial<TRankingRow> & { applicationId: string }): TRankingRow {
  return {
    reference: overrides.applicationId.toUpperCase(),
    title: null,
    status: 'ELIGIBLE',
    region: null,
    eligibilitySuggestion: null,
    rank: null,
    meanRank: null,
    normalisedRank: null,
    rankDifference: null,
    meanScore: null,
    normalisedScore: null,
    standardError: null,
    spread: null,
    submitted: 0,
    required: 2,
    assigned: 2,
    flags: [],
    criterionMeans: [],
    advanced: false,
    ...overrides,
  };
}

export function juror(overrides: Partial<TJurorSeverity> & { jurorId: string }): TJurorSeverity {
  return {
    displayName: overrides.jurorId,
    email: `${overrides.jurorId}@jury.example`,
    count: 4,
    meanScore: 60,
    spread: 12,
    minScore: 40,
    maxScore: 80,
    meanZ: 0,
    meanDeviationFromPeers: 0,
    ...overrides,
  };
}

const text = (fr: string, ar: string) => ({ ar, fr, en: fr });
export const ROUND_ID = '7d1f3c2a-1b4e-4a51-9c57-2f1f3d6c7a10';
export const NEXT_ROUND_ID = '0b8a4c55-9d2e-4f7a-8c11-3e5f6a7b8c9d';

/** A round of four applications: two ranked differently by the two methods, one unranked. */
export function rankingFixture(method: 'normalised' | 'mean' = 'normalised'): TRanking {
  const rows = [
    rankingRow({
      applicationId: 'a1', reference: 'FIS-2026-0001', title: 'Traiteur solidaire', region: 'MA-06', eligibilitySuggestion: 'ELIGIBLE',
      meanRank: 2, normalisedRank: 1, rankDifference: 1, meanScore: 71.25, normalisedScore: 0.84, standardError: 3.2, spread: 4.5,
      submitted: 2, required: 2, criterionMeans: [4.5, 3], advanced: true,
    }),
    rankingRow({
      applicationId: 'a2', reference: 'FIS-2026-0002', title: 'Coopérative d’argan', region: 'MA-09', eligibilitySuggestion: 'UNSURE',
      meanRank: 1, normalisedRank: 2, rankDifference: -1, meanScore: 78.5, normalisedScore: 0.31, standardError: 11.4, spread: 16.2,
      submitted: 2, required: 2, flags: ['DISAGREEMENT'], criterionMeans: [4, 4.5],
    }),
    rankingRow({
      applicationId: 'a3', reference: 'FIS-2026-0003', title: 'Atelier de couture', region: 'MA-06', eligibilitySuggestion: 'ELIGIBLE',
      meanRank: 3, normalisedRank: 3, rankDifference: 0, meanScore: 40, normalisedScore: -1.15, standardError: null, spread: 0,
      submitted: 1, required: 2, flags: ['INCOMPLETE'], criterionMeans: [2, 2],
    }),
    rankingRow({ applicationId: 'a4', reference: 'FIS-2026-0004', title: 'Ferme pédagogique', region: 'MA-01', submitted: 0, required: 2, flags: ['INCOMPLETE'], criterionMeans: [null, null] }),
  ].map((row) => ({ ...row, rank: method === 'mean' ? row.meanRank : row.normalisedRank }));
  const items = method === 'mean' ? [rows[1]!, rows[0]!, rows[2]!, rows[3]!] : rows;
  return {
    round: { id: ROUND_ID, callId: 'c1', number: 1, name: text('Présélection', 'الانتقاء الأولي'), type: 'SCORING', status: 'CLOSED', method: 'NORMALISED', scorecardsRequired: 2, disagreementThreshold: 15, blind: true },
    method,
    criteria: [
      { id: 'k1', key: 'impact', label: text('Impact social', 'الأثر الاجتماعي'), weight: 3, scaleMin: 0, scaleMax: 5 },
      { id: 'k2', key: 'viability', label: text('Viabilité', 'الاستدامة'), weight: 1, scaleMin: 0, scaleMax: 5 },
    ],
    items,
    reliability: {
      overall: { alpha: 0.7234, reading: 'TENTATIVE', pairableUnits: 2, pairableValues: 4 },
      criteria: [
        { criterionId: 'k1', alpha: 0.81, reading: 'GOOD', pairableUnits: 2, pairableValues: 4 },
        { criterionId: 'k2', alpha: null, reading: null, pairableUnits: 2, pairableValues: 4 },
      ],
    },
    jurors: [
      juror({ jurorId: 'j1', displayName: 'Amina Harsh', count: 3, meanScore: 45, spread: 10, minScore: 35, maxScore: 58, meanDeviationFromPeers: -12.5 }),
      juror({ jurorId: 'j2', displayName: 'Youssef Lenient', count: 3, meanScore: 80, spread: 6, minScore: 72, maxScore: 88, meanDeviationFromPeers: 9 }),
      juror({ jurorId: 'j3', displayName: 'Salma Flat', count: 3, meanScore: 62, spread: 1.5, minScore: 60, maxScore: 64, meanDeviationFromPeers: 1 }),
    ],
    totals: { applications: 4, ranked: 3, submittedScorecards: 5, draftScorecards: 1 },
    nextRound: null,
    regionFieldKey: 'region',
    distribution: histogramBins(items.map((row) => row.meanScore)),
  };
}

/** The rows of the fixture the API's filters let through (flag, region, eligibility in the query), in the method's order. */
function matchingRows(query: URLSearchParams): { ranking: TRanking; rows: TRankingRow[] } {
  const ranking = rankingFixture(query.get('method') === 'mean' ? 'mean' : 'normalised');
  const flag = query.get('flag');
  const region = query.get('region');
  const eligibility = query.get('eligibility');
  const rows = ranking.items.filter(
    (row) =>
      (!flag || (flag === 'none' ? row.flags.length === 0 : row.flags.includes(flag as TRankingRow['flags'][number]))) &&
      (!region || row.region === region) &&
      (!eligibility || row.eligibilitySuggestion === eligibility),
  );
  return { ranking, rows };
}

/** As the API answers GET /api/rounds/{id}/ranking for the fixture: the whole ranking, or a page of it. */
export function rankingAnswer(query: URLSearchParams): TRanking {
  const paged = ['offset', 'limit', 'flag', 'region', 'eligibility'].some((key) => query.has(key));
  if (!paged) return rankingFixture(query.get('method') === 'mean' ? 'mean' : 'normalised');
  const { ranking, rows } = matchingRows(query);
  const offset = Number(query.get('offset') ?? 0);
  const limit = query.has('limit') ? Number(query.get('limit')) : null;
  return { ...ranking, items: rows.slice(offset, limit === null ? undefined : offset + limit), page: { offset, limit, total: rows.length } };
}

/** As the API answers GET /api/rounds/{id}/ranking/selection for the fixture (the rules of @tahkim/scoring). */
export function selectionAnswer(query: URLSearchParams): { applicationIds: string[] } {
  const { ranking, rows } = matchingRows(query);
  const entries = rows.map((row) => ({ id: row.applicationId, rank: row.rank, score: ranking.method === 'mean' ? row.meanScore : row.normalisedScore }));
  return { applicationIds: query.has('top') ? topWithTies(entries, Number(query.get('top'))) : reachingThreshold(entries, Number(query.get('threshold'))) };
}
