/** A criterion as the weighted score needs it. */
export interface WeightedCriterion {
  id: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

/**
 * DESIGN.md rule 1: S = 100 * sum_c w_c * (v_c - min_c) / (max_c - min_c) / sum_c w_c, from 0 to 100.
 * Criteria without a value are left out of both sums (a draft's partial score); null when none has
 * one. Only a complete, submitted scorecard's score counts anywhere in rankings.
 */
export function weightedScore(criteria: readonly WeightedCriterion[], values: ReadonlyMap<string, number | null | undefined> | Record<string, number | null | undefined>): number | null {
  const valueOf = (id: string) => (values instanceof Map ? values.get(id) : (values as Record<string, number | null | undefined>)[id]);
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const value = valueOf(criterion.id);
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    if (!(criterion.weight > 0) || !(criterion.scaleMax > criterion.scaleMin)) continue;
    weighted += (criterion.weight * (value - criterion.scaleMin)) / (criterion.scaleMax - criterion.scaleMin);
    weights += criterion.weight;
  }
  return weights > 0 ? (100 * weighted) / weights : null;
}
