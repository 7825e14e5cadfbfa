import { describe, expect, it } from 'vitest';
import type { SubmittedScore } from './ranking';
import { jurorSeverity } from './severity';

const card = (applicationId: string, jurorId: string, score: number): SubmittedScore => ({ applicationId, jurorId, score });

describe('jurorSeverity (rule 9)', () => {
  it('is empty with no scorecard', () => {
    expect(jurorSeverity([])).toEqual([]);
  });
  it('gives each juror mean, population spread, mean z and deviation from peers, by hand', () => {
    // harsh: A 40, B 20 -> mean 30, spread 10; lenient: A 80, B 60 -> mean 70, spread 10;
    // flat: A 50, B 50 -> spread 0; solo: C 99 (no co-juror on C)
    // peers on A: harsh 40 vs mean(80, 50) = 65 -> -25; on B: 20 vs mean(60, 50) = 55 -> -35; mean -30
    // lenient: A 80 - mean(40, 50) = 35, B 60 - mean(20, 50) = 25 -> 30; flat: A 50 - 60 = -10, B 50 - 40 = 10 -> 0
    const out = jurorSeverity([
      card('A', 'harsh', 40), card('B', 'harsh', 20),
      card('A', 'lenient', 80), card('B', 'lenient', 60),
      card('A', 'flat', 50), card('B', 'flat', 50),
      card('C', 'solo', 99),
    ]);
    expect(out).toEqual([
      { jurorId: 'harsh', count: 2, meanScore: 30, spread: 10, meanZ: 0, meanDeviationFromPeers: -30 },
      { jurorId: 'lenient', count: 2, meanScore: 70, spread: 10, meanZ: 0, meanDeviationFromPeers: 30 },
      { jurorId: 'flat', count: 2, meanScore: 50, spread: 0, meanZ: 0, meanDeviationFromPeers: 0 },
      { jurorId: 'solo', count: 1, meanScore: 99, spread: 0, meanZ: 0, meanDeviationFromPeers: null },
    ]);
  });
  it('mean z of a juror\'s own scorecards is 0 (z is standardised per juror), on random data', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const cards: SubmittedScore[] = [];
    for (let a = 0; a < 30; a++) for (let j = 0; j < 5; j++) if (rnd() < 0.5) cards.push(card(`a${a}`, `j${j}`, rnd() * 100));
    for (const s of jurorSeverity(cards)) {
      expect(Math.abs(s.meanZ)).toBeLessThan(1e-9);
      const mine = cards.filter((c) => c.jurorId === s.jurorId).map((c) => c.score);
      const m = mine.reduce((x, y) => x + y, 0) / mine.length;
      expect(s.count).toBe(mine.length);
      expect(s.meanScore).toBeCloseTo(m, 9);
      expect(s.spread).toBeCloseTo(Math.sqrt(mine.reduce((x, y) => x + (y - m) ** 2, 0) / mine.length), 9);
    }
  });
});
