import type { TJuryRankingItem } from './jury-api';

/**
 * The juror's scorecards best first: by weighted score (higher first), cards without a score last,
 * then by label so the order is stable. The API already sorts; this keeps the page right whatever
 * order arrives (and is what the page's test checks).
 */
export function orderRanking(items: readonly TJuryRankingItem[]): TJuryRankingItem[] {
  return [...items].sort((a, b) => {
    if (a.weightedScore === null && b.weightedScore === null) return a.applicationLabel.localeCompare(b.applicationLabel);
    if (a.weightedScore === null) return 1;
    if (b.weightedScore === null) return -1;
    if (Math.abs(b.weightedScore - a.weightedScore) > 1e-9) return b.weightedScore - a.weightedScore;
    return a.applicationLabel.localeCompare(b.applicationLabel);
  });
}
