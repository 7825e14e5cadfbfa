import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('gives the same numbers for the same seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const drawn = Array.from({ length: 1000 }, () => a());
    expect(drawn).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(drawn.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(drawn[0]);
  });

  it("is mulberry32: the demo data's draws stay what they were", () => {
    const next = seededRandom(1);
    expect([next(), next(), next()].map((value) => value.toFixed(10))).toEqual(['0.6270739406', '0.0027357212', '0.5274470400']);
  });
});
