/** One coded value: a juror's (coder's) value for an application (unit). */
export interface CodedValue {
  unitId: string;
  coderId: string;
  value: number;
}

export type ReliabilityReading = 'GOOD' | 'TENTATIVE' | 'LOW';

/**
 * Rule 8: Krippendorff's alpha with the interval metric (delta^2 = (a - b)^2), missing values allowed.
 * Units with fewer than 2 values are not pairable and are dropped; n = number of pairable values.
 *   D_o = 1/n * sum_u 1/(m_u - 1) * sum_{i != j in u} (v_i - v_j)^2
 *   D_e = 1/(n (n - 1)) * sum_{i != j over all pairable values} (v_i - v_j)^2
 *   alpha = 1 - D_o / D_e
 * D_e in O(values) with sum_{i != j} (v_i - v_j)^2 = 2 (m * sum v^2 - (sum v)^2), about the mean for
 * stability; D_o pairwise within each unit (O(sum m_u^2), so perfect agreement gives exactly 1). Null when undefined: no pairable value or zero expected disagreement (all values equal).
 * A coder giving two values for one unit is an error (RangeError). Non-finite values are ignored.
 */
export function krippendorffAlphaInterval(data: readonly CodedValue[]): number | null {
  const units = new Map<string, Map<string, number>>();
  for (const { unitId, coderId, value } of data) {
    if (!Number.isFinite(value)) continue;
    const unit = units.get(unitId) ?? units.set(unitId, new Map()).get(unitId)!;
    if (unit.has(coderId)) throw new RangeError(`coder ${coderId} has two values for unit ${unitId}`);
    unit.set(coderId, value);
  }
  const pairable: number[][] = [];
  for (const unit of units.values()) if (unit.size >= 2) pairable.push([...unit.values()]);
  const all = pairable.flat();
  const n = all.length;
  if (n < 2) return null;
  const centre = all.reduce((s, v) => s + v, 0) / n;
  const pairSum = (values: readonly number[]): number => {
    let s1 = 0;
    let s2 = 0;
    for (const v of values) {
      const d = v - centre;
      s1 += d;
      s2 += d * d;
    }
    return Math.max(0, 2 * (values.length * s2 - s1 * s1));
  };
  // Within a unit, pairs directly (units are small: one value per juror), so agreement gives exactly 0.
  let observed = 0;
  for (const values of pairable) {
    let s = 0;
    for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) s += ((values[i] as number) - (values[j] as number)) ** 2;
    observed += (2 * s) / (values.length - 1);
  }
  observed /= n;
  const expected = pairSum(all) / (n * (n - 1));
  if (!(expected > 1e-12)) return null;
  return 1 - observed / expected;
}

/** Plain-words reading of alpha (rule 8): >= 0.8 good, >= 0.667 tentative, below low. */
export function reliabilityReading(alpha: number): ReliabilityReading {
  if (alpha >= 0.8) return 'GOOD';
  if (alpha >= 0.667) return 'TENTATIVE';
  return 'LOW';
}
