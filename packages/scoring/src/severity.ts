import { jurorStatistics, mean, type SubmittedScore, zScore } from './ranking';

export interface JurorSeverity {
  jurorId: string;
  /** Submitted scorecards the juror wrote in the round. */
  count: number;
  /** Mean of S over the juror's scorecards (harsh: low, lenient: high). */
  meanScore: number;
  /** Population std of S over the juror's scorecards (flat: near 0). */
  spread: number;
  /**
   * Mean of the rule-3 z of the juror's scorecards. By construction this is 0 (z is standardised on the
   * juror's own mu/sigma, and is 0 for < 2 scorecards or sigma = 0); kept because rule 9 names it.
   * Harshness relative to the other jurors is in `meanDeviationFromPeers`.
   */
  meanZ: number;
  /**
   * Mean over the juror's scorecards of (S - mean S of the OTHER jurors on the same application);
   * negative = harsher than co-jurors. Null when none of the juror's applications has another scorecard.
   */
  meanDeviationFromPeers: number | null;
}

/** Rule 9: per juror, mean and spread of S and mean z; jurors in order of first appearance. */
export function jurorSeverity(scorecards: readonly SubmittedScore[]): JurorSeverity[] {
  const stats = jurorStatistics(scorecards);
  const byApplication = new Map<string, { sum: number; count: number }>();
  for (const card of scorecards) {
    const a = byApplication.get(card.applicationId) ?? { sum: 0, count: 0 };
    a.sum += card.score;
    a.count += 1;
    byApplication.set(card.applicationId, a);
  }
  const zs = new Map<string, number[]>();
  const deviations = new Map<string, number[]>();
  for (const card of scorecards) {
    const z = zScore(card.score, stats.get(card.jurorId));
    (zs.get(card.jurorId) ?? zs.set(card.jurorId, []).get(card.jurorId)!).push(z);
    const a = byApplication.get(card.applicationId)!;
    const list = deviations.get(card.jurorId) ?? deviations.set(card.jurorId, []).get(card.jurorId)!;
    if (a.count > 1) list.push(card.score - (a.sum - card.score) / (a.count - 1));
  }
  return [...stats].map(([jurorId, s]) => ({
    jurorId,
    count: s.count,
    meanScore: s.mean,
    spread: s.sigma,
    meanZ: mean(zs.get(jurorId) ?? []) ?? 0,
    meanDeviationFromPeers: mean(deviations.get(jurorId) ?? []),
  }));
}
