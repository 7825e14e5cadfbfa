import { describe, expect, it } from 'vitest';
import { type CodedValue, krippendorffAlphaInterval, reliabilityReading } from './reliability';

/**
 * Independent, straightforward implementation from the coincidence-matrix definition (Krippendorff 2011):
 * o_ck = sum_u (number of ordered pairs (c, k) from different coders in u) / (m_u - 1), n_c = sum_k o_ck,
 * n = sum_c n_c, alpha = 1 - (n - 1) * sum_ck o_ck d2(c, k) / sum_ck n_c n_k d2(c, k), d2 = (c - k)^2.
 */
function bruteAlpha(data: CodedValue[]): number | null {
  const units = new Map<string, CodedValue[]>();
  for (const d of data) units.set(d.unitId, [...(units.get(d.unitId) ?? []), d]);
  const o = new Map<string, number>(); // key "c|k"
  const values = new Set<number>();
  for (const list of units.values()) {
    const m = list.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const c = list[i]!.value;
        const k = list[j]!.value;
        values.add(c).add(k);
        o.set(`${c}|${k}`, (o.get(`${c}|${k}`) ?? 0) + 1 / (m - 1));
      }
  }
  const vs = [...values];
  const nc = new Map(vs.map((c) => [c, vs.reduce((s, k) => s + (o.get(`${c}|${k}`) ?? 0), 0)]));
  const n = [...nc.values()].reduce((s, x) => s + x, 0);
  let num = 0;
  let den = 0;
  for (const c of vs)
    for (const k of vs) {
      num += (o.get(`${c}|${k}`) ?? 0) * (c - k) ** 2;
      den += nc.get(c)! * nc.get(k)! * (c - k) ** 2;
    }
  if (n < 2 || den === 0) return null;
  return 1 - ((n - 1) * num) / den;
}

/** Rows = observers A-D, columns = units 1-12, null = missing (Krippendorff 2011, "Computing ...", section C). */
const textbook: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const toData = (rows: (number | null)[][]): CodedValue[] =>
  rows.flatMap((row, coder) => row.flatMap((value, unit) => (value === null ? [] : [{ unitId: `u${unit}`, coderId: `c${coder}`, value }])));

describe('krippendorffAlphaInterval (rule 8)', () => {
  it('reproduces the textbook interval alpha 0.849 (Krippendorff 2011 reliability data, 4 observers x 12 units)', () => {
    const data = toData(textbook);
    const alpha = krippendorffAlphaInterval(data)!;
    expect(alpha).toBeCloseTo(0.849, 3);
    expect(alpha).toBeCloseTo(bruteAlpha(data)!, 12);
  });
  it('matches a hand computation: units (1, 2) and (3, 3) -> 8/11', () => {
    // n = 4; D_o = (2 * 1^2 / 1) / 4 = 0.5; sum over ordered pairs of all 4 values = 2 (4 * 23 - 9^2) = 22,
    // D_e = 22 / (4 * 3) = 11/6; alpha = 1 - 0.5 / (11/6) = 8/11
    const data = toData([[1, 3], [2, 3]]);
    expect(krippendorffAlphaInterval(data)).toBeCloseTo(8 / 11, 12);
  });
  it('drops units with a single value (not pairable)', () => {
    const base = toData([[1, 3], [2, 3]]);
    expect(krippendorffAlphaInterval([...base, { unitId: 'lonely', coderId: 'c0', value: 100 }])).toBeCloseTo(8 / 11, 12);
  });
  it('perfect agreement -> 1', () => {
    expect(krippendorffAlphaInterval(toData([[10, 55.5, 70, 3], [10, 55.5, 70, 3], [10, null, 70, 3]]))).toBe(1);
  });
  it('all values equal -> null (no expected disagreement)', () => {
    expect(krippendorffAlphaInterval(toData([[4, 4, 4], [4, 4, null]]))).toBeNull();
    expect(krippendorffAlphaInterval(toData([[0.1 + 0.2, 0.3], [0.3, 0.3]]))).toBeNull();
  });
  it('one coder, no data, or no pairable unit -> null', () => {
    expect(krippendorffAlphaInterval(toData([[1, 2, 3, 4]]))).toBeNull();
    expect(krippendorffAlphaInterval([])).toBeNull();
    expect(krippendorffAlphaInterval(toData([[1, null], [null, 2]]))).toBeNull();
  });
  it('systematic disagreement goes below 0', () => {
    // coders reverse each other
    expect(krippendorffAlphaInterval(toData([[1, 2, 3], [3, 2, 1]]))!).toBeLessThan(0);
  });
  it('is unchanged by shifting or scaling all values (interval metric)', () => {
    const data = toData(textbook);
    const a = krippendorffAlphaInterval(data)!;
    expect(krippendorffAlphaInterval(data.map((d) => ({ ...d, value: 25 * d.value + 1000 })))).toBeCloseTo(a, 12);
  });
  it('ignores non-finite values and rejects two values by one coder for one unit', () => {
    const base = toData([[1, 3], [2, 3]]);
    expect(krippendorffAlphaInterval([...base, { unitId: 'u0', coderId: 'c9', value: Number.NaN }])).toBeCloseTo(8 / 11, 12);
    expect(() => krippendorffAlphaInterval([...base, { unitId: 'u0', coderId: 'c0', value: 5 }])).toThrow(RangeError);
  });
  it('agrees with the coincidence-matrix implementation on random data with missing values', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 100; t++) {
      const coders = 1 + Math.floor(rnd() * 6);
      const units = 1 + Math.floor(rnd() * 20);
      const rows = Array.from({ length: coders }, () => Array.from({ length: units }, () => (rnd() < 0.35 ? null : Math.round(rnd() * 10) * 10)));
      const data = toData(rows);
      const expected = bruteAlpha(data);
      const actual = krippendorffAlphaInterval(data);
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected, 9);
    }
  });
});

describe('reliabilityReading', () => {
  it('reads >= 0.8 good, >= 0.667 tentative, below low', () => {
    expect(reliabilityReading(1)).toBe('GOOD');
    expect(reliabilityReading(0.8)).toBe('GOOD');
    expect(reliabilityReading(0.7999)).toBe('TENTATIVE');
    expect(reliabilityReading(0.667)).toBe('TENTATIVE');
    expect(reliabilityReading(0.6669)).toBe('LOW');
    expect(reliabilityReading(-0.5)).toBe('LOW');
  });
});
