import type { TIndicatorAggregation, TIndicatorDirection } from './programme';

// ---- Impact indicators: how a project's reported values add up -----------------------------------------

/** One report's value for an indicator, in milestone order (null: not measured that period). */
export interface IndicatorPoint {
  milestoneKey: string;
  dueAt: string;
  value: number | null;
}

/**
 * A project's values over its reports, with the running figure at each point: SUM adds each period's value
 * (women trained this period), LATEST keeps the state at the last report that gave one (monthly revenue).
 * Points must come in milestone order; a null value leaves the running figure as it was.
 */
export function indicatorSeries(aggregation: TIndicatorAggregation, points: readonly IndicatorPoint[]): Array<IndicatorPoint & { cumulative: number | null }> {
  let running: number | null = null;
  return points.map((point) => {
    if (point.value !== null) running = aggregation === 'SUM' ? (running ?? 0) + point.value : point.value;
    return { ...point, cumulative: running };
  });
}

/** A project's current value: the sum of its values (SUM) or its latest value (LATEST); null when none was given. */
export function aggregateIndicator(aggregation: TIndicatorAggregation, points: readonly IndicatorPoint[]): number | null {
  const series = indicatorSeries(aggregation, points);
  return series.length === 0 ? null : series[series.length - 1]!.cumulative;
}

/**
 * How far a value is towards its target, 1 meaning reached: value / target when higher is better, target / value
 * when lower is better (a value of 0 then counts as reached). Null without a value or a target.
 */
export function indicatorProgress(direction: TIndicatorDirection, value: number | null, target: number | null): number | null {
  if (value === null || target === null) return null;
  if (direction === 'HIGHER_IS_BETTER') return target === 0 ? 1 : value / target;
  return value <= 0 ? 1 : target / value;
}

/**
 * Across projects, an indicator's total is the sum of the projects' current values whatever the aggregation
 * (trained women of all projects, jobs held now in all projects); null when no project gave one.
 */
export function totalAcrossProjects(values: ReadonlyArray<number | null>): { value: number | null; projects: number } {
  let total: number | null = null;
  let projects = 0;
  for (const value of values) {
    if (value === null) continue;
    total = (total ?? 0) + value;
    projects += 1;
  }
  return { value: total, projects };
}
