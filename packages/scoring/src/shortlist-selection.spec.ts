import { describe, expect, it } from 'vitest';
import { histogramBins, reachingThreshold, topWithTies, type RankedEntry } from './shortlist-selection';

/** Entries a1..an ranked by the given ranks (null = unranked). */
const ranked = (ranks: Array<number | null>): RankedEntry[] => ranks.map((rank, index) => ({ id: `a${index + 1}`, rank, score: rank === null ? null : 100 - rank }));

describe('top N selection', () => {
  it('takes the N best ranks', () => {
    expect(topWithTies(ranked([1, 2, 3, 4, 5]), 3)).toEqual(['a1', 'a2', 'a3']);
  });

  it('includes every application tied at the cut: top 10 with ranks ..., 10, 10, 10 gives 12', () => {
    const ids = topWithTies(ranked([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 13]), 10);
    expect(ids).toHaveLength(12);
    expect(ids).not.toContain('a13');
  });

  it('a tie just before the cut does not widen it: ranks 1, 2, 2, 4 top 3 gives three', () => {
    expect(topWithTies(ranked([1, 2, 2, 4]), 3)).toEqual(['a1', 'a2', 'a3']);
  });

  it('never takes unranked applications, and takes all ranked when N is larger; best first whatever the order given', () => {
    expect(topWithTies(ranked([2, null, 1, null]), 10)).toEqual(['a3', 'a1']);
  });

  it('selects nothing for a missing or non-positive N', () => {
    expect(topWithTies(ranked([1, 2]), 0)).toEqual([]);
    expect(topWithTies(ranked([1, 2]), Number.NaN)).toEqual([]);
    expect(topWithTies([], 5)).toEqual([]);
  });
});

describe('threshold selection', () => {
  const entries: RankedEntry[] = [
    { id: 'a', rank: 1, score: 72.5 },
    { id: 'b', rank: 2, score: 60 },
    { id: 'c', rank: 3, score: 60 - 5e-10 },
    { id: 'd', rank: 4, score: 59.99 },
    { id: 'e', rank: null, score: null },
  ];

  it('keeps scores at or above the threshold (a score shown at it counts), in the order given', () => {
    expect(reachingThreshold(entries, 60)).toEqual(['a', 'b', 'c']);
  });

  it('never selects unscored applications, even at a very low threshold', () => {
    expect(reachingThreshold(entries, -100)).toEqual(['a', 'b', 'c', 'd']);
    expect(reachingThreshold(entries, Number.NaN)).toEqual([]);
  });
});

describe('score distribution', () => {
  it('puts mean scores in 10-point bins, 100 in the last one, unscored nowhere', () => {
    const bins = histogramBins([0, 9.99, 10, 55, 59.9, 90, 100, null]);
    expect(bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 2, 0, 0, 0, 2]);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 2 });
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 2 });
  });
});
