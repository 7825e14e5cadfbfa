import { describe, expect, it } from 'vitest';
import { roundedShares } from './shares';

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('roundedShares', () => {
  it('adds up to exactly 100 where rounding each share would not', () => {
    expect(roundedShares([1, 1, 1])).toEqual([34, 33, 33]);
    expect(roundedShares([1, 1, 1]).reduce((a, b) => a + b, 0)).toBe(100);
    // 3 x 16.67 rounds to 17 each and 3 x 16.67 + 50 would show 101.
    expect(roundedShares([1, 1, 1, 3])).toEqual([17, 17, 16, 50]);
  });

  it('gives the missing units to the largest remainders', () => {
    // 14.9, 35.1, 50 -> floors 14, 35, 50; the unit goes to 14.9.
    expect(roundedShares([14.9, 35.1, 50])).toEqual([15, 35, 50]);
  });

  it('keeps exact shares as they are', () => {
    expect(roundedShares([3, 1])).toEqual([75, 25]);
    expect(roundedShares([2, 2, 4, 2])).toEqual([20, 20, 40, 20]);
  });

  it('works with decimals', () => {
    expect(roundedShares([1, 1, 1], 1)).toEqual([33.4, 33.3, 33.3]);
  });

  it('gives 0 to weights that are not positive and to an empty or zero total', () => {
    expect(roundedShares([])).toEqual([]);
    expect(roundedShares([0, 0])).toEqual([0, 0]);
    expect(roundedShares([Number.NaN, 1, -2])).toEqual([0, 100, 0]);
  });

  it('adds up to 100 for many random weight sets, each share within 1 of its exact value', () => {
    const random = generator(20260301);
    for (let run = 0; run < 2000; run += 1) {
      const count = 1 + Math.floor(random() * 12);
      const weights = Array.from({ length: count }, () => (random() < 0.5 ? 1 + Math.floor(random() * 10) : random() * 100));
      const shares = roundedShares(weights);
      const total = weights.reduce((a, b) => a + b, 0);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
      shares.forEach((share, index) => {
        expect(Number.isInteger(share)).toBe(true);
        expect(Math.abs(share - (100 * weights[index]!) / total)).toBeLessThan(1);
      });
    }
  });
});
