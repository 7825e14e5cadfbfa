import { describe, expect, it } from 'vitest';
import {
  type ApplicationRanking,
  compareByRank,
  competitionRanks,
  jurorStatistics,
  mean,
  populationStd,
  rankRound,
  sampleStd,
  standardError,
  type SubmittedScore,
  zScore,
} from './ranking';

const card = (applicationId: string, jurorId: string, score: number): SubmittedScore => ({ applicationId, jurorId, score });
const byId = (rows: ApplicationRanking[]) => new Map(rows.map((r) => [r.applicationId, r]));

describe('statistics helpers', () => {
  it('mean: null for none, exact for a constant list', () => {
    expect(mean([])).toBeNull();
    expect(mean([4])).toBe(4);
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([0.1, 0.1, 0.1])).toBe(0.1); // sum/n would give 0.10000000000000002
  });
  it('populationStd divides by n, sampleStd by n - 1', () => {
    expect(populationStd([])).toBeNull();
    expect(populationStd([7])).toBe(0);
    expect(populationStd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2); // textbook example
    expect(sampleStd([7])).toBeNull();
    expect(sampleStd([])).toBeNull();
    expect(sampleStd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(populationStd([0.3, 0.3, 0.3])).toBe(0);
  });
  it('standardError = sample std / sqrt(n), null where n < 2', () => {
    expect(standardError([])).toBeNull();
    expect(standardError([50])).toBeNull();
    expect(standardError([60, 90])).toBeCloseTo(15, 12); // sample std sqrt(450), / sqrt 2
    expect(standardError([5, 5, 5])).toBe(0);
  });
});

describe('competitionRanks (rule 4)', () => {
  it('ranks descending, sharing equal ranks and skipping the next ("1, 2, 2, 4")', () => {
    expect(competitionRanks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([70, 80, 90, 80])).toEqual([4, 2, 1, 2]);
  });
  it('treats differences under 1e-9 as ties, and 1e-9 or more as different', () => {
    expect(competitionRanks([50, 50 + 5e-10, 49])).toEqual([1, 1, 3]);
    expect(competitionRanks([50, 50 + 2e-9])).toEqual([2, 1]);
    expect(competitionRanks([0.1 + 0.2, 0.3])).toEqual([1, 1]);
  });
  it('leaves null and non-finite values unranked', () => {
    expect(competitionRanks([null, 10, null, 20])).toEqual([null, 2, null, 1]);
    expect(competitionRanks([Number.NaN])).toEqual([null]);
    expect(competitionRanks([])).toEqual([]);
  });
  it('all equal: everyone first', () => {
    expect(competitionRanks([3, 3, 3])).toEqual([1, 1, 1]);
  });
  it('matches 1 + (number of strictly greater values) on random integer data with many exact ties', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 200; t++) {
      const values = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => (rnd() < 0.1 ? null : Math.floor(rnd() * 8)));
      const expected = values.map((v) => (v === null ? null : 1 + values.filter((w) => w !== null && w > v).length));
      expect(competitionRanks(values)).toEqual(expected);
    }
  });
});

describe('juror z-scores (rule 3)', () => {
  it('uses the population std of the juror\'s scorecards', () => {
    const stats = jurorStatistics([card('a', 'j', 80), card('b', 'j', 60)]);
    expect(stats.get('j')).toEqual({ count: 2, mean: 70, sigma: 10 });
    expect(zScore(80, stats.get('j'))).toBe(1);
    expect(zScore(60, stats.get('j'))).toBe(-1);
  });
  it('is 0 for a juror with one scorecard, with sigma 0, with float-noise sigma, or unknown', () => {
    const stats = jurorStatistics([card('a', 'one', 95), card('a', 'flat', 40), card('b', 'flat', 40), card('a', 'noise', 0.1 + 0.2), card('b', 'noise', 0.3)]);
    expect(zScore(95, stats.get('one'))).toBe(0);
    expect(zScore(40, stats.get('flat'))).toBe(0);
    expect(stats.get('noise')!.sigma).toBeGreaterThan(0); // 0.1 + 0.2 !== 0.3
    expect(zScore(0.3, stats.get('noise'))).toBe(0);
    expect(zScore(50, undefined)).toBe(0);
  });
});

describe('rankRound (rules 2-5, 7)', () => {
  // j1: A 80, B 60 -> mu 70, sigma 10: zA = 1, zB = -1
  // j2: A 70, B 50, C 60 -> mu 60, sigma sqrt(200/3): zA = 10/sigma = sqrt(1.5), zB = -sqrt(1.5), zC = 0
  // j3: C 90 only -> z 0
  // A: mean 75, normalised (1 + sqrt 1.5)/2, spread 5, SE 5
  // B: mean 55, normalised -(1 + sqrt 1.5)/2
  // C: mean 75, normalised 0, spread 15, SE 15
  // D: nothing
  const scorecards = [card('A', 'j1', 80), card('B', 'j1', 60), card('A', 'j2', 70), card('B', 'j2', 50), card('C', 'j2', 60), card('C', 'j3', 90)];
  const rows = rankRound({ applicationIds: ['A', 'B', 'C', 'D'], scorecards, required: 2, disagreementThreshold: 15 });
  const r = byId(rows);

  it('lists every application once in input order', () => {
    expect(rows.map((x) => x.applicationId)).toEqual(['A', 'B', 'C', 'D']);
  });
  it('computes mean and normalised scores by hand', () => {
    expect(r.get('A')!.meanScore).toBe(75);
    expect(r.get('B')!.meanScore).toBe(55);
    expect(r.get('C')!.meanScore).toBe(75);
    expect(r.get('A')!.normalisedScore).toBeCloseTo((1 + Math.sqrt(1.5)) / 2, 12);
    expect(r.get('B')!.normalisedScore).toBeCloseTo(-(1 + Math.sqrt(1.5)) / 2, 12);
    expect(r.get('C')!.normalisedScore).toBe(0);
  });
  it('ranks both methods with shared ranks; the normalised method breaks the mean tie', () => {
    expect(rows.map((x) => x.meanRank)).toEqual([1, 3, 1, null]);
    expect(rows.map((x) => x.normalisedRank)).toEqual([1, 3, 2, null]);
  });
  it('gives counts, spread, standard error and flags (threshold inclusive)', () => {
    expect(rows.map((x) => x.submitted)).toEqual([2, 2, 2, 0]);
    expect(r.get('A')!.spread).toBe(5);
    expect(r.get('C')!.spread).toBe(15);
    expect(r.get('A')!.standardError).toBeCloseTo(5, 12);
    expect(r.get('C')!.standardError).toBeCloseTo(15, 12);
    expect(rows.map((x) => x.flags)).toEqual([[], [], ['DISAGREEMENT'], ['INCOMPLETE']]);
  });
  it('leaves an application with no scorecard unranked with null scores, and sorts it last', () => {
    expect(r.get('D')).toEqual({ applicationId: 'D', submitted: 0, meanScore: null, normalisedScore: null, meanRank: null, normalisedRank: null, standardError: null, spread: null, flags: ['INCOMPLETE'] });
    const sorted = [...rows].reverse().sort(compareByRank('mean'));
    expect(sorted.at(-1)!.applicationId).toBe('D');
    expect([...rows].sort(compareByRank('normalised')).map((x) => x.applicationId)).toEqual(['A', 'C', 'B', 'D']);
  });
  it('flags INCOMPLETE below the required number', () => {
    const three = rankRound({ applicationIds: ['A', 'B', 'C', 'D'], scorecards, required: 3, disagreementThreshold: 15.0001 });
    expect(three.map((x) => x.flags)).toEqual([['INCOMPLETE'], ['INCOMPLETE'], ['INCOMPLETE'], ['INCOMPLETE']]);
  });

  it('one scorecard in the round: ranked first, z 0, no standard error', () => {
    const [row, other] = rankRound({ applicationIds: ['A', 'B'], scorecards: [card('A', 'j', 42)], required: 1, disagreementThreshold: 15 });
    expect(row).toMatchObject({ meanScore: 42, normalisedScore: 0, meanRank: 1, normalisedRank: 1, standardError: null, spread: 0, flags: [] });
    expect(other).toMatchObject({ meanRank: null, normalisedRank: null, flags: ['INCOMPLETE'] });
  });
  it('all-equal scores: every rank 1, normalised 0, no disagreement', () => {
    const cards = ['A', 'B', 'C'].flatMap((a) => ['j1', 'j2'].map((j) => card(a, j, 100 / 3)));
    const out = rankRound({ applicationIds: ['A', 'B', 'C'], scorecards: cards, required: 2, disagreementThreshold: 0.000001 });
    for (const row of out) expect(row).toMatchObject({ meanScore: 100 / 3, normalisedScore: 0, meanRank: 1, normalisedRank: 1, spread: 0, standardError: 0, flags: [] });
  });
  it('a juror with one scorecard contributes z = 0 but their S counts in the mean', () => {
    const out = byId(rankRound({ applicationIds: ['A', 'B'], scorecards: [card('A', 'j1', 90), card('B', 'j1', 10), card('B', 'solo', 100)], required: 1, disagreementThreshold: 100 }));
    expect(out.get('A')!.normalisedScore).toBe(1);
    expect(out.get('B')!.normalisedScore).toBe(-0.5); // (-1 + 0) / 2
    expect(out.get('B')!.meanScore).toBe(55);
  });
  it('exact ties share a rank and the next rank skips, under both methods', () => {
    // jurors x and y score identically: A = B > C > D
    const cards = ['x', 'y'].flatMap((j) => [card('A', j, 80), card('B', j, 80), card('C', j, 50), card('D', j, 20)]);
    const out = rankRound({ applicationIds: ['A', 'B', 'C', 'D'], scorecards: cards, required: 2, disagreementThreshold: 15 });
    expect(out.map((x) => x.meanRank)).toEqual([1, 1, 3, 4]);
    expect(out.map((x) => x.normalisedRank)).toEqual([1, 1, 3, 4]);
  });
  it('harsh and lenient jurors: normalisation changes the order', () => {
    // harsh H: X 40, Y 20 (z +1, -1); lenient L: Z 90, W 70 (z +1, -1)
    const out = rankRound({
      applicationIds: ['X', 'Y', 'Z', 'W'],
      scorecards: [card('X', 'H', 40), card('Y', 'H', 20), card('Z', 'L', 90), card('W', 'L', 70)],
      required: 1,
      disagreementThreshold: 15,
    });
    expect(out.map((x) => x.meanRank)).toEqual([3, 4, 1, 2]);
    expect(out.map((x) => x.normalisedScore)).toEqual([1, -1, 1, -1]);
    expect(out.map((x) => x.normalisedRank)).toEqual([1, 3, 1, 3]);
  });
  it('normalisation removes a constant offset per juror (harsh = lenient - 30)', () => {
    // harsh: A 40, B 20; lenient: C 70, D 50 (same pattern, 30 points higher)
    const base = [70, 50];
    const apps = ['A', 'B', 'C', 'D'];
    const cards = [
      ...apps.slice(0, 2).map((a, i) => card(a, 'harsh', base[i]! - 30)),
      ...apps.slice(2).map((a, i) => card(a, 'lenient', base[i]!)),
    ];
    const out = rankRound({ applicationIds: apps, scorecards: cards, required: 1, disagreementThreshold: 15 });
    expect(out.map((x) => x.normalisedRank)).toEqual([1, 3, 1, 3]);
    expect(out.map((x) => x.meanScore)).toEqual([40, 20, 70, 50]);
    expect(out.map((x) => x.meanRank)).toEqual([3, 4, 1, 2]);
  });
  it('ignores duplicate application ids and uses scorecards of unlisted applications only for juror stats', () => {
    const out = rankRound({ applicationIds: ['A', 'A'], scorecards: [card('A', 'j', 80), card('other', 'j', 60)], required: 1, disagreementThreshold: 15 });
    expect(out).toHaveLength(1);
    expect(out[0]!.normalisedScore).toBe(1);
    expect(out[0]!.meanScore).toBe(80);
  });
  it('random rounds: invariants hold (each juror\'s z sum to 0, ranks agree with scores)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 50; t++) {
      const apps = Array.from({ length: 1 + Math.floor(rnd() * 15) }, (_, i) => `a${i}`);
      const jurors = Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, i) => `j${i}`);
      const cards: SubmittedScore[] = [];
      for (const a of apps) for (const j of jurors) if (rnd() < 0.6) cards.push(card(a, j, Math.round(rnd() * 20) * 5));
      const out = rankRound({ applicationIds: apps, scorecards: cards, required: 2, disagreementThreshold: 15 });
      const stats = jurorStatistics(cards);
      for (const j of jurors) {
        const zs = cards.filter((c) => c.jurorId === j).map((c) => zScore(c.score, stats.get(j)));
        expect(zs.reduce((s, z) => s + z, 0)).toBeCloseTo(0, 9);
      }
      for (const row of out) {
        const s = cards.filter((c) => c.applicationId === row.applicationId).map((c) => c.score);
        expect(row.submitted).toBe(s.length);
        expect(row.meanRank === null).toBe(s.length === 0);
        expect(row.flags.includes('INCOMPLETE')).toBe(s.length < 2);
        if (row.meanScore !== null) {
          expect(row.meanRank).toBe(1 + out.filter((o) => o.meanScore !== null && o.meanScore - row.meanScore! >= 1e-9).length);
          expect(row.normalisedRank).toBe(1 + out.filter((o) => o.normalisedScore !== null && o.normalisedScore - row.normalisedScore! >= 1e-9).length);
        }
      }
    }
  });
});
