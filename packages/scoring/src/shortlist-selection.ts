/**
 * Selecting a shortlist out of a ranking, and the spread of its scores: the rules the ranking page's
 * tools follow (the API applies them to the whole ranking, whichever page staff are looking at).
 */

/** An application of a ranking under one method: its competition rank (null: unranked) and score. */
export interface RankedEntry {
  id: string;
  rank: number | null;
  score: number | null;
}

/**
 * The `n` best ranked entries, best first. Entries tied with the n-th are all included (ranks 1..9 then
 * three 10s: "top 10" gives 12), so a cut never splits a tie; unranked entries never are.
 */
export function topWithTies(entries: readonly RankedEntry[], n: number): string[] {
  if (!Number.isFinite(n) || n < 1) return [];
  const ranked = entries.filter((entry): entry is RankedEntry & { rank: number } => entry.rank !== null).sort((a, b) => a.rank - b.rank);
  if (ranked.length === 0) return [];
  const cut = ranked[Math.min(Math.floor(n), ranked.length) - 1]!.rank;
  return ranked.filter((entry) => entry.rank <= cut).map((entry) => entry.id);
}

/**
 * Entries whose score reaches the threshold, in the order given. Scores are rounded on screen: a score
 * shown at the threshold counts as reaching it (1e-9 tolerance). Unscored entries never do.
 */
export function reachingThreshold(entries: readonly RankedEntry[], threshold: number): string[] {
  if (!Number.isFinite(threshold)) return [];
  return entries.filter((entry) => entry.score !== null && entry.score >= threshold - 1e-9).map((entry) => entry.id);
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Mean scores (0-100) in 10-point bins 0-10, ..., 90-100 (100 falls in the last one); unscored in none. */
export function histogramBins(scores: Iterable<number | null>): HistogramBin[] {
  const bins: HistogramBin[] = Array.from({ length: 10 }, (_, index) => ({ from: index * 10, to: index * 10 + 10, count: 0 }));
  for (const score of scores) {
    if (score === null || !Number.isFinite(score)) continue;
    const index = Math.min(9, Math.max(0, Math.floor(score / 10)));
    bins[index]!.count += 1;
  }
  return bins;
}
