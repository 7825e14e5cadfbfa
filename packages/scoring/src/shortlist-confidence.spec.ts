import { describe, expect, it } from 'vitest';
import type { SubmittedScore } from './ranking';
import { cutScore, kthLargest, packRound, shortlistConfidence } from './shortlist-confidence';
import { seededRandom } from './seeded-random';

const card = (applicationId: string, jurorId: string, score: number): SubmittedScore => ({ applicationId, jurorId, score });

describe('kthLargest', () => {
  it('finds the k-th largest of the scored values, ignoring NaN, like a full sort', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 40);
      const values = Float64Array.from({ length: n }, () => (random() < 0.1 ? Number.NaN : Math.round(random() * 20) / 2));
      const sorted = [...values].filter((v) => !Number.isNaN(v)).sort((a, b) => b - a);
      const k = 1 + Math.floor(random() * n);
      expect(kthLargest(values, k, new Float64Array(n))).toBe(k <= sorted.length ? sorted[k - 1] : Number.NEGATIVE_INFINITY);
    }
  });
  it('a threshold cut is the threshold itself', () => {
    expect(cutScore(Float64Array.from([1, 2, 3]), { threshold: 2.5 })).toBe(2.5);
    expect(cutScore(Float64Array.from([1, 2, 3]), { size: 2 })).toBe(2);
  });
});

describe('packRound', () => {
  it('groups the cards by application in the given order and keeps other applications for the jurors only', () => {
    const round = packRound(['b', 'a'], [card('a', 'j1', 10), card('x', 'j2', 50), card('b', 'j2', 20), card('a', 'j2', 30)]);
    expect(round.applications).toBe(2);
    expect([...round.count]).toEqual([1, 2]);
    expect([...round.cardScore]).toEqual([20, 10, 30]);
    expect([...round.otherScore]).toEqual([50]);
    expect(round.jurors).toBe(2);
  });
});

describe('shortlistConfidence', () => {
  it('is certain where the scorecards leave no doubt, and null without a scorecard', () => {
    const cards = [card('a', 'j1', 90), card('a', 'j2', 92), card('b', 'j1', 10), card('b', 'j2', 12), card('c', 'j1', 50), card('c', 'j2', 48)];
    const p = shortlistConfidence({ applicationIds: ['a', 'b', 'c', 'd'], scorecards: cards, method: 'mean', cut: { size: 1 }, resamples: 300 });
    expect(p).toEqual([1, 0, 0, null]);
  });
  it('sums to k over the applications when no resample has ties at the cut, and is deterministic for a seed', () => {
    const random = seededRandom(11);
    const ids = Array.from({ length: 30 }, (_, i) => `a${i}`);
    const cards = ids.flatMap((id, i) => [0, 1, 2].map((k) => card(id, `j${(i + k * 7) % 9}`, 40 + i + random() * 30)));
    const input = { applicationIds: ids, scorecards: cards, method: 'normalised' as const, cut: { size: 5 }, resamples: 500, seed: 3 };
    const p = shortlistConfidence(input);
    expect(p.reduce((sum: number, x) => sum + (x ?? 0), 0)).toBeCloseTo(5, 9);
    expect(shortlistConfidence(input)).toEqual(p);
    expect(shortlistConfidence({ ...input, seed: 4 })).not.toEqual(p);
    // The best-scored application is the surest, the worst never in.
    expect(Math.max(...p.map((x) => x ?? 0))).toBeGreaterThan(0.8);
    expect(p[0]).toBe(0);
  });
  it('a threshold cut counts every application at or above it', () => {
    const cards = [card('a', 'j1', 70), card('a', 'j2', 70), card('b', 'j1', 55), card('b', 'j2', 85)];
    const p = shortlistConfidence({ applicationIds: ['a', 'b'], scorecards: cards, method: 'mean', cut: { threshold: 70 }, resamples: 2000 });
    expect(p[0]).toBe(1);
    // b's resampled mean is 55 (1/4), 70 (1/2) or 85 (1/4): at or above 70 three times in four.
    expect(p[1]).toBeGreaterThan(0.7);
    expect(p[1]).toBeLessThan(0.8);
  });
  it('refuses a resample count that is not a positive whole number', () => {
    expect(() => shortlistConfidence({ applicationIds: [], scorecards: [], method: 'mean', cut: { size: 1 }, resamples: 0 })).toThrow(RangeError);
  });
});
