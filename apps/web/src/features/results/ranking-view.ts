import {
  ELIGIBILITY_SUGGESTIONS,
  MOROCCO_REGIONS,
  RANKING_QUERY_METHODS,
  type TEligibilitySuggestion,
  type TJurorSeverity,
  type TRankingQueryMethod,
  type TRankingRow,
} from '@tahkim/contracts';
import { roundedShares } from '../../lib/shares';

/** What the ranking page shows, kept in its URL so a view can be shared. */
export type FlagFilter = 'INCOMPLETE' | 'DISAGREEMENT' | 'none';
export interface RankingView {
  /** Unset: the round's own method (the API's default). */
  method?: TRankingQueryMethod;
  flag?: FlagFilter;
  region?: string;
  eligibility?: TEligibilitySuggestion;
}

const FLAG_FILTERS = ['INCOMPLETE', 'DISAGREEMENT', 'none'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The URL's query → the view; anything unknown is ignored. */
export function parseView(params: URLSearchParams): RankingView {
  return {
    method: oneOf(RANKING_QUERY_METHODS, params.get('method')),
    flag: oneOf(FLAG_FILTERS, params.get('flag')),
    region: oneOf(
      MOROCCO_REGIONS.map((region) => region.value),
      params.get('region'),
    ),
    eligibility: oneOf(ELIGIBILITY_SUGGESTIONS, params.get('eligibility')),
  };
}

export function viewToSearchParams(view: RankingView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.method) params.set('method', view.method);
  if (view.flag) params.set('flag', view.flag);
  if (view.region) params.set('region', view.region);
  if (view.eligibility) params.set('eligibility', view.eligibility);
  return params;
}

export function hasActiveFilters(view: RankingView): boolean {
  return Boolean(view.flag || view.region || view.eligibility);
}

/** The rows the filters let through, in the order the API gave (ranked first, unranked last). */
export function filterRows(rows: readonly TRankingRow[], view: RankingView): TRankingRow[] {
  return rows.filter((row) => {
    if (view.flag === 'none' && row.flags.length > 0) return false;
    if (view.flag && view.flag !== 'none' && !row.flags.includes(view.flag)) return false;
    if (view.region && row.region !== view.region) return false;
    if (view.eligibility && row.eligibilitySuggestion !== view.eligibility) return false;
    return true;
  });
}

/** The score the list is ordered by under a method. */
export function scoreOf(row: TRankingRow, method: TRankingQueryMethod): number | null {
  return method === 'mean' ? row.meanScore : row.normalisedScore;
}

export function rankOf(row: TRankingRow, method: TRankingQueryMethod): number | null {
  return method === 'mean' ? row.meanRank : row.normalisedRank;
}

/**
 * The rows in the order the API gives for `method`: by that method's rank, unranked last, equal ranks
 * by reference then id. Every row carries both ranks, so switching methods needs no new request.
 */
export function orderByMethod(rows: readonly TRankingRow[], method: TRankingQueryMethod): TRankingRow[] {
  const rank = (row: TRankingRow) => rankOf(row, method) ?? Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => rank(a) - rank(b) || (a.reference ?? '').localeCompare(b.reference ?? '') || a.applicationId.localeCompare(b.applicationId));
}

export function otherMethod(method: TRankingQueryMethod): TRankingQueryMethod {
  return method === 'mean' ? 'normalised' : 'mean';
}

/**
 * The N best ranked rows among those given, by the method's rank. Applications tied with the N-th
 * are all included (ranks 1..9 then three 10s: "top 10" gives 12), so a cut never splits a tie.
 */
export function selectTopN(rows: readonly TRankingRow[], n: number, method: TRankingQueryMethod): string[] {
  if (!Number.isFinite(n) || n < 1) return [];
  const ranked = rows
    .map((row) => ({ row, rank: rankOf(row, method) }))
    .filter((entry): entry is { row: TRankingRow; rank: number } => entry.rank !== null)
    .sort((a, b) => a.rank - b.rank);
  if (ranked.length === 0) return [];
  const cut = ranked[Math.min(Math.floor(n), ranked.length) - 1]!.rank;
  return ranked.filter((entry) => entry.rank <= cut).map((entry) => entry.row.applicationId);
}

/** Rows whose score under the method is at least the threshold (unranked rows never are). */
export function selectByThreshold(rows: readonly TRankingRow[], threshold: number, method: TRankingQueryMethod): string[] {
  if (!Number.isFinite(threshold)) return [];
  return rows
    .filter((row) => {
      const score = scoreOf(row, method);
      // The scores are rounded on screen: a row shown at the threshold counts as reaching it.
      return score !== null && score >= threshold - 1e-9;
    })
    .map((row) => row.applicationId);
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

// ---- Score distribution ------------------------------------------------------------------------

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Applications' mean scores in 10-point bins 0-10, ..., 90-100 (100 falls in the last one). */
export function histogramBins(scores: ReadonlyArray<number | null>): HistogramBin[] {
  const bins: HistogramBin[] = Array.from({ length: 10 }, (_, index) => ({ from: index * 10, to: index * 10 + 10, count: 0 }));
  for (const score of scores) {
    if (score === null || !Number.isFinite(score)) continue;
    const index = Math.min(9, Math.max(0, Math.floor(score / 10)));
    bins[index]!.count += 1;
  }
  return bins;
}

/** Each criterion's share of the total weight, in whole percent adding up to exactly 100. */
export function weightShares(criteria: ReadonlyArray<{ weight: number }>): number[] {
  return roundedShares(criteria.map((criterion) => criterion.weight));
}
