import { describe, expect, it } from 'vitest';
import { rankBallots, type RankedBallot } from './ballot';

const repeat = (count: number, order: string): RankedBallot[] => Array.from({ length: count }, () => ({ order: order.split('') }));

describe('rankBallots (Schulze + Borda)', () => {
  it('orders the classic 45-voter example E > A > C > B > D', () => {
    const ballots = [
      ...repeat(5, 'ACBED'),
      ...repeat(5, 'ADECB'),
      ...repeat(8, 'BEDAC'),
      ...repeat(3, 'CABED'),
      ...repeat(7, 'CAEBD'),
      ...repeat(2, 'CBADE'),
      ...repeat(7, 'DCEBA'),
      ...repeat(8, 'EBADC'),
    ];
    const result = rankBallots(['A', 'B', 'C', 'D', 'E'], ballots);
    expect(result.ranking.map((r) => [r.applicationId, r.rank])).toEqual([
      ['E', 1],
      ['A', 2],
      ['C', 3],
      ['B', 4],
      ['D', 5],
    ]);
    // Pairwise counts and strongest paths as published for this example.
    expect(result.pairwise).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
    expect(result.strongest).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
  });

  it('breaks a cycle at its weakest defeat', () => {
    // A>B 6:3, B>C 7:2, C>A 5:4: the cycle's weakest defeat (C>A, 5) gives way; A wins.
    const ballots = [...repeat(4, 'ABC'), ...repeat(3, 'BCA'), ...repeat(2, 'CAB')];
    const result = rankBallots(['A', 'B', 'C'], ballots);
    expect(result.pairwise).toEqual([
      [0, 6, 4],
      [3, 0, 7],
      [5, 2, 0],
    ]);
    expect(result.ranking.map((r) => [r.applicationId, r.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
  });

  it('gives a Condorcet cycle of equal strength a shared rank, with equal Borda points', () => {
    const result = rankBallots(['A', 'B', 'C'], [{ order: ['A', 'B', 'C'] }, { order: ['B', 'C', 'A'] }, { order: ['C', 'A', 'B'] }]);
    expect(result.ranking.map((r) => r.rank)).toEqual([1, 1, 1]);
    expect(result.ranking.map((r) => r.borda)).toEqual([3, 3, 3]);
    expect(result.ranking.map((r) => r.applicationId)).toEqual(['A', 'B', 'C']);
  });

  it('settles a tied direct duel by the strongest path through the others', () => {
    // d(A,B) = 4 : 2, d(B,C) = 5 : 1, d(A,C) = 3 : 3 (no direct link); A reaches C through B with strength 4.
    const result = rankBallots(['A', 'B', 'C'], [...repeat(3, 'ABC'), ...repeat(2, 'BCA'), ...repeat(1, 'CAB')]);
    expect(result.pairwise[0]![1]).toBe(4);
    expect(result.pairwise[0]![2]).toBe(3);
    expect(result.pairwise[2]![0]).toBe(3);
    expect(result.strongest[0]![2]).toBe(4);
    expect(result.ranking.map((r) => [r.applicationId, r.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
  });

  it('counts Borda points n-1 for a first down to 0, by ballot length for a conflicted juror', () => {
    const result = rankBallots(['A', 'B', 'C', 'D'], [{ order: ['A', 'B', 'C', 'D'] }, { order: ['B', 'A', 'D'] }]);
    const points = Object.fromEntries(result.ranking.map((r) => [r.applicationId, r.borda]));
    expect(points).toEqual({ A: 3 + 1, B: 2 + 2, C: 1, D: 0 });
    // The conflicted juror expresses no preference about C.
    expect(result.pairwise[2]![3]).toBe(1);
    expect(result.pairwise[3]![2]).toBe(0);
    expect(result.pairwise[0]![2]).toBe(1);
  });

  it('shares ranks competition-style: a tie for first, then third', () => {
    const result = rankBallots(['A', 'B', 'C'], [{ order: ['A', 'B', 'C'] }, { order: ['B', 'A', 'C'] }]);
    expect(result.ranking.map((r) => [r.applicationId, r.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
    ]);
  });

  it('handles no ballot (everyone ties) and a single candidate', () => {
    expect(rankBallots(['A', 'B'], []).ranking.map((r) => r.rank)).toEqual([1, 1]);
    expect(rankBallots(['A'], [{ order: ['A'] }]).ranking).toEqual([{ applicationId: 'A', rank: 1, borda: 0, wins: 0 }]);
    expect(rankBallots([], []).ranking).toEqual([]);
  });

  it('refuses a ballot naming an unknown application or one twice', () => {
    expect(() => rankBallots(['A', 'B'], [{ order: ['A', 'Z'] }])).toThrow(RangeError);
    expect(() => rankBallots(['A', 'B'], [{ order: ['A', 'A'] }])).toThrow(RangeError);
  });

  it('is a Condorcet method: a candidate beating every other pairwise ranks first alone', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 200; trial += 1) {
      const candidates = ['A', 'B', 'C', 'D', 'E'].slice(0, 2 + Math.floor(random() * 4));
      const ballots = Array.from({ length: 1 + Math.floor(random() * 9) }, () => ({ order: [...candidates].sort(() => random() - 0.5) }));
      const result = rankBallots(candidates, ballots);
      const n = candidates.length;
      const condorcet = candidates.findIndex((_, i) => candidates.every((__, j) => i === j || result.pairwise[i]![j]! > result.pairwise[j]![i]!));
      if (condorcet >= 0) {
        expect(result.ranking[0]!.applicationId).toBe(candidates[condorcet]);
        expect(result.ranking.filter((r) => r.rank === 1)).toHaveLength(1);
      }
      // Ranks are consistent: a candidate's rank is 1 + the candidates beating it, and Borda totals n(n-1)/2 per ballot.
      expect(result.ranking.reduce((s, r) => s + r.borda, 0)).toBe((ballots.length * n * (n - 1)) / 2);
    }
  });
});
