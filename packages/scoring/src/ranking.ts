/** A SUBMITTED scorecard as the ranking needs it: its rule-1 weighted score S (0-100). */
export interface SubmittedScore {
  applicationId: string;
  jurorId: string;
  score: number;
}

export interface RankRoundInput {
  /** Every application of the round, ranked or not. */
  applicationIds: readonly string[];
  /** The round's SUBMITTED scorecards only (drafts must not be passed). */
  scorecards: readonly SubmittedScore[];
  /** The round's required number of scorecards per application (rule 5, INCOMPLETE). */
  required: number;
  /** Population std of S at or above which an application is flagged DISAGREEMENT (rule 5). */
  disagreementThreshold: number;
}

export type RankingFlag = 'INCOMPLETE' | 'DISAGREEMENT';

export interface ApplicationRanking {
  applicationId: string;
  /** Submitted scorecards of this application. */
  submitted: number;
  /** Rule 2: mean of S; null with no scorecard. */
  meanScore: number | null;
  /** Rule 3: mean of the juror z-scores; null with no scorecard. */
  normalisedScore: number | null;
  /** Rule 4 under each method; null (unranked, listed last) with no scorecard. */
  meanRank: number | null;
  normalisedRank: number | null;
  /** Rule 7: sample std / sqrt(n); null where n < 2. */
  standardError: number | null;
  /** Population std of S (what DISAGREEMENT compares); null with no scorecard. */
  spread: number | null;
  flags: RankingFlag[];
}

export interface JurorStats {
  count: number;
  /** mu_j: mean of the juror's S over the round. */
  mean: number;
  /** sigma_j: population std of the juror's S over the round. */
  sigma: number;
}

/** Scores differing by less than this are equal (rule 4); a sigma under it counts as 0 (rule 3). */
export const SCORE_EPSILON = 1e-9;

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const m = sum / values.length;
  // Snap a constant list to its value exactly (sum/n can drift by an ulp).
  const first = values[0] as number;
  return values.every((v) => v === first) ? first : m;
}

function sumSquaredDeviations(values: readonly number[]): number {
  const m = mean(values) as number;
  let ss = 0;
  for (const v of values) ss += (v - m) ** 2;
  return ss;
}

/** Population standard deviation (divide by n); null for an empty list. */
export function populationStd(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.sqrt(sumSquaredDeviations(values) / values.length);
}

/** Sample standard deviation (divide by n - 1); null where n < 2. */
export function sampleStd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  return Math.sqrt(sumSquaredDeviations(values) / (values.length - 1));
}

/** Rule 7: sample std / sqrt(n); null where n < 2. */
export function standardError(values: readonly number[]): number | null {
  const s = sampleStd(values);
  return s === null ? null : s / Math.sqrt(values.length);
}

/**
 * Rule 4: competition ranks, descending ("1, 2, 2, 4"). Values are sorted descending; a value less than
 * 1e-9 below the previous one in that order shares its rank (so near-ties chain), otherwise its rank is
 * its 1-based position. Null (or non-finite) values get a null rank. Result is in input order.
 */
export function competitionRanks(values: readonly (number | null)[]): (number | null)[] {
  const ranks: (number | null)[] = new Array<number | null>(values.length).fill(null);
  // Indices of the finite values, highest value first, equal values in input order (no object per entry).
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined && Number.isFinite(value)) order.push(i);
  }
  const scores = values as readonly number[];
  order.sort((a, b) => scores[b]! - scores[a]! || a - b);
  let previousValue = Number.NaN;
  let previousRank = 0;
  for (let position = 0; position < order.length; position++) {
    const index = order[position]!;
    const value = scores[index]!;
    const rank = position > 0 && previousValue - value < SCORE_EPSILON ? previousRank : position + 1;
    ranks[index] = rank;
    previousValue = value;
    previousRank = rank;
  }
  return ranks;
}

/** mu_j and sigma_j (rule 3) for every juror, over all the scorecards given. */
export function jurorStatistics(scorecards: readonly SubmittedScore[]): Map<string, JurorStats> {
  const byJuror = new Map<string, number[]>();
  for (const card of scorecards) {
    const list = byJuror.get(card.jurorId);
    if (list) list.push(card.score);
    else byJuror.set(card.jurorId, [card.score]);
  }
  const stats = new Map<string, JurorStats>();
  for (const [jurorId, scores] of byJuror) {
    stats.set(jurorId, { count: scores.length, mean: mean(scores) as number, sigma: populationStd(scores) as number });
  }
  return stats;
}

/** Rule 3: z = (S - mu_j) / sigma_j; 0 where the juror has < 2 scorecards or sigma_j = 0 (< 1e-9). */
export function zScore(score: number, stats: JurorStats | undefined): number {
  if (!stats || stats.count < 2 || stats.sigma < SCORE_EPSILON) return 0;
  return (score - stats.mean) / stats.sigma;
}

/**
 * Rules 2-5 and 7 for one round. Juror mu/sigma are taken over every scorecard passed. The result lists
 * every application of `applicationIds` (each once, in that order; scorecards of other ids only feed
 * juror statistics); sort with `compareByRank`.
 */
export function rankRound(input: RankRoundInput): ApplicationRanking[] {
  const stats = jurorStatistics(input.scorecards);
  const scores = new Map<string, number[]>();
  const zs = new Map<string, number[]>();
  for (const card of input.scorecards) {
    (scores.get(card.applicationId) ?? scores.set(card.applicationId, []).get(card.applicationId)!).push(card.score);
    (zs.get(card.applicationId) ?? zs.set(card.applicationId, []).get(card.applicationId)!).push(zScore(card.score, stats.get(card.jurorId)));
  }
  const ids = [...new Set(input.applicationIds)];
  const rows = ids.map((applicationId) => {
    const s = scores.get(applicationId) ?? [];
    const spread = populationStd(s);
    const flags: RankingFlag[] = [];
    if (s.length < input.required) flags.push('INCOMPLETE');
    if (spread !== null && spread >= input.disagreementThreshold - SCORE_EPSILON) flags.push('DISAGREEMENT');
    return {
      applicationId,
      submitted: s.length,
      meanScore: mean(s),
      normalisedScore: mean(zs.get(applicationId) ?? []),
      meanRank: null as number | null,
      normalisedRank: null as number | null,
      standardError: standardError(s),
      spread,
      flags,
    };
  });
  const meanRanks = competitionRanks(rows.map((r) => r.meanScore));
  const normalisedRanks = competitionRanks(rows.map((r) => r.normalisedScore));
  rows.forEach((row, i) => {
    row.meanRank = meanRanks[i] ?? null;
    row.normalisedRank = normalisedRanks[i] ?? null;
  });
  return rows;
}

/** Order for display under a method: by rank, unranked last, ties in input order (stable sort). */
export function compareByRank(method: 'mean' | 'normalised') {
  const key = method === 'mean' ? 'meanRank' : 'normalisedRank';
  return (a: ApplicationRanking, b: ApplicationRanking): number => (a[key] ?? Number.POSITIVE_INFINITY) - (b[key] ?? Number.POSITIVE_INFINITY) || 0;
}
