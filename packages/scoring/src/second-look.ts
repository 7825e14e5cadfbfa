import { jurorStatistics, rankRound, SCORE_EPSILON, standardError, type SubmittedScore, zScore } from './ranking';
import type { RankingMethod, ShortlistCut } from './shortlist-confidence';

export interface SecondLookJuror {
  id: string;
  /** The juror's assignments in the round so far (written or not). */
  load: number;
}

/** How many extra scorecards: in all, or as many for each juror of the round. */
export type SecondLookBudget = { total: number } | { perJuror: number };

export interface SecondLookInput {
  /** Every application of the round (ties in priority follow this order). */
  applicationIds: readonly string[];
  /** The round's SUBMITTED scorecards. */
  scorecards: readonly SubmittedScore[];
  required: number;
  disagreementThreshold: number;
  method: RankingMethod;
  cut: ShortlistCut;
  /** The jurors who may take more work (ties in load follow this order). */
  jurors: readonly SecondLookJuror[];
  /** True when the juror must not get the application: already assigned to it, or any conflict (declared, confirmed or suggested). */
  excluded: (applicationId: string, jurorId: string) => boolean;
  budget: SecondLookBudget;
}

/** Why an application was picked: it lacks scorecards, its jurors disagree, or its side of the cut is uncertain. */
export type SecondLookReason = 'INCOMPLETE' | 'DISAGREEMENT' | 'NEAR_CUT';

export interface SecondLookPick {
  applicationId: string;
  jurorId: string;
  reason: SecondLookReason;
  /** The application's score under the method before the second look; null without a scorecard. */
  score: number | null;
  /** Standard error of that score (of the mean z under the normalised method); null where n < 2. */
  standardError: number | null;
  /** |score - cut| / standard error when picked (counting the extra scorecards already planned for it); null when undefined. */
  distance: number | null;
}

export interface SecondLookPlan {
  /** The score halfway between the last application in the shortlist and the first one out (or the threshold); null when every scored application is in. */
  cut: number | null;
  picks: SecondLookPick[];
  jurors: Array<{ jurorId: string; before: number; added: number; after: number }>;
  /** Extra scorecards of the budget no eligible juror was left for. */
  unplaced: number;
}

interface Candidate {
  order: number;
  applicationId: string;
  /** Submitted scorecards plus those planned for it. */
  n: number;
  score: number | null;
  standardError: number | null;
  /** 0: INCOMPLETE, 1: DISAGREEMENT near the cut, 2: the rest; lower goes first. */
  tier: number;
  distance: number;
}

/**
 * An application whose jurors disagree goes first only while its place is in play: within this many
 * standard errors of the cut. Far from the cut, one more scorecard cannot move it across.
 */
export const DISAGREEMENT_IN_PLAY = 2;

/**
 * Plans a second look: the budget's extra scorecards go, one at a time, to the application whose side of
 * the cut is least certain — INCOMPLETE ones first, then those whose jurors disagree (while within
 * DISAGREEMENT_IN_PLAY standard errors of the cut), then by |score - cut| / standard error, smallest first;
 * an application picked again has its standard error scaled as one more scorecard would (sqrt(n / (n + 1))).
 * Each goes to one of the jurors with the fewest extra scorecards so far (so extra loads stay within 1
 * of each other), who is not excluded from the application and not already planned for it, the least
 * loaded first; when none of them may take the least certain application, the next one is tried, and a
 * juror left with nothing they may take (or at the per-juror budget) stops counting. Deterministic for
 * the same input.
 */
export function planSecondLook(input: SecondLookInput): SecondLookPlan {
  const { cut, candidates } = candidatesOf(input);
  const total = 'total' in input.budget ? input.budget.total : input.budget.perJuror * input.jurors.length;
  const perJurorCap = 'perJuror' in input.budget ? input.budget.perJuror : Number.POSITIVE_INFINITY;
  if (!Number.isInteger(total) || total < 0) throw new RangeError('the budget must be a whole number of scorecards, 0 or more');
  const added = input.jurors.map(() => 0);
  // Jurors who can still take one: under the per-juror budget, with an application left they may get.
  const open = new Set(input.jurors.map((_, j) => j));
  const taken = new Map<string, Set<number>>();
  const eligible = (c: Candidate, j: number) => !taken.get(c.applicationId)?.has(j) && !input.excluded(c.applicationId, input.jurors[j]!.id);
  const queue = candidates.slice().sort(byPriority);
  const picks: SecondLookPick[] = [];
  while (picks.length < total && open.size > 0 && queue.length > 0) {
    // Only the jurors with the fewest extra scorecards may take the next one: extra loads stay within 1.
    const fewest = Math.min(...[...open].map((j) => added[j]!));
    const level = [...open].filter((j) => added[j] === fewest);
    let at = -1;
    let chosen = -1;
    for (let i = 0; i < queue.length && chosen === -1; i++) {
      for (const j of level) {
        if (!eligible(queue[i]!, j)) continue;
        if (chosen === -1 || input.jurors[j]!.load < input.jurors[chosen]!.load) chosen = j;
      }
      if (chosen !== -1) at = i;
    }
    if (chosen === -1) {
      // Nothing left that these jurors may take.
      for (const j of level) open.delete(j);
      continue;
    }
    const next = queue[at]!;
    taken.set(next.applicationId, (taken.get(next.applicationId) ?? new Set<number>()).add(chosen));
    added[chosen]! += 1;
    if (added[chosen]! >= perJurorCap) open.delete(chosen);
    picks.push({
      applicationId: next.applicationId,
      jurorId: input.jurors[chosen]!.id,
      reason: next.tier === 0 ? 'INCOMPLETE' : next.tier === 1 ? 'DISAGREEMENT' : 'NEAR_CUT',
      score: next.score,
      standardError: next.standardError,
      distance: Number.isFinite(next.distance) && next.standardError !== null ? next.distance : null,
    });
    // One more scorecard planned: its standard error shrinks as sqrt(n / (n + 1)); a flag it answered goes.
    if (next.n >= 2) next.distance *= Math.sqrt((next.n + 1) / next.n);
    next.n += 1;
    if (next.tier === 1 || (next.tier === 0 && next.n >= input.required)) next.tier = 2;
    queue.splice(at, 1);
    if (input.jurors.some((_, j) => eligible(next, j))) {
      let i = at;
      while (i < queue.length && byPriority(queue[i]!, next) <= 0) i++;
      queue.splice(i, 0, next);
    }
  }
  return {
    cut,
    picks,
    jurors: input.jurors.map((juror, j) => ({ jurorId: juror.id, before: juror.load, added: added[j]!, after: juror.load + added[j]! })),
    unplaced: total - picks.length,
  };
}

/** INCOMPLETE first, then disagreement in play, then the smallest distance; ties in the round's order. */
function byPriority(a: Candidate, b: Candidate): number {
  return a.tier - b.tier || (a.distance === b.distance ? 0 : a.distance < b.distance ? -1 : 1) || a.order - b.order;
}

/** Every application's score, standard error and priority under the method, and the score at the cut. */
function candidatesOf(input: SecondLookInput): { cut: number | null; candidates: Candidate[] } {
  const rows = rankRound({ applicationIds: input.applicationIds, scorecards: input.scorecards, required: input.required, disagreementThreshold: input.disagreementThreshold });
  const errors = new Map<string, number | null>();
  if (input.method === 'normalised') {
    const stats = jurorStatistics(input.scorecards);
    const zs = new Map<string, number[]>();
    for (const card of input.scorecards) (zs.get(card.applicationId) ?? zs.set(card.applicationId, []).get(card.applicationId)!).push(zScore(card.score, stats.get(card.jurorId)));
    for (const [id, values] of zs) errors.set(id, standardError(values));
  }
  const scoreOf = (row: (typeof rows)[number]) => (input.method === 'mean' ? row.meanScore : row.normalisedScore);
  const errorOf = (row: (typeof rows)[number]) => (input.method === 'mean' ? row.standardError : (errors.get(row.applicationId) ?? null));
  const cut = cutBetween(
    rows.map(scoreOf).filter((s): s is number => s !== null),
    input.cut,
  );
  // A standard error of 0 (jurors who happened to agree exactly) is not certainty: it counts as half the typical one.
  const positive = rows.map(errorOf).filter((e): e is number => e !== null && e > SCORE_EPSILON).sort((a, b) => a - b);
  const floor = positive.length > 0 ? positive[positive.length >> 1]! / 2 : SCORE_EPSILON;
  const candidates = rows.map((row, order): Candidate => {
    const score = scoreOf(row);
    const error = errorOf(row);
    const distance = score === null || error === null ? 0 : cut === null ? Number.POSITIVE_INFINITY : Math.abs(score - cut) / Math.max(error, floor);
    const incomplete = row.flags.includes('INCOMPLETE');
    const disagreement = row.flags.includes('DISAGREEMENT');
    return {
      order,
      applicationId: row.applicationId,
      n: row.submitted,
      score,
      standardError: error,
      tier: incomplete ? 0 : disagreement && distance <= DISAGREEMENT_IN_PLAY ? 1 : 2,
      distance,
    };
  });
  return { cut, candidates };
}

/** Halfway between the k-th and the (k+1)-th best scores (null when k or fewer are scored), or the threshold. */
export function cutBetween(scores: readonly number[], cut: ShortlistCut): number | null {
  if ('threshold' in cut) return cut.threshold;
  if (scores.length <= cut.size || cut.size < 1) return null;
  const sorted = [...scores].sort((a, b) => b - a);
  return (sorted[cut.size - 1]! + sorted[cut.size]!) / 2;
}
