import type { TCriterion } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { formatScore, liveScore, missingCriteria, stepValue, typeDigit } from './scorecard-state';

const criterion = (id: string, weight: number, scaleMin: number, scaleMax: number): TCriterion => ({
  id,
  key: id,
  label: { fr: id, ar: id, en: id },
  guidance: null,
  weight,
  scaleMin,
  scaleMax,
  position: 0,
});

describe('typing a score', () => {
  const zeroToFive = { scaleMin: 0, scaleMax: 5 };
  const zeroToTen = { scaleMin: 0, scaleMax: 10 };

  it('sets the typed digit when it is on the scale', () => {
    expect(typeDigit('', '4', zeroToFive)).toEqual({ buffer: '4', value: 4 });
    expect(typeDigit('', '7', zeroToFive)).toEqual({ buffer: '7', value: null });
  });

  it('joins quick digits into one value while it stays on the scale', () => {
    expect(typeDigit('1', '0', zeroToTen)).toEqual({ buffer: '10', value: 10 });
    // "11" is off a 0..10 scale: the second digit starts again.
    expect(typeDigit('1', '1', zeroToTen)).toEqual({ buffer: '1', value: 1 });
    expect(typeDigit('3', '2', zeroToFive)).toEqual({ buffer: '2', value: 2 });
  });

  it('moves with the arrows within the scale', () => {
    expect(stepValue(3, 1, zeroToFive)).toBe(4);
    expect(stepValue(5, 1, zeroToFive)).toBe(5);
    expect(stepValue(0, -1, zeroToFive)).toBe(0);
    expect(stepValue(null, 1, { scaleMin: 1, scaleMax: 10 })).toBe(1);
  });
});

describe('live weighted score (DESIGN.md rule 1)', () => {
  const criteria = [criterion('impact', 3, 0, 5), criterion('team', 1, 1, 10)];

  it('weights each criterion by its share of the scale', () => {
    // 100 * (3 * 4/5 + 1 * 9/9) / 4 = 85
    expect(liveScore(criteria, { values: { impact: 4, team: 10 } })).toBeCloseTo(85, 9);
    expect(liveScore(criteria, { values: { impact: 0, team: 1 } })).toBe(0);
    expect(formatScore(72.456, 'fr')).toBe('72,5');
    expect(formatScore(72.456, 'ar')).toBe('72,5');
  });

  it('is provisional over the scored criteria, and lists the ones still missing', () => {
    expect(liveScore(criteria, { values: { impact: null, team: null } })).toBeNull();
    expect(liveScore(criteria, { values: { impact: 5, team: null } })).toBe(100);
    expect(missingCriteria(criteria, { values: { impact: 5, team: null } }).map((c) => c.id)).toEqual(['team']);
    expect(missingCriteria(criteria, { values: { impact: 6, team: 2 } }).map((c) => c.id)).toEqual(['impact']);
  });
});
