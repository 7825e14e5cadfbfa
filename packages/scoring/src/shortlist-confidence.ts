import { SCORE_EPSILON, type SubmittedScore } from './ranking';
import { seededRandom } from './seeded-random';

/** The shortlist: the k best applications (ties at the k-th score included), or every one scoring at least a threshold. */
export type ShortlistCut = { size: number } | { threshold: number };

export type RankingMethod = 'mean' | 'normalised';

export interface ShortlistConfidenceInput {
  /** Every application of the round (the result follows this order). */
  applicationIds: readonly string[];
  /** The round's SUBMITTED scorecards. */
  scorecards: readonly SubmittedScore[];
  method: RankingMethod;
  cut: ShortlistCut;
  /** Bootstrap resamples; at least 500 for a figure worth showing. */
  resamples?: number;
  seed?: number;
}

export const DEFAULT_RESAMPLES = 500;
export const DEFAULT_CONFIDENCE_SEED = 20261203;

/**
 * Scorecards as flat typed arrays: the cards of application a are cardJuror/cardScore[start[a] .. start[a] + count[a]).
 * Cards of applications outside `applicationIds` still count for the jurors' statistics (as in rankRound).
 */
export interface PackedRound {
  applications: number;
  jurors: number;
  start: Int32Array;
  count: Int32Array;
  cardJuror: Int32Array;
  cardScore: Float64Array;
  /** Cards of other applications (juror statistics only). */
  otherJuror: Int32Array;
  otherScore: Float64Array;
}

export function packRound(applicationIds: readonly string[], scorecards: readonly SubmittedScore[]): PackedRound {
  const appIndex = new Map<string, number>();
  applicationIds.forEach((id) => {
    if (!appIndex.has(id)) appIndex.set(id, appIndex.size);
  });
  const jurorIndex = new Map<string, number>();
  const juror = (id: string) => jurorIndex.get(id) ?? jurorIndex.set(id, jurorIndex.size).get(id)!;
  const n = appIndex.size;
  const count = new Int32Array(n);
  const others: SubmittedScore[] = [];
  for (const card of scorecards) {
    const a = appIndex.get(card.applicationId);
    if (a === undefined) others.push(card);
    else count[a]! += 1;
  }
  const start = new Int32Array(n);
  for (let a = 1; a < n; a++) start[a] = start[a - 1]! + count[a - 1]!;
  const total = n === 0 ? 0 : start[n - 1]! + count[n - 1]!;
  const cardJuror = new Int32Array(total);
  const cardScore = new Float64Array(total);
  const filled = new Int32Array(n);
  for (const card of scorecards) {
    const a = appIndex.get(card.applicationId);
    if (a === undefined) continue;
    const at = start[a]! + filled[a]!;
    filled[a]! += 1;
    cardJuror[at] = juror(card.jurorId);
    cardScore[at] = card.score;
  }
  const otherJuror = Int32Array.from(others, (card) => juror(card.jurorId));
  const otherScore = Float64Array.from(others, (card) => card.score);
  return { applications: n, jurors: jurorIndex.size, start, count, cardJuror, cardScore, otherJuror, otherScore };
}

/**
 * Each application's score under the method (rules 2 and 3) from the cards picked in `picked` (indexes into
 * the packed cards, application by application, as many as it has): NaN for an application with none.
 * Work arrays are passed in so a resampling loop allocates nothing.
 */
function scoresOf(round: PackedRound, picked: Int32Array, method: RankingMethod, out: Float64Array, sums: Float64Array, squares: Float64Array, counts: Int32Array): void {
  const { applications, start, count, cardJuror, cardScore } = round;
  if (method === 'normalised') {
    sums.fill(0);
    squares.fill(0);
    counts.fill(0);
    for (let i = 0; i < picked.length; i++) {
      const card = picked[i]!;
      const j = cardJuror[card]!;
      const s = cardScore[card]!;
      sums[j]! += s;
      squares[j]! += s * s;
      counts[j]! += 1;
    }
    for (let i = 0; i < round.otherJuror.length; i++) {
      const j = round.otherJuror[i]!;
      const s = round.otherScore[i]!;
      sums[j]! += s;
      squares[j]! += s * s;
      counts[j]! += 1;
    }
    // mu_j in `sums`, 1 / sigma_j in `squares` (0 where z is 0 by rule 3).
    for (let j = 0; j < round.jurors; j++) {
      const n = counts[j]!;
      if (n === 0) continue;
      const mu = sums[j]! / n;
      const sigma = Math.sqrt(Math.max(0, squares[j]! / n - mu * mu));
      sums[j] = mu;
      squares[j] = n < 2 || sigma < SCORE_EPSILON ? 0 : 1 / sigma;
    }
  }
  for (let a = 0; a < applications; a++) {
    const n = count[a]!;
    if (n === 0) {
      out[a] = Number.NaN;
      continue;
    }
    let total = 0;
    for (let k = start[a]!, end = start[a]! + n; k < end; k++) {
      const card = picked[k]!;
      if (method === 'mean') total += cardScore[card]!;
      else {
        const j = cardJuror[card]!;
        total += (cardScore[card]! - sums[j]!) * squares[j]!;
      }
    }
    out[a] = total / n;
  }
}

/** The k-th largest of the finite values (1-based); -Infinity when fewer than k. Reorders `work`. */
export function kthLargest(values: Float64Array, k: number, work: Float64Array): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) work[m++] = values[i]!;
  if (k < 1 || m < k) return Number.NEGATIVE_INFINITY;
  // Quickselect for position k - 1 in descending order.
  let lo = 0;
  let hi = m - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = work[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (work[i]! > pivot) i++;
      while (work[j]! < pivot) j--;
      if (i <= j) {
        const t = work[i]!;
        work[i] = work[j]!;
        work[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return work[target]!;
}

/** The score an application must reach to be in the shortlist, for scores `scores` (NaN = unscored). */
export function cutScore(scores: Float64Array, cut: ShortlistCut, work: Float64Array = new Float64Array(scores.length)): number {
  return 'size' in cut ? kthLargest(scores, cut.size, work) : cut.threshold;
}

/**
 * Each application's probability of being in the shortlist: the share of bootstrap resamples (each
 * application's submitted scorecards drawn again with replacement, as many as it has; the jurors' mu and
 * sigma recomputed from the drawn cards) in which it is in the shortlist under the method. Null for an
 * application without a submitted scorecard. Deterministic for a given seed.
 */
export function shortlistConfidence(input: ShortlistConfidenceInput): (number | null)[] {
  const round = packRound(input.applicationIds, input.scorecards);
  const resamples = input.resamples ?? DEFAULT_RESAMPLES;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError('resamples must be a positive whole number');
  const random = seededRandom(input.seed ?? DEFAULT_CONFIDENCE_SEED);
  const n = round.applications;
  const picked = new Int32Array(round.cardJuror.length);
  const scores = new Float64Array(n);
  const work = new Float64Array(n);
  const sums = new Float64Array(round.jurors);
  const squares = new Float64Array(round.jurors);
  const counts = new Int32Array(round.jurors);
  const inShortlist = new Int32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let a = 0; a < n; a++) {
      const first = round.start[a]!;
      const size = round.count[a]!;
      for (let k = 0; k < size; k++) picked[first + k] = first + Math.floor(random() * size);
    }
    scoresOf(round, picked, input.method, scores, sums, squares, counts);
    const cut = cutScore(scores, input.cut, work);
    for (let a = 0; a < n; a++) if (scores[a]! >= cut - SCORE_EPSILON) inShortlist[a]! += 1;
  }
  const seen = new Set<string>();
  let index = 0;
  const probability = new Map<string, number | null>();
  for (const id of input.applicationIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    probability.set(id, round.count[index]! === 0 ? null : inShortlist[index]! / resamples);
    index++;
  }
  return input.applicationIds.map((id) => probability.get(id) ?? null);
}
