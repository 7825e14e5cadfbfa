import { describe, expect, it } from 'vitest';
import { weightedScore } from './weighted-score';

const criteria = [
  { id: 'impact', weight: 3, scaleMin: 0, scaleMax: 5 },
  { id: 'model', weight: 1, scaleMin: 1, scaleMax: 10 },
];

describe('weightedScore (rule 1)', () => {
  it('weights each criterion by its share, on a 0-100 scale', () => {
    // impact 4/5 -> 0.8, model 7 on 1..10 -> 6/9; (3*0.8 + 1*6/9) / 4 * 100
    expect(weightedScore(criteria, { impact: 4, model: 7 })).toBeCloseTo(((3 * 0.8 + 6 / 9) / 4) * 100, 10);
  });
  it('is 0 at every minimum and 100 at every maximum', () => {
    expect(weightedScore(criteria, { impact: 0, model: 1 })).toBe(0);
    expect(weightedScore(criteria, new Map([['impact', 5], ['model', 10]]))).toBe(100);
  });
  it('leaves unscored criteria out of a draft, and is null with nothing scored', () => {
    expect(weightedScore(criteria, { impact: 5 })).toBe(100);
    expect(weightedScore(criteria, { impact: null })).toBeNull();
  });
});
