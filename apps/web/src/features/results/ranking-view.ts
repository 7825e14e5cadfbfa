import {
  ELIGIBILITY_SUGGESTIONS,
  MOROCCO_REGIONS,
  RANKING_FLAG_FILTERS,
  RANKING_QUERY_METHODS,
  type TEligibilitySuggestion,
  type TJurorSeverity,
  type TRankingFlagFilter,
  type TRankingQuery,
  type TRankingQueryMethod,
  type TRankingRow,
} from '@tahkim/contracts';
import { roundedShares } from '../../lib/shares';

/** What the ranking page shows, kept in its URL so a view can be shared. */
export type FlagFilter = TRankingFlagFilter;
export interface RankingView {
  /** Unset: the round's own method (the API's default). */
  method?: TRankingQueryMethod;
  flag?: FlagFilter;
  region?: string;
  eligibility?: TEligibilitySuggestion;
  /** From 1; unset: the first page. */
  page?: number;
}

/** Rows per page of the ranking. */
export const RANKING_PAGE_SIZE = 50;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The URL's query → the view; anything unknown is ignored. */
export function parseView(params: URLSearchParams): RankingView {
  return {
    method: oneOf(RANKING_QUERY_METHODS, params.get('method')),
    flag: oneOf(RANKING_FLAG_FILTERS, params.get('flag')),
    region: oneOf(
      MOROCCO_REGIONS.map((region) => region.value),
      params.get('region'),
    ),
    eligibility: oneOf(ELIGIBILITY_SUGGESTIONS, params.get('eligibility')),
    page: pageNumber(params.get('page')),
  };
}

function pageNumber(value: string | null): number | undefined {
  const page = value === null ? Number.NaN : Number(value);
  return Number.isInteger(page) && page > 1 ? page : undefined;
}

export function viewToSearchParams(view: RankingView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.method) params.set('method', view.method);
  if (view.flag) params.set('flag', view.flag);
  if (view.region) params.set('region', view.region);
  if (view.eligibility) params.set('eligibility', view.eligibility);
  if (view.page && view.page > 1) params.set('page', String(view.page));
  return params;
}

/** The API's query for the view's page (the filters are applied by the API, over the whole ranking). */
export function viewToQuery(view: RankingView): TRankingQuery {
  const query: TRankingQuery = { offset: ((view.page ?? 1) - 1) * RANKING_PAGE_SIZE, limit: RANKING_PAGE_SIZE };
  if (view.method) query.method = view.method;
  if (view.flag) query.flag = view.flag;
  if (view.region) query.region = view.region;
  if (view.eligibility) query.eligibility = view.eligibility;
  return query;
}

export function hasActiveFilters(view: RankingView): boolean {
  return Boolean(view.flag || view.region || view.eligibility);
}

/** The score the list is ordered by under a method. */
export function scoreOf(row: TRankingRow, method: TRankingQueryMethod): number | null {
  return method === 'mean' ? row.meanScore : row.normalisedScore;
}

export function rankOf(row: TRankingRow, method: TRankingQueryMethod): number | null {
  return method === 'mean' ? row.meanRank : row.normalisedRank;
}

export function otherMethod(method: TRankingQueryMethod): TRankingQueryMethod {
  return method === 'mean' ? 'normalised' : 'mean';
}

/** Ranks held by more than one row (shown as "=2"). */
export function sharedRanks(rows: readonly TRankingRow[], method: TRankingQueryMethod): ReadonlySet<number> {
  const seen = new Set<number>();
  const shared = new Set<number>();
  for (const row of rows) {
    const rank = rankOf(row, method);
    if (rank === null) continue;
    if (seen.has(rank)) shared.add(rank);
    seen.add(rank);
  }
  return shared;
}

/**
 * How the list's method moves an application compared with the other method: "up" 3 means it
 * stands 3 places higher under the list's method. `rankDifference` is meanRank - normalisedRank.
 */
export function rankShift(row: TRankingRow, method: TRankingQueryMethod): { direction: 'up' | 'down' | 'same'; places: number } | null {
  if (row.rankDifference === null) return null;
  const difference = method === 'normalised' ? row.rankDifference : -row.rankDifference;
  if (difference === 0) return { direction: 'same', places: 0 };
  return { direction: difference > 0 ? 'up' : 'down', places: Math.abs(difference) };
}

// ---- Juror severity ----------------------------------------------------------------------------

export const SEVERITY_LABELS = ['HARSH', 'LENIENT', 'FLAT'] as const;
export type SeverityLabel = (typeof SEVERITY_LABELS)[number];

/** Points away from co-jurors (or, without co-jurors, from the round's mean) that make a juror harsh or lenient. */
export const PEER_DEVIATION_POINTS = 5;
export const OVERALL_DEVIATION_POINTS = 10;
/** A spread under this many points over at least FLAT_MIN_COUNT scorecards: the juror barely tells applications apart. */
export const FLAT_SPREAD_POINTS = 5;
export const FLAT_MIN_COUNT = 3;

/** The round's mean weighted score over every submitted scorecard (each juror weighs by their count). */
export function overallMean(jurors: readonly TJurorSeverity[]): number | null {
  const count = jurors.reduce((sum, juror) => sum + juror.count, 0);
  if (count === 0) return null;
  return jurors.reduce((sum, juror) => sum + juror.meanScore * juror.count, 0) / count;
}

/**
 * Harsh or lenient by the juror's mean gap to their co-jurors on the same applications; when they
 * share no application, by their mean's gap to the round's mean. Flat: a narrow spread.
 */
export function severityLabels(juror: TJurorSeverity, roundMean: number | null): SeverityLabel[] {
  const labels: SeverityLabel[] = [];
  if (juror.count > 0) {
    const gap =
      juror.meanDeviationFromPeers !== null ? { value: juror.meanDeviationFromPeers, limit: PEER_DEVIATION_POINTS }
      : roundMean !== null ? { value: juror.meanScore - roundMean, limit: OVERALL_DEVIATION_POINTS }
      : null;
    if (gap && gap.value <= -gap.limit) labels.push('HARSH');
    if (gap && gap.value >= gap.limit) labels.push('LENIENT');
  }
  if (juror.count >= FLAT_MIN_COUNT && juror.spread < FLAT_SPREAD_POINTS) labels.push('FLAT');
  return labels;
}

/** Each criterion's share of the total weight, in whole percent adding up to exactly 100. */
export function weightShares(criteria: ReadonlyArray<{ weight: number }>): number[] {
  return roundedShares(criteria.map((criterion) => criterion.weight));
}
